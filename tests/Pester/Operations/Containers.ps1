# How to perform each container operation (API key), for Catalog.Tests.ps1: tool name (or "METHOD /path" for operations
# beyond the 157 tools) -> scriptblock taking the test context. Each block runs the command once; the test then checks
# the method and path the emulator recorded.
$newContainer = { New-OpenAiContainer -Name "catalog-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -Confirm:$false }
$newContainerFile = {
    $path = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).csv"
    'a,b' | Set-Content -Path $path
    try { & $newContainer | Add-OpenAiContainerFile -Path $path -Confirm:$false } finally { Remove-Item $path }
}.GetNewClosure()
@{
    list_all_openai_containers              = { param($ctx) Get-OpenAiContainer -First 1 | Out-Null }
    get_single_openai_container_by_id       = { param($ctx) & $newContainer | Get-OpenAiContainer | Out-Null }.GetNewClosure()
    create_a_openai_container               = { param($ctx) & $newContainer | Out-Null }.GetNewClosure()
    delete_a_openai_container_by_id         = { param($ctx) & $newContainer | Remove-OpenAiContainer -Confirm:$false }.GetNewClosure()
    list_all_openai_container_files         = { param($ctx) & $newContainer | Get-OpenAiContainerFile | Out-Null }.GetNewClosure()
    get_single_openai_container_file_by_id  = { param($ctx) $f = & $newContainerFile; Get-OpenAiContainerFile -ContainerId $f.ContainerId -Id $f.Id | Out-Null }.GetNewClosure()
    delete_a_openai_container_file_by_id    = { param($ctx) & $newContainerFile | Remove-OpenAiContainerFile -Confirm:$false }.GetNewClosure()
    list_all_openai_container_file_content  = {
        param($ctx)
        $target = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).csv"
        try { & $newContainerFile | Save-OpenAiContainerFileContent -Destination $target | Out-Null } finally { Remove-Item $target -ErrorAction Ignore }
    }.GetNewClosure()
    'POST /containers/{container_id}/files' = { param($ctx) & $newContainerFile | Out-Null }.GetNewClosure()
}
