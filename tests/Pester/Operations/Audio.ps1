# How to perform each audio operation (API key), for Catalog.Tests.ps1: tool name -> scriptblock taking the test context.
# Each block runs the command once; the test then checks the method and path the emulator recorded.
$newRecording = {
    # A recording made outside the module (no request): a short WAV the emulator transcribes by its bytes.
    $path = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).wav"
    $samples = [byte[]]::new(4800)
    $header = [byte[]]@(0x52, 0x49, 0x46, 0x46) + [BitConverter]::GetBytes([int](36 + $samples.Length)) + [Text.Encoding]::ASCII.GetBytes('WAVEfmt ') +
        [BitConverter]::GetBytes([int]16) + [BitConverter]::GetBytes([int16]1) + [BitConverter]::GetBytes([int16]1) + [BitConverter]::GetBytes([int]24000) +
        [BitConverter]::GetBytes([int]48000) + [BitConverter]::GetBytes([int16]2) + [BitConverter]::GetBytes([int16]16) + [Text.Encoding]::ASCII.GetBytes('data') +
        [BitConverter]::GetBytes([int]$samples.Length)
    [IO.File]::WriteAllBytes($path, [byte[]]($header + $samples))
    $path
}
@{
    create_a_openai_speech        = {
        param($ctx)
        $target = Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid().ToString('n')).wav"
        try { New-OpenAiSpeech -Text 'Catalog check.' -Destination $target -Confirm:$false | Out-Null } finally { Remove-Item $target -ErrorAction Ignore }
    }
    create_a_openai_transcription = {
        param($ctx)
        $path = & $newRecording
        try { New-OpenAiTranscription -Path $path -Confirm:$false | Out-Null } finally { Remove-Item $path -ErrorAction Ignore }
    }.GetNewClosure()
    create_a_openai_translation   = {
        param($ctx)
        $path = & $newRecording
        try { New-OpenAiTranslation -Path $path -Confirm:$false | Out-Null } finally { Remove-Item $path -ErrorAction Ignore }
    }.GetNewClosure()
}
