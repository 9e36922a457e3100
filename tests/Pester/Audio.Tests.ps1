# Audio against the emulator (API key): speech to files, transcription and translation of files, the voice-to-action pipeline.
Describe 'Audio against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'audio-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "audio-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:New-Folder { $d = Join-Path $work ([guid]::NewGuid().ToString('n').Substring(0, 8)); (New-Item -ItemType Directory -Path $d).FullName }
        function script:Get-Ascii([string] $Path, [int] $Offset, [int] $Count) {
            [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($Path), $Offset, $Count)
        }
        # Requests the emulator recorded since $Since (the module sent nothing when this is empty).
        function script:Get-Sent([long] $Since) { @(Get-EmulatorLog $emu -Since $Since) }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    It 'New-OpenAiSpeech writes one playable WAV file per piped text, named after the text, and sends model, input, voice and format' {
        $dir = New-Folder
        $since = Get-EmulatorSeq $emu
        $files = @('Hello from PowerShell.', 'The build is green today.' | New-OpenAiSpeech -Voice coral -Format wav -Speed 1.5 -Destination $dir -Confirm:$false)
        $files.Count | Should -Be 2
        $files[0] | Should -BeOfType ([IO.FileInfo])
        $files.Name | Should -Be @('hello-from-powershell.wav', 'the-build-is-green-today.wav')
        foreach ($file in $files) {
            $bytes = [IO.File]::ReadAllBytes($file.FullName)
            Get-Ascii $file.FullName 0 4 | Should -Be 'RIFF'
            [BitConverter]::ToInt32($bytes, 4) | Should -Be ($bytes.Length - 8) -Because 'the RIFF size covers the whole file'
            Get-Ascii $file.FullName 8 8 | Should -Be 'WAVEfmt '
            [BitConverter]::ToInt16($bytes, 20) | Should -Be 1 -Because 'PCM'
            [BitConverter]::ToInt32($bytes, 24) | Should -Be 24000
            $data = [Text.Encoding]::ASCII.GetString($bytes).IndexOf('data')
            [BitConverter]::ToInt32($bytes, $data + 4) | Should -Be ($bytes.Length - $data - 8) -Because 'the data chunk runs to the end of the file'
            @($bytes[($data + 8)..($bytes.Length - 1)] | Where-Object { $_ -ne 0 } | Select-Object -First 1).Count | Should -Be 1 -Because 'the samples are sound, not silence'
        }
        $sent = Get-Sent $since
        $sent.Count | Should -Be 2
        $sent[0].path | Should -Be '/v1/audio/speech'
        $sent[0].body.model | Should -Be 'gpt-4o-mini-tts'
        $sent[0].body.input | Should -Be 'Hello from PowerShell.'
        $sent[0].body.voice | Should -Be 'coral'
        $sent[0].body.response_format | Should -Be 'wav'
        $sent[0].body.speed | Should -Be 1.5
        $sent[0].body.PSObject.Properties.Name | Should -Not -Contain 'stream_format'
    }

    It 'New-OpenAiSpeech -Stream decodes the audio deltas into the same bytes; the format follows a file destination''s extension' {
        $dir = New-Folder
        $plain = New-OpenAiSpeech -Text 'Streaming makes the same sound.' -Destination (Join-Path $dir 'plain.wav') -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $streamed = New-OpenAiSpeech -Text 'Streaming makes the same sound.' -Destination (Join-Path $dir 'streamed.wav') -Stream -Confirm:$false
        (Get-Sent $since)[0].body.stream_format | Should -Be 'sse'
        (Get-Sent $since)[0].body.response_format | Should -Be 'wav'
        $streamed.Length | Should -Be $plain.Length
        (Get-FileHash $streamed.FullName).Hash | Should -Be (Get-FileHash $plain.FullName).Hash
    }

    It 'New-OpenAiSpeech writes MP3 by default: an ID3 tag then MPEG audio frames' {
        $file = New-OpenAiSpeech -Text 'Default format.' -Destination (New-Folder) -Confirm:$false
        $file.Extension | Should -Be '.mp3'
        $bytes = [IO.File]::ReadAllBytes($file.FullName)
        Get-Ascii $file.FullName 0 3 | Should -Be 'ID3'
        $size = ($bytes[6] -shl 21) -bor ($bytes[7] -shl 14) -bor ($bytes[8] -shl 7) -bor $bytes[9]
        $bytes[10 + $size] | Should -Be 0xFF -Because 'an MPEG frame header follows the tag'
        ($bytes[11 + $size] -band 0xE0) | Should -Be 0xE0
    }

    It 'New-OpenAiSpeech refuses, before any request: an existing file without -Force, a text over 4096 characters, an unknown voice, -Stream or -Instructions with tts-1' {
        $dir = New-Folder
        $existing = Join-Path $dir 'taken.wav'
        Set-Content -LiteralPath $existing -Value 'keep me'
        $since = Get-EmulatorSeq $emu
        New-OpenAiSpeech -Text 'x' -Destination $existing -ErrorVariable e1 -ErrorAction SilentlyContinue
        New-OpenAiSpeech -Text ('a' * 4097) -Destination $dir -ErrorVariable e2 -ErrorAction SilentlyContinue
        New-OpenAiSpeech -Text 'x' -Voice robot -Destination $dir -ErrorVariable e3 -ErrorAction SilentlyContinue
        New-OpenAiSpeech -Text 'x' -Model tts-1 -Stream -Destination $dir -ErrorVariable e4 -ErrorAction SilentlyContinue
        New-OpenAiSpeech -Text 'x' -Model tts-1-hd -Instructions 'calm' -Destination $dir -ErrorVariable e5 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiDestinationExists,*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiTextTooLong,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiStreamNotSupported,*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        (Get-Sent $since).Count | Should -Be 0
        (Get-Content -LiteralPath $existing -Raw).Trim() | Should -Be 'keep me'
        @(Get-ChildItem $dir).Name | Should -Be @('taken.wav') -Because 'nothing half-written is left'
        New-OpenAiSpeech -Text 'Replaced.' -Destination $existing -Format wav -Force -Confirm:$false | Out-Null
        Get-Ascii $existing 0 4 | Should -Be 'RIFF'
    }

    It 'a failed speech call leaves no file behind' {
        $dir = New-Folder
        Set-EmulatorFault $emu @{ path_prefix = '/v1/audio/speech'; method = 'POST'; fail_next = @(@{ status = 400; count = 1 }) } | Out-Null
        try { New-OpenAiSpeech -Text 'Never written.' -Destination $dir -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue }
        finally { Clear-EmulatorFault $emu }
        $failed | Should -Not -BeNullOrEmpty
        @(Get-ChildItem $dir).Count | Should -Be 0
    }

    It 'Get-ChildItem | New-OpenAiTranscription sends each file as multipart and writes typed transcripts in order; speech made here transcribes back to its text' {
        $dir = New-Folder
        $null = 'Alice sends the budget on Friday.', 'Bob books the room.' | New-OpenAiSpeech -Format wav -Destination $dir -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $transcripts = @(Get-ChildItem $dir -Filter *.wav | Sort-Object Name | New-OpenAiTranscription -Confirm:$false)
        $transcripts.Count | Should -Be 2
        $transcripts[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Media.OpenAiTranscription])
        $transcripts[0].Text | Should -Be 'Alice sends the budget on Friday.'
        $transcripts[1].Text | Should -Be 'Bob books the room.'
        $transcripts[0].Path | Should -Be (Join-Path $dir 'alice-sends-the-budget-on-friday.wav')
        $transcripts[0].Model | Should -Be 'gpt-4o-mini-transcribe'
        $transcripts[0].Task | Should -Be 'transcribe'
        $transcripts[0].Usage.Type | Should -Be 'tokens'
        $transcripts[0].Usage.TotalTokens | Should -BeGreaterThan 0
        $sent = Get-Sent $since
        $sent.Count | Should -Be 2
        $sent[0].path | Should -Be '/v1/audio/transcriptions'
        $sent[0].body.content_type | Should -Be 'multipart/form-data'
        $sent[0].body.fields.model | Should -Be 'gpt-4o-mini-transcribe'
        $sent[0].body.files[0].name | Should -Be 'file'
        $sent[0].body.files[0].filename | Should -Be 'alice-sends-the-budget-on-friday.wav'
        $sent[0].body.files[0].length | Should -Be (Get-Item $transcripts[0].Path).Length
    }

    It 'the transcript of a recording without embedded text is derived from its bytes: the same bytes give the same words' {
        $dir = New-Folder
        $a = Join-Path $dir 'a.mp3'; $b = Join-Path $dir 'b.mp3'; $c = Join-Path $dir 'c.mp3'
        [IO.File]::WriteAllBytes($a, [byte[]](1..200 | ForEach-Object { $_ % 256 }))
        Copy-Item $a $b
        [IO.File]::WriteAllBytes($c, [byte[]](1..200 | ForEach-Object { ($_ * 7) % 256 }))
        $ta, $tb, $tc = $a, $b, $c | New-OpenAiTranscription -Confirm:$false
        $ta.Text | Should -Match '^[A-Z][a-z ]+\.$'
        $tb.Text | Should -Be $ta.Text
        $tc.Text | Should -Not -Be $ta.Text
    }

    It 'New-OpenAiTranscription -ResponseFormat verbose_json with whisper-1 gives duration, segments and words' {
        $file = New-OpenAiSpeech -Text 'One two three. Four five.' -Format wav -Destination (New-Folder) -Confirm:$false
        $bytes = [IO.File]::ReadAllBytes($file.FullName)
        $data = [Text.Encoding]::ASCII.GetString($bytes).IndexOf('data')
        $seconds = [BitConverter]::ToInt32($bytes, $data + 4) / 48000
        $since = Get-EmulatorSeq $emu
        $t = $file | New-OpenAiTranscription -Model whisper-1 -ResponseFormat verbose_json -TimestampGranularity word, segment -Language en -Confirm:$false
        (Get-Sent $since)[0].body.fields.'timestamp_granularities[]' | Should -Be 'word,segment'
        $t.Duration | Should -Be ([Math]::Round($seconds, 2))
        $t.Language | Should -Be 'en'
        $t.Segments.Text.Trim() | Should -Be @('One two three.', 'Four five.')
        $t.Segments[0].Id | Should -Be '0'
        $t.Words.Word | Should -Be @('One', 'two', 'three', 'Four', 'five')
        $t.Words[-1].End | Should -BeLessOrEqual ($t.Duration + 0.01)
        $t.Usage.Type | Should -Be 'duration'
    }

    It 'New-OpenAiTranscription -Stream shows the deltas on the host and writes the typed transcript' {
        $file = New-OpenAiSpeech -Text 'Streamed words arrive one by one.' -Format wav -Destination (New-Folder) -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $all = @($file | New-OpenAiTranscription -Stream -Confirm:$false 6>&1)
        (Get-Sent $since)[0].body.fields.stream | Should -Be 'true'
        $host_ = @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] })
        ($host_ | Where-Object { $_.Tags -contains 'PSHOST' } | ForEach-Object { $_.MessageData.Message }) -join '' | Should -Be 'Streamed words arrive one by one.'
        $transcript = @($all | Where-Object { $_ -is [TrutoOpenAi.Core.Models.Media.OpenAiTranscription] })
        $transcript.Count | Should -Be 1
        $transcript[0].Text | Should -Be 'Streamed words arrive one by one.'
        $transcript[0].Path | Should -Be $file.FullName
        $transcript[0].Usage.OutputTokens | Should -BeGreaterThan 0
    }

    It 'New-OpenAiTranscription refuses, before any request: a missing file, a type the API does not take, a file over 25 MB, a format or -Stream the model does not do' {
        $dir = New-Folder
        $text = Join-Path $dir 'notes.txt'; Set-Content $text 'hello'
        $big = Join-Path $dir 'long.wav'
        $fs = [IO.File]::Create($big); $fs.SetLength(26MB); $fs.Dispose()
        $ok = Join-Path $dir 'ok.wav'; [IO.File]::WriteAllBytes($ok, [byte[]]::new(64))
        $since = Get-EmulatorSeq $emu
        New-OpenAiTranscription -Path (Join-Path $dir 'missing.wav') -ErrorVariable e1 -ErrorAction SilentlyContinue
        New-OpenAiTranscription -Path $text -ErrorVariable e2 -ErrorAction SilentlyContinue
        New-OpenAiTranscription -Path $big -ErrorVariable e3 -ErrorAction SilentlyContinue
        New-OpenAiTranscription -Path $ok -ResponseFormat srt -ErrorVariable e4 -ErrorAction SilentlyContinue
        New-OpenAiTranscription -Path $ok -Model whisper-1 -Stream -ErrorVariable e5 -ErrorAction SilentlyContinue
        New-OpenAiTranslation -Path $ok -ResponseFormat diarized_json -ErrorVariable e6 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiFileNotFound,*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUnsupportedFormat,*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiFileTooLarge,*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUnsupportedResponseFormat,*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiStreamNotSupported,*'
        $e6[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUnsupportedResponseFormat,*'
        (Get-Sent $since).Count | Should -Be 0
    }

    It 'the emulator answers the spec''s errors for what the module does not check: a model that does not translate, srt from gpt-4o' {
        $file = New-OpenAiSpeech -Text 'Errors.' -Format wav -Destination (New-Folder) -Confirm:$false
        $boundary = [guid]::NewGuid().ToString('n')
        $body = "--$boundary`r`nContent-Disposition: form-data; name=`"model`"`r`n`r`ngpt-4o-transcribe`r`n--$boundary`r`nContent-Disposition: form-data; name=`"response_format`"`r`n`r`nsrt`r`n" +
            "--$boundary`r`nContent-Disposition: form-data; name=`"file`"; filename=`"a.wav`"`r`nContent-Type: audio/wav`r`n`r`nRIFF`r`n--$boundary--`r`n"
        $answer = Invoke-WebRequest -Uri "$($emu.BaseUri.ToString().TrimEnd('/'))/audio/transcriptions" -Method Post -Body $body -ContentType "multipart/form-data; boundary=$boundary" `
            -Headers @{ Authorization = "Bearer $(ConvertFrom-SecureString $emu.ApiKey -AsPlainText)" } -SkipHttpErrorCheck
        $answer.StatusCode | Should -Be 400
        ($answer.Content | ConvertFrom-Json).error.param | Should -Be 'response_format'
        $translate = Invoke-WebRequest -Uri "$($emu.BaseUri.ToString().TrimEnd('/'))/audio/translations" -Method Post -Body ($body -replace 'srt', 'json') -ContentType "multipart/form-data; boundary=$boundary" `
            -Headers @{ Authorization = "Bearer $(ConvertFrom-SecureString $emu.ApiKey -AsPlainText)" } -SkipHttpErrorCheck
        $translate.StatusCode | Should -Be 400
        ($translate.Content | ConvertFrom-Json).error.param | Should -Be 'model'
    }

    It 'New-OpenAiTranslation sends whisper-1 and writes the English text; srt comes back as captions' {
        $file = New-OpenAiSpeech -Text 'Guten Morgen. Wie geht es?' -Format wav -Destination (New-Folder) -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $t = $file | New-OpenAiTranslation -Confirm:$false
        (Get-Sent $since)[0].path | Should -Be '/v1/audio/translations'
        (Get-Sent $since)[0].body.fields.model | Should -Be 'whisper-1'
        $t.Task | Should -Be 'translate'
        $t.Text | Should -Be 'Guten Morgen. Wie geht es?'
        $srt = $file | New-OpenAiTranslation -ResponseFormat srt -Confirm:$false
        $srt.Text | Should -Match '^1\n00:00:00,000 --> 00:00:0\d,\d{3}\nGuten Morgen\.\n\n2\n'
    }

    It 'voice to action: recordings -> New-OpenAiTranscription -> Invoke-OpenAiResponse -JsonSchema -> structured action items' {
        $dir = New-Folder
        $null = 'owner=Alice task=budget due=Friday', 'owner=Bob task=slides due=Monday' | New-OpenAiSpeech -Format wav -Destination $dir -Confirm:$false
        $schema = @{
            type       = 'object'
            properties = @{ items = @{ type = 'array'; items = @{ type = 'object'; required = @('owner', 'task', 'due')
                        properties = @{ owner = @{ type = 'string' }; task = @{ type = 'string' }; due = @{ type = 'string' } } } } }
            required   = @('items')
        }
        $since = Get-EmulatorSeq $emu
        $actions = @(Get-ChildItem $dir -Filter *.wav | Sort-Object Name | New-OpenAiTranscription -Confirm:$false |
                ForEach-Object { Invoke-OpenAiResponse -Model gpt-4o-mini -Instructions 'List the action items.' -Message $_.Text -JsonSchema $schema -Confirm:$false } |
                ForEach-Object { ($_.OutputText | ConvertFrom-Json).items })
        $actions.Count | Should -Be 2
        $actions[0].owner | Should -Be 'Alice'; $actions[0].task | Should -Be 'budget'; $actions[0].due | Should -Be 'Friday'
        $actions[1].owner | Should -Be 'Bob'; $actions[1].task | Should -Be 'slides'; $actions[1].due | Should -Be 'Monday'
        $sent = Get-Sent $since
        # The pipeline streams: each transcript goes on to its response before the next file is sent.
        $sent.path | Should -Be @('/v1/audio/transcriptions', '/v1/responses', '/v1/audio/transcriptions', '/v1/responses')
        $sent[1].body.text.format.type | Should -Be 'json_schema'
        $sent[1].body.input[0].content[0].text | Should -Be 'owner=Alice task=budget due=Friday'
    }
}
