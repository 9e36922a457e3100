# How to perform each evals operation (API key), for Catalog.Tests.ps1: tool name -> scriptblock taking the test context.
# Each block runs the command once; the test then checks the method and path the emulator recorded.
$newEval = {
    New-OpenAiEval -Name 'catalog' -DataSourceConfig @{ type = 'custom'; item_schema = @{ type = 'object' } } -Confirm:$false `
        -TestingCriterion @{ type = 'string_check'; name = 'exact'; input = '{{item.got}}'; reference = '{{item.want}}'; operation = 'eq' }
}
$newRun = {
    param($emulator)
    $run = & $newEval | New-OpenAiEvalRun -Item @{ got = 'a'; want = 'a' }, @{ got = 'a'; want = 'b' } -Confirm:$false
    $null = Invoke-EmulatorControl POST 'clock' -Body @{ advance_seconds = 10 } -Emulator $emulator
    $run
}.GetNewClosure()
@{
    list_all_openai_evals                        = { param($ctx) Get-OpenAiEval -First 1 | Out-Null }
    get_single_openai_eval_by_id                 = { param($ctx) & $newEval | Get-OpenAiEval | Out-Null }.GetNewClosure()
    create_a_openai_eval                         = { param($ctx) & $newEval | Out-Null }.GetNewClosure()
    update_a_openai_eval_by_id                   = { param($ctx) & $newEval | Set-OpenAiEval -Name renamed -Confirm:$false | Out-Null }.GetNewClosure()
    delete_a_openai_eval_by_id                   = { param($ctx) & $newEval | Remove-OpenAiEval -Confirm:$false }.GetNewClosure()
    list_all_openai_eval_runs                    = { param($ctx) & $newEval | Get-OpenAiEvalRun | Out-Null }.GetNewClosure()
    get_single_openai_eval_run_by_id             = { param($ctx) & $newRun $ctx.Emulator | Get-OpenAiEvalRun | Out-Null }.GetNewClosure()
    create_a_openai_eval_run                     = { param($ctx) & $newEval | New-OpenAiEvalRun -Item @{ got = 'a'; want = 'a' } -Confirm:$false | Out-Null }.GetNewClosure()
    delete_a_openai_eval_run_by_id               = { param($ctx) & $newRun $ctx.Emulator | Remove-OpenAiEvalRun -Confirm:$false }.GetNewClosure()
    openai_eval_runs_cancel                      = { param($ctx) & $newEval | New-OpenAiEvalRun -Item @{ got = 'a'; want = 'a' } -Confirm:$false | Stop-OpenAiEvalRun -Confirm:$false }.GetNewClosure()
    list_all_openai_eval_run_output_items        = { param($ctx) & $newRun $ctx.Emulator | Get-OpenAiEvalRunOutputItem | Out-Null }.GetNewClosure()
    get_single_openai_eval_run_output_item_by_id = { param($ctx) & $newRun $ctx.Emulator | Get-OpenAiEvalRunOutputItem -First 1 | Get-OpenAiEvalRunOutputItem | Out-Null }.GetNewClosure()
}
