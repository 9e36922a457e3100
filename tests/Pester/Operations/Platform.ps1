# How to perform each platform operation (models, files, batches; API key), for Catalog.Tests.ps1: tool name (or
# "METHOD /path" for operations beyond the 157 tools) -> scriptblock taking the test context. Each block runs the
# command once; the test then checks the method and path the emulator recorded against Get-OpenAiOperation's entry.
$newBatchFile = {
    $path = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).jsonl"
    '{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[]}}' | Set-Content -Path $path
    try { New-OpenAiFile -Path $path -Purpose batch -Confirm:$false } finally { Remove-Item $path }
}
@{
    list_all_openai_models          = { param($ctx) Get-OpenAiModel | Out-Null }
    get_single_openai_model_by_id   = { param($ctx) Get-OpenAiModel -Id gpt-4o-mini | Out-Null }
    delete_a_openai_model_by_id     = {
        param($ctx)
        Add-EmulatorSeed $ctx.Emulator -Body @{ fine_tuned_models = 1 } | Out-Null
        Get-OpenAiModel -FineTuned | Select-Object -Last 1 | Remove-OpenAiModel -Confirm:$false
    }.GetNewClosure()
    list_all_openai_files           = { param($ctx) Get-OpenAiFile -First 1 | Out-Null }
    get_single_openai_file_by_id    = { param($ctx) Get-OpenAiFile -Id (& $newBatchFile).Id | Out-Null }.GetNewClosure()
    create_a_openai_file            = { param($ctx) & $newBatchFile | Out-Null }.GetNewClosure()
    delete_a_openai_file_by_id      = { param($ctx) & $newBatchFile | Remove-OpenAiFile -Confirm:$false }.GetNewClosure()
    'GET /files/{file_id}/content'  = {
        param($ctx)
        $out = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).jsonl"
        try { & $newBatchFile | Save-OpenAiFileContent -Path $out | Out-Null } finally { Remove-Item $out -ErrorAction Ignore }
    }.GetNewClosure()
    list_all_openai_batches         = { param($ctx) Get-OpenAiBatch -First 1 | Out-Null }
    get_single_openai_batch_by_id   = { param($ctx) & $newBatchFile | New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false | Get-OpenAiBatch | Out-Null }.GetNewClosure()
    create_a_openai_batch           = { param($ctx) & $newBatchFile | New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false | Out-Null }.GetNewClosure()
    openai_batches_cancel           = { param($ctx) & $newBatchFile | New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false | Stop-OpenAiBatch -Confirm:$false }.GetNewClosure()
}
