# The usage and cost reports count the emulator's own model traffic: a runbook's calls show up in
# Get-OpenAiUsage* and Get-OpenAiCost with the tokens, images, characters and seconds the calls reported, grouped by
# model, project and API key. The emulator clock is frozen at a minute in the past, so the calls land in one bucket
# that holds none of the generated history (it stops at "now"), and the report holds exactly these calls.
Describe 'Usage and costs count the model calls made against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'usage-traffic-tests'
        $script:dir = Join-Path $TestDrive 'media'
        $null = New-Item -ItemType Directory -Path $dir
        $script:T = [long]([Math]::Floor([DateTimeOffset]::UtcNow.ToUnixTimeSeconds() / 60) * 60 - 7200)
        $null = Invoke-EmulatorControl POST clock -Body @{ now = $T } -Emulator $emu
        $script:from = [DateTimeOffset]::FromUnixTimeSeconds($T)
        $script:to = $from.AddMinutes(1)
        $script:defaultProject = (Get-OpenAiProject | Select-Object -First 1).Id
        function script:Sum($Values) { [long](($Values | Measure-Object -Sum).Sum) }

        # The runbook: model calls of every kind, all at the frozen minute.
        $since = Get-EmulatorSeq $emu
        $script:answers = @(1..3 | ForEach-Object { Invoke-OpenAiResponse -Model gpt-4o-mini -Message "Question $_ about our refund policy" -Confirm:$false })
        $script:answers += Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'A streamed question, counted like the others' -Stream -Confirm:$false -InformationAction Ignore
        $script:chats = @(1..2 | ForEach-Object { Invoke-OpenAiChatCompletion -Model gpt-4o -Message "Chat number $_, please answer" -Confirm:$false })
        $texts = 'alpha beta gamma', 'delta epsilon'
        $script:embedded = Invoke-OpenAiRequest -Method Post -Path 'embeddings' -Body @{ model = 'text-embedding-3-small'; input = $texts }
        $null = New-OpenAiEmbedding -Text $texts -Confirm:$false
        $null = Test-OpenAiModeration -Text $texts
        $null = New-OpenAiImage -Prompt 'A lighthouse' -Model dall-e-2 -Size 256x256 -Count 2 -Destination $dir -Confirm:$false
        $script:spoken = 'Usage counts these characters.'
        $wav = New-OpenAiSpeech -Text $spoken -Model tts-1 -Format wav -Destination (Join-Path $dir 'speech.wav') -Confirm:$false
        $script:transcript = $wav | New-OpenAiTranscription -Model whisper-1 -Confirm:$false
        $script:log = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'Get-OpenAiUsageCompletion shows exactly the responses and chat completions, tokens summed as they reported, by model, project and API key' {
        $rows = @(Get-OpenAiUsageCompletion -StartTime $from -EndTime $to -BucketWidth 1m -GroupBy Model, ProjectId, ApiKeyId)
        $rows.Count | Should -Be 2
        $mini = $rows | Where-Object Model -eq 'gpt-4o-mini'
        $mini.InputTokens | Should -Be (Sum $answers.Usage.InputTokens)
        $mini.OutputTokens | Should -Be (Sum $answers.Usage.OutputTokens)
        $mini.NumModelRequests | Should -Be 4
        $full = $rows | Where-Object Model -eq 'gpt-4o'
        $full.InputTokens | Should -Be (Sum $chats.Usage.PromptTokens)
        $full.OutputTokens | Should -Be (Sum $chats.Usage.CompletionTokens)
        $full.NumModelRequests | Should -Be 2
        $rows.ProjectId | Should -Be @($defaultProject, $defaultProject) -Because 'calls without OpenAI-Project count for the default project'
        @($rows.ApiKeyId | Select-Object -Unique).Count | Should -Be 1
        $rows[0].ApiKeyId | Should -BeLike 'key_*'
        $rows[0].BucketStart | Should -Be $from
    }

    It 'embeddings, moderation, images, speech and transcription each show up in their own report' {
        $embeddingRequests = @($log | Where-Object path -eq '/v1/embeddings').Count
        $embeddings = @(Get-OpenAiUsageEmbedding -StartTime $from -EndTime $to -BucketWidth 1m -GroupBy Model)
        $embeddings.Count | Should -Be 1
        $embeddings.Model | Should -Be 'text-embedding-3-small'
        $embeddings.NumModelRequests | Should -Be $embeddingRequests
        $embeddings.InputTokens | Should -Be ($embedded.usage.prompt_tokens * $embeddingRequests) -Because 'every request embedded the same two texts'

        $moderation = @(Get-OpenAiUsageModeration -StartTime $from -EndTime $to -BucketWidth 1m)
        $moderation.NumModelRequests | Should -Be @($log | Where-Object path -eq '/v1/moderations').Count
        $moderation.InputTokens | Should -Be $embedded.usage.prompt_tokens -Because 'the same texts count the same tokens'

        $images = @(Get-OpenAiUsageImage -StartTime $from -EndTime $to -BucketWidth 1m -GroupBy Model, Size, Source)
        $images.Count | Should -Be 1
        $images.Images | Should -Be 2
        $images.NumModelRequests | Should -Be 1
        $images.Model | Should -Be 'dall-e-2'
        $images.Size | Should -Be '256x256'
        $images.Source | Should -Be 'image.generation'

        $speech = @(Get-OpenAiUsageAudioSpeech -StartTime $from -EndTime $to -BucketWidth 1m -GroupBy Model)
        $speech.Characters | Should -Be $spoken.Length
        $speech.Model | Should -Be 'tts-1'
        $speech.NumModelRequests | Should -Be 1

        $heard = @(Get-OpenAiUsageAudioTranscription -StartTime $from -EndTime $to -BucketWidth 1m -GroupBy Model)
        $heard.Seconds | Should -Be $transcript.Usage.Seconds
        $heard.Model | Should -Be 'whisper-1'
        $heard.NumModelRequests | Should -Be 1
    }

    It 'Get-OpenAiCost prices the same calls: each line item''s quantity is the summed usage, its amount quantity times the list price' {
        $lines = @(Get-OpenAiCost -StartTime $from -EndTime $to -GroupBy LineItem, ProjectId)
        $byItem = @{}; foreach ($l in $lines) { $byItem[$l.LineItem] = $l }
        $byItem['gpt-4o-mini, input'].Quantity | Should -Be (Sum $answers.Usage.InputTokens)
        $byItem['gpt-4o-mini, input'].Amount | Should -Be ([decimal](Sum $answers.Usage.InputTokens) * 0.15 / 1000000)
        $byItem['gpt-4o-mini, output'].Quantity | Should -Be (Sum $answers.Usage.OutputTokens)
        $byItem['gpt-4o, output'].Amount | Should -Be ([decimal](Sum $chats.Usage.CompletionTokens) * 10 / 1000000)
        $byItem['dall-e-2, 256x256'].Quantity | Should -Be 2
        $byItem['tts-1'].Quantity | Should -Be $spoken.Length
        $byItem['whisper-1'].QuantityUnit | Should -Be 'duration_minutes'
        $byItem.Keys | Should -Not -Contain 'omni-moderation-latest' -Because 'moderation is free'
        @($lines.ProjectId | Select-Object -Unique) | Should -Be $defaultProject
    }

    It 'calls naming a project with OpenAI-Project count for that project, and batch lines as batch usage' {
        $project = New-OpenAiProject -Name 'Usage traffic' -Confirm:$false
        $key = [System.Net.NetworkCredential]::new('', $emu.ApiKey).Password
        $answer = Invoke-RestMethod -Method Post -Uri (([string]$emu.BaseUri).TrimEnd('/') + '/responses') -ContentType 'application/json' `
            -Headers @{ Authorization = "Bearer $key"; 'OpenAI-Project' = $project.Id } -Body (@{ model = 'gpt-4o-mini'; input = 'counted for another project' } | ConvertTo-Json)
        $rows = @(Get-OpenAiUsageCompletion -StartTime $from -EndTime $to -BucketWidth 1m -ProjectId $project.Id -GroupBy ProjectId)
        $rows.Count | Should -Be 1
        $rows.InputTokens | Should -Be $answer.usage.input_tokens
        $rows.NumModelRequests | Should -Be 1

        $jsonl = Join-Path $TestDrive 'lines.jsonl'
        Set-Content -LiteralPath $jsonl -Value @(
            '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-nano","messages":[{"role":"user","content":"first line"}]}}'
            '{"custom_id":"b","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-nano","messages":[{"role":"user","content":"second line"}]}}')
        $file = New-OpenAiFile -Path $jsonl -Purpose batch -Confirm:$false
        $null = New-OpenAiBatch -InputFileId $file.Id -Endpoint '/v1/chat/completions' -Confirm:$false
        $batch = @(Get-OpenAiUsageCompletion -StartTime $from -EndTime $to -BucketWidth 1m -Batch $true -GroupBy Model, Batch)
        $batch.Count | Should -Be 1
        $batch.Model | Should -Be 'gpt-4.1-nano'
        $batch.Batch | Should -BeTrue
        $batch.NumModelRequests | Should -Be 2
        @(Get-OpenAiUsageCompletion -StartTime $from -EndTime $to -BucketWidth 1m -Batch $false -GroupBy Model).Model | Should -Not -Contain 'gpt-4.1-nano'
    }
}
