# How to perform each Assistants-family operation (API key, OpenAI-Beta: assistants=v2), for Catalog.Tests.ps1: tool name
# (or "METHOD /path" beyond the 157 tools) -> scriptblock taking the test context. The emulator moves runs with its clock.
$assistant = { New-OpenAiAssistant -Model gpt-4o-mini -Name catalog -Confirm:$false }
$thread = { New-OpenAiThread -Message 'hello' -Confirm:$false }
$run = {
    param($emulator, [switch] $Function)
    $tools = if ($Function) { @(@{ type = 'function'; function = @{ name = 'lookup'; parameters = @{ type = 'object'; properties = @{ q = @{ type = 'string' } }; required = @('q') } } }) } else { $null }
    $a = New-OpenAiAssistant -Model gpt-4o-mini -Tool $tools -Confirm:$false
    $message = if ($Function) { 'lookup q=x' } else { 'hello' }
    $r = New-OpenAiThread -Message $message -Confirm:$false | New-OpenAiThreadRun -AssistantId $a.Id -Confirm:$false
    $null = Invoke-EmulatorControl POST 'clock' -Body @{ advance_seconds = 3 } -Emulator $emulator
    $r | Get-OpenAiThreadRun
}.GetNewClosure()
@{
    list_all_openai_assistants        = { param($ctx) Get-OpenAiAssistant -First 1 | Out-Null }
    get_single_openai_assistant_by_id = { param($ctx) & $assistant | Get-OpenAiAssistant | Out-Null }.GetNewClosure()
    create_a_openai_assistant         = { param($ctx) & $assistant | Out-Null }.GetNewClosure()
    update_a_openai_assistant_by_id   = { param($ctx) & $assistant | Set-OpenAiAssistant -Name renamed -Confirm:$false | Out-Null }.GetNewClosure()
    delete_a_openai_assistant_by_id   = { param($ctx) & $assistant | Remove-OpenAiAssistant -Confirm:$false }.GetNewClosure()
    get_single_openai_thread_by_id    = { param($ctx) & $thread | Get-OpenAiThread | Out-Null }.GetNewClosure()
    create_a_openai_thread            = { param($ctx) & $thread | Out-Null }.GetNewClosure()
    update_a_openai_thread_by_id      = { param($ctx) & $thread | Set-OpenAiThread -Metadata @{ k = 'v' } -Confirm:$false | Out-Null }.GetNewClosure()
    delete_a_openai_thread_by_id      = { param($ctx) & $thread | Remove-OpenAiThread -Confirm:$false }.GetNewClosure()
    list_all_openai_messages          = { param($ctx) & $thread | Get-OpenAiThreadMessage | Out-Null }.GetNewClosure()
    get_single_openai_message_by_id   = { param($ctx) & $thread | Get-OpenAiThreadMessage -First 1 | Get-OpenAiThreadMessage | Out-Null }.GetNewClosure()
    create_a_openai_message           = { param($ctx) & $thread | Add-OpenAiThreadMessage -Content 'more' -Confirm:$false | Out-Null }.GetNewClosure()
    update_a_openai_message_by_id     = { param($ctx) & $thread | Get-OpenAiThreadMessage -First 1 | Set-OpenAiThreadMessage -Metadata @{ k = 'v' } -Confirm:$false | Out-Null }.GetNewClosure()
    delete_a_openai_message_by_id     = { param($ctx) & $thread | Get-OpenAiThreadMessage -First 1 | Remove-OpenAiThreadMessage -Confirm:$false }.GetNewClosure()
    list_all_openai_runs              = { param($ctx) & $thread | Get-OpenAiThreadRun | Out-Null }.GetNewClosure()
    get_single_openai_run_by_id       = { param($ctx) & $run $ctx.Emulator | Out-Null }.GetNewClosure()
    create_a_openai_run               = { param($ctx) & $thread | New-OpenAiThreadRun -AssistantId (& $assistant).Id -Confirm:$false | Out-Null }.GetNewClosure()
    update_a_openai_run_by_id         = { param($ctx) & $run $ctx.Emulator | Set-OpenAiThreadRun -Metadata @{ k = 'v' } -Confirm:$false | Out-Null }.GetNewClosure()
    openai_runs_cancel                = { param($ctx) & $run $ctx.Emulator -Function | Stop-OpenAiThreadRun -Confirm:$false }.GetNewClosure()
    list_all_openai_run_steps         = { param($ctx) & $run $ctx.Emulator | Get-OpenAiThreadRunStep | Out-Null }.GetNewClosure()
    get_single_openai_run_step_by_id  = { param($ctx) & $run $ctx.Emulator | Get-OpenAiThreadRunStep -First 1 | Get-OpenAiThreadRunStep | Out-Null }.GetNewClosure()
    'POST /threads/{thread_id}/runs/{run_id}/submit_tool_outputs' = {
        param($ctx)
        $r = & $run $ctx.Emulator -Function
        $outputs = @{}; foreach ($call in $r.ToolCalls) { $outputs[$call.Id] = 'found' }
        $r | Submit-OpenAiThreadRunToolOutput -ToolOutput $outputs -Confirm:$false | Out-Null
    }.GetNewClosure()
}
