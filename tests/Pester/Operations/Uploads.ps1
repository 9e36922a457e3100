# How to perform each upload operation (API key), for Catalog.Tests.ps1: tool name -> scriptblock taking the test
# context. Each block runs the command once; the test then checks the method and path the emulator recorded.
$newUpload = { New-OpenAiUpload -FileName 'catalog.jsonl' -Bytes 3 -Purpose batch -Confirm:$false }
$newPart = { & $newUpload | Add-OpenAiUploadPart -Data ([byte[]](1, 2, 3)) -Confirm:$false }.GetNewClosure()
@{
    create_a_openai_upload  = { param($ctx) & $newUpload | Out-Null }.GetNewClosure()
    openai_uploads_add      = { param($ctx) & $newPart | Out-Null }.GetNewClosure()
    openai_uploads_complete = { param($ctx) & $newPart | Complete-OpenAiUpload -Confirm:$false | Out-Null }.GetNewClosure()
    openai_uploads_cancel   = { param($ctx) & $newUpload | Stop-OpenAiUpload -Confirm:$false | Out-Null }.GetNewClosure()
}
