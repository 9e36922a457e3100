# How to perform each fine-tuning operation (API key), for Catalog.Tests.ps1: tool name -> scriptblock taking the test
# context. Each block runs the command once; the test then checks the method and path the emulator recorded.
$newJob = {
    $path = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).jsonl"
    '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}' | Set-Content -Path $path
    try { New-OpenAiFile -Path $path -Purpose fine-tune -Confirm:$false | New-OpenAiFineTuningJob -Model gpt-4o-mini -Confirm:$false } finally { Remove-Item $path }
}
$runningJob = {
    param($emulator)
    $job = & $newJob
    $null = Invoke-EmulatorControl POST 'clock' -Body @{ advance_seconds = 5 } -Emulator $emulator
    $job
}.GetNewClosure()
$checkpoint = {
    param($emulator)
    $job = & $newJob
    $null = Invoke-EmulatorControl POST 'clock' -Body @{ advance_seconds = 20 } -Emulator $emulator
    $job | Get-OpenAiFineTuningCheckpoint -First 1
}.GetNewClosure()
@{
    list_all_openai_fine_tuning_jobs        = { param($ctx) Get-OpenAiFineTuningJob -First 1 | Out-Null }
    create_a_openai_fine_tuning_job         = { param($ctx) & $newJob | Out-Null }.GetNewClosure()
    get_single_openai_fine_tuning_job_by_id = { param($ctx) & $newJob | Get-OpenAiFineTuningJob | Out-Null }.GetNewClosure()
    openai_fine_tuning_jobs_cancel          = { param($ctx) & $newJob | Stop-OpenAiFineTuningJob -Confirm:$false }.GetNewClosure()
    openai_fine_tuning_jobs_pause           = { param($ctx) & $runningJob $ctx.Emulator | Suspend-OpenAiFineTuningJob -Confirm:$false }.GetNewClosure()
    openai_fine_tuning_jobs_resume          = { param($ctx) & $runningJob $ctx.Emulator | Suspend-OpenAiFineTuningJob -Confirm:$false -PassThru | Resume-OpenAiFineTuningJob -Confirm:$false }.GetNewClosure()
    list_all_openai_fine_tuning_events      = { param($ctx) & $newJob | Get-OpenAiFineTuningEvent | Out-Null }.GetNewClosure()
    list_all_openai_fine_tuning_checkpoints = { param($ctx) & $newJob | Get-OpenAiFineTuningCheckpoint | Out-Null }.GetNewClosure()
    list_all_openai_checkpoint_permissions  = { param($ctx) & $checkpoint $ctx.Emulator | Get-OpenAiFineTuningCheckpointPermission | Out-Null }.GetNewClosure()
    create_a_openai_checkpoint_permission   = { param($ctx) & $checkpoint $ctx.Emulator | New-OpenAiFineTuningCheckpointPermission -ProjectId $ctx.ProjectId -Confirm:$false | Out-Null }.GetNewClosure()
    delete_a_openai_checkpoint_permission_by_id = {
        param($ctx)
        & $checkpoint $ctx.Emulator | New-OpenAiFineTuningCheckpointPermission -ProjectId $ctx.ProjectId -Confirm:$false | Remove-OpenAiFineTuningCheckpointPermission -Confirm:$false
    }.GetNewClosure()
}
