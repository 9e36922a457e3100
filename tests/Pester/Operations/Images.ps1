# How to perform each image operation (API key), for Catalog.Tests.ps1: tool name (or "METHOD /path" for operations beyond
# the 157 tools) -> scriptblock taking the test context. Each block runs the command once; the test then checks the method
# and path the emulator recorded.
$inFolder = {
    param([scriptblock] $Do)
    $dir = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n'))"
    $null = New-Item -ItemType Directory -Path $dir
    try { & $Do $dir } finally { Remove-Item $dir -Recurse -Force -ErrorAction Ignore }
}
@{
    create_a_openai_image_generation = {
        param($ctx)
        & $inFolder { param($dir) New-OpenAiImage -Prompt 'catalog' -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false | Out-Null }
    }.GetNewClosure()
    create_a_openai_image_edit       = {
        param($ctx)
        & $inFolder {
            param($dir)
            $source = New-OpenAiImage -Prompt 'source' -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false
            $source | Edit-OpenAiImage -Prompt 'edited' -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false | Out-Null
        }
    }.GetNewClosure()
    'POST /images/variations'        = {
        param($ctx)
        & $inFolder {
            param($dir)
            New-OpenAiImage -Prompt 'source' -Model dall-e-2 -Size 256x256 -Destination $dir -Confirm:$false |
                New-OpenAiImageVariation -Size 256x256 -Destination $dir -Confirm:$false | Out-Null
        }
    }.GetNewClosure()
}
