# The batch workflow: -AsBatchRequest on the model cmdlets, and Invoke-OpenAiBatch (write JSONL, upload, create, wait,
# download, match by custom_id, in input order). The emulator runs each line through the stand-in model. Its clock is
# frozen: a batch moves only when a test moves the clock, once the workflow shows it is waiting.
Describe 'The batch workflow against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'batchworkflow-tests'
        $script:connection = Get-OpenAiConnection -Current
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "batchworkflow-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
        Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
        # Runs Invoke-OpenAiBatch on $Requests in another runspace; once it waits on -Batches batch(es), moves the clock
        # past their end and returns what it wrote: Output, Errors, Warnings.
        function script:Invoke-BatchWorkflow($Requests, [string] $Arguments = '', [int] $Batches = 1, [int] $Advance = 60) {
            $waiting = Start-WaitingCommand -Activity 'Invoke-OpenAiBatch' -Count $Batches -Parameters @{ Requests = $Requests; Connection = $connection } -Script "
                param(`$Requests, `$Connection) `$Requests | Invoke-OpenAiBatch -PollInterval 0.1 -Connection `$Connection $Arguments"
            try {
                Set-EmulatorClock @{ advance_seconds = $Advance }
                $output = @($waiting.PowerShell.EndInvoke($waiting.Async))
                [pscustomobject]@{ Output = $output; Errors = @($waiting.PowerShell.Streams.Error); Warnings = @($waiting.PowerShell.Streams.Warning) }
            }
            finally { $waiting.PowerShell.Dispose() }
        }
    }
    AfterAll {
        Set-EmulatorClock @{ now = $null }
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context '-AsBatchRequest' {
        It 'Invoke-OpenAiResponse -AsBatchRequest writes a typed line with a custom id, POST /v1/responses, the body it would send and the message, sending nothing' {
            $since = Get-EmulatorSeq $emu
            $lines = @('Capital of France?', 'Capital of Peru?' | Invoke-OpenAiResponse -Model gpt-4o-mini -Instructions 'Be brief' -AsBatchRequest)
            $lines.Count | Should -Be 2
            $lines[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiBatchRequest])
            $lines[0].Method | Should -Be 'POST'
            $lines[0].Url | Should -Be '/v1/responses'
            $lines[0].InputObject | Should -Be 'Capital of France?'
            $lines[1].InputObject | Should -Be 'Capital of Peru?'
            $lines[0].CustomId | Should -Not -Be $lines[1].CustomId
            $json = $lines[0].ToJsonLine() | ConvertFrom-Json
            $json.custom_id | Should -Be $lines[0].CustomId
            $json.body.model | Should -Be 'gpt-4o-mini'
            $json.body.instructions | Should -Be 'Be brief'
            $json.body.input[0].content[0].text | Should -Be 'Capital of France?'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'New-OpenAiEmbedding -AsBatchRequest writes one base64 /v1/embeddings line per text, the text attached' {
            $lines = @('refunds', 'shipping' | New-OpenAiEmbedding -Model text-embedding-3-small -Dimensions 8 -AsBatchRequest)
            $lines.Url | Sort-Object -Unique | Should -Be '/v1/embeddings'
            $lines.InputObject | Should -Be @('refunds', 'shipping')
            ($lines[1].ToJsonLine() | ConvertFrom-Json).body.input | Should -Be 'shipping'
            ($lines[0].ToJsonLine() | ConvertFrom-Json).body.encoding_format | Should -Be 'base64'
            ($lines[0].ToJsonLine() | ConvertFrom-Json).body.dimensions | Should -Be 8
        }

        It 'Invoke-OpenAiChatCompletion -AsBatchRequest writes a /v1/chat/completions line with the whole conversation and the piped object, sending nothing' {
            $since = Get-EmulatorSeq $emu
            $lines = @('Capital of France?', 'Capital of Peru?' | Invoke-OpenAiChatCompletion -Model gpt-4o-mini -SystemMessage 'Be brief' -MaxCompletionTokens 50 -AsBatchRequest)
            $lines.Count | Should -Be 2
            $lines[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiBatchRequest])
            $lines.Url | Sort-Object -Unique | Should -Be '/v1/chat/completions'
            $lines.InputObject | Should -Be @('Capital of France?', 'Capital of Peru?')
            $json = $lines[1].ToJsonLine() | ConvertFrom-Json
            $json.body.model | Should -Be 'gpt-4o-mini'
            $json.body.max_completion_tokens | Should -Be 50
            $json.body.messages.role | Should -Be @('system', 'user')
            $json.body.messages.content | Should -Be @('Be brief', 'Capital of Peru?')
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'Test-OpenAiModeration -AsBatchRequest writes one /v1/moderations line per text, the piped object attached' {
            $lines = @('I like tea', 'I will attack the castle' | Test-OpenAiModeration -Model omni-moderation-latest -AsBatchRequest)
            $lines.Url | Sort-Object -Unique | Should -Be '/v1/moderations'
            $lines.InputObject | Should -Be @('I like tea', 'I will attack the castle')
            ($lines[1].ToJsonLine() | ConvertFrom-Json).body.input | Should -Be 'I will attack the castle'
            ($lines[1].ToJsonLine() | ConvertFrom-Json).body.model | Should -Be 'omni-moderation-latest'
        }

        It 'a line carries the object as it was piped (a FileInfo, a row), not the text made of it; -InputObject attaches one' {
            $files = 1..2 | ForEach-Object { $path = Join-Path $work "note$_.txt"; Set-Content -Path $path -Value "note $_"; Get-Item $path }
            $lines = @($files | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest)
            $lines[0].InputObject | Should -BeOfType ([System.IO.FileInfo])
            $lines.InputObject.Name | Should -Be @('note1.txt', 'note2.txt')
            ($lines[0].ToJsonLine() | ConvertFrom-Json).body.input[0].content[0].text | Should -Be $files[0].FullName
            $row = [pscustomobject]@{ Id = 7; Text = 'refunds' }
            $chat = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message $row.Text -InputObject $row -AsBatchRequest
            $chat.InputObject.Id | Should -Be 7
            ($row | New-OpenAiEmbedding -Text $row.Text -AsBatchRequest).InputObject.Id | Should -Be 7
            ('tea' | Test-OpenAiModeration -AsBatchRequest).InputObject | Should -Be 'tea'
        }

        It 'switches that need a live call are refused with -AsBatchRequest before anything is written' {
            $out = Invoke-OpenAiResponse 'hi' -Model gpt-4o-mini -AsBatchRequest -Stream -ErrorAction SilentlyContinue -ErrorVariable failure
            $out | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidBatchRequest,*'
            $failure[0].Exception.Message | Should -BeLike '-Stream cannot be combined with -AsBatchRequest*'
            Invoke-OpenAiResponse 'hi' -AsBatchRequest -ErrorAction SilentlyContinue -ErrorVariable missing
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiMissingModel,*'
            Invoke-OpenAiChatCompletion 'hi' -Model gpt-4o-mini -AsBatchRequest -StreamEvent -ErrorAction SilentlyContinue -ErrorVariable chat | Should -BeNullOrEmpty
            $chat[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidBatchRequest,*'
            $chat[0].Exception.Message | Should -BeLike '-StreamEvent cannot be combined with -AsBatchRequest*'
            Invoke-OpenAiChatCompletion 'hi' -Model gpt-4o-mini -Function Get-Date -InvokeFunction Auto -AsBatchRequest -ErrorAction SilentlyContinue -ErrorVariable functions | Should -BeNullOrEmpty
            $functions[0].Exception.Message | Should -BeLike '-InvokeFunction cannot be combined with -AsBatchRequest*'
            'hi' | Test-OpenAiModeration -Quiet -AsBatchRequest -ErrorAction SilentlyContinue -ErrorVariable quiet | Should -BeNullOrEmpty
            $quiet[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidBatchRequest,*'
        }
    }

    Context 'Invoke-OpenAiBatch' {
        It '1,000 piped objects come back as 1,000 results in input order with their inputs attached, through one batch' {
            $since = Get-EmulatorSeq $emu
            $questions = 1..1000 | ForEach-Object { "Question number $_" }
            $lines = $questions | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
            $run = Invoke-BatchWorkflow $lines -Arguments '-KeepFiles'
            $results = $run.Output
            $results.Count | Should -Be 1000
            $results[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiBatchResult])
            for ($i = 0; $i -lt 1000; $i++) {
                $r = $results[$i]
                if ($r.Index -ne $i -or $r.InputObject -ne $questions[$i] -or $r.CustomId -ne $lines[$i].CustomId -or -not $r.Succeeded -or
                    $r.Output -ne "You said: $($questions[$i])" -or $r.Response.Status -ne 'completed' -or $r.StatusCode -ne 200) {
                    throw "result $i is wrong: $($r | Out-String)"
                }
            }
            ($results.BatchId | Sort-Object -Unique).Count | Should -Be 1
            $run.Errors.Count | Should -Be 0
            $run.Warnings.Count | Should -Be 0
            $log = @(Get-EmulatorLog $emu -Since $since)
            @($log | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/files' }).Count | Should -Be 1
            $create = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/batches' })
            $create.Count | Should -Be 1
            $create[0].body.endpoint | Should -Be '/v1/responses'
            $inputFile = Get-OpenAiFile -Id $create[0].body.input_file_id
            $inputFile.Purpose | Should -Be 'batch'
            $inputFile.Bytes | Should -Be ((($lines | ForEach-Object { [Text.Encoding]::UTF8.GetByteCount($_.ToJsonLine()) + 1 }) | Measure-Object -Sum).Sum)
        }

        It 'chat completion and moderation lines run through Invoke-OpenAiBatch and come back typed, in input order, with their piped objects' {
            $rows = 'one', 'two', 'three' | ForEach-Object { [pscustomobject]@{ Word = $_ } }
            $requests = @(
                $rows | ForEach-Object { Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message "Say $($_.Word)" -InputObject $_ -AsBatchRequest }
                'I like tea', 'I will attack the castle' | Test-OpenAiModeration -AsBatchRequest
                'Say four' | Invoke-OpenAiChatCompletion -Model gpt-4o-mini -AsBatchRequest
            )
            $run = Invoke-BatchWorkflow $requests -Batches 2
            $results = $run.Output
            $results.Count | Should -Be 6
            $results.Index | Should -Be (0..5)
            $results.Succeeded | Should -Be @($true, $true, $true, $true, $true, $true)
            $results[0..2].InputObject.Word | Should -Be @('one', 'two', 'three')
            $results[0..2].Output | Should -Be @('You said: Say one', 'You said: Say two', 'You said: Say three')
            $results[0].Response | Should -BeOfType ([TrutoOpenAi.Core.Models.ChatCompletions.OpenAiChatCompletion])
            $results[3].InputObject | Should -Be 'I like tea'
            $results[3].Output | Should -BeFalse
            $results[4].InputObject | Should -Be 'I will attack the castle'
            $results[4].Output | Should -BeTrue
            $results[4].Response | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiModeration])
            $results[4].Response.Categories | Should -Contain 'violence'
            $results[4].Response.Input | Should -Be 'I will attack the castle'
            $results[5].InputObject | Should -Be 'Say four'
            $results[5].Output | Should -Be 'You said: Say four'
            ($results[0..2].BatchId + $results[5].BatchId | Sort-Object -Unique).Count | Should -Be 1
            $results[3].BatchId | Should -Not -Be $results[0].BatchId
            (Get-OpenAiBatch -Id $results[3].BatchId).Endpoint | Should -Be '/v1/moderations'
            $run.Errors.Count | Should -Be 0
        }

        It 'piped FileInfo objects come back attached to their results' {
            $files = 1..3 | ForEach-Object { $path = Join-Path $work "ask$_.txt"; Set-Content -Path $path -Value "ask $_"; Get-Item $path }
            $run = Invoke-BatchWorkflow ($files | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest)
            $run.Output.InputObject | ForEach-Object { $_ | Should -BeOfType ([System.IO.FileInfo]) }
            $run.Output.InputObject.Name | Should -Be @('ask1.txt', 'ask2.txt', 'ask3.txt')
            $run.Output.Output | Should -Be ($files | ForEach-Object { "You said: $($_.FullName)" })
        }

        It 'deletes the files it made on the server once read (input, output and error files); -KeepFiles keeps them' {
            $since = Get-EmulatorSeq $emu
            $requests = @(
                'kept apart' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
                @{ custom_id = 'no-model'; url = '/v1/responses'; body = @{ input = 'no model given' } }
            )
            $run = Invoke-BatchWorkflow $requests -Arguments '-WarningAction SilentlyContinue'
            $run.Output[1].StatusCode | Should -Be 400
            $run.Output.Count | Should -Be 2
            $batch = Get-OpenAiBatch -Id $run.Output[0].BatchId
            $made = @($batch.InputFileId, $batch.OutputFileId, $batch.ErrorFileId)
            $made | ForEach-Object { $_ | Should -Not -BeNullOrEmpty }
            foreach ($id in $made) {
                Get-OpenAiFile -Id $id -ErrorAction SilentlyContinue -ErrorVariable gone | Should -BeNullOrEmpty
                $gone[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            }
            $deletes = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE')
            $deletes.path | Sort-Object | Should -Be ($made | ForEach-Object { "/v1/files/$_" } | Sort-Object)

            $kept = Invoke-BatchWorkflow ('keep me' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest) -Arguments '-KeepFiles'
            $keptBatch = Get-OpenAiBatch -Id $kept.Output[0].BatchId
            (Get-OpenAiFile -Id $keptBatch.InputFileId).Purpose | Should -Be 'batch'
            (Get-OpenAiFile -Id $keptBatch.OutputFileId).Id | Should -Be $keptBatch.OutputFileId
        }

        It 'a line that fails comes back as an error result for its input, in its place, with a warning; mixed endpoints run as one batch each' {
            $requests = @(
                'first' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
                @{ custom_id = 'chat-bad'; url = '/v1/chat/completions'; body = @{ model = 'gpt-4o-mini'; messages = @(@{ role = 'robot'; content = 'x' }) }; InputObject = 'row 2' }
                'please [fail] now' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
                @{ custom_id = 'chat-ok'; url = '/v1/chat/completions'; body = @{ model = 'gpt-4o-mini'; messages = @(@{ role = 'user'; content = 'hello' }) } }
                'refunds' | New-OpenAiEmbedding -Model text-embedding-3-small -Dimensions 4 -AsBatchRequest
            )
            $run = Invoke-BatchWorkflow $requests -Batches 3
            $results = $run.Output
            $results.Count | Should -Be 5
            $results.Index | Should -Be @(0, 1, 2, 3, 4)
            $results[0].Succeeded | Should -BeTrue
            $results[0].Output | Should -Be 'You said: first'
            $results[1].Succeeded | Should -BeFalse
            $results[1].InputObject | Should -Be 'row 2'
            $results[1].StatusCode | Should -Be 400
            $results[1].ErrorCode | Should -Be 'invalid_value'
            $results[1].ErrorMessage | Should -BeLike "Invalid value: 'robot'*"
            $results[2].Succeeded | Should -BeFalse
            $results[2].InputObject | Should -Be 'please [fail] now'
            $results[2].ErrorCode | Should -Be 'server_error'
            $results[2].ErrorMessage | Should -Be 'The stand-in model was asked to fail.'
            $results[2].Response.Status | Should -Be 'failed'
            $results[3].Succeeded | Should -BeTrue
            $results[3].Output | Should -Be 'You said: hello'
            $results[3].InputObject.custom_id | Should -Be 'chat-ok'
            $results[4].Output.Count | Should -Be 4
            $results[4].Response.Text | Should -Be 'refunds'
            ($results.BatchId | Sort-Object -Unique).Count | Should -Be 3
            $run.Warnings[0] | Should -BeLike '2 of 5 request(s) failed*'
            $batch = Get-OpenAiBatch -Id $results[1].BatchId
            $batch.RequestCounts.Failed | Should -Be 1
            $batch.ErrorFileId | Should -Not -BeNullOrEmpty
        }

        It '-MaxRequestsPerBatch splits the requests into several batches that run side by side; results stay in input order' {
            $since = Get-EmulatorSeq $emu
            $texts = 1..10 | ForEach-Object { "item $_" }
            $run = Invoke-BatchWorkflow ($texts | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest) -Arguments '-MaxRequestsPerBatch 4 -Metadata @{ job = "split" }' -Batches 3
            $run.Output.InputObject | Should -Be $texts
            $run.Output.Output | Should -Be ($texts | ForEach-Object { "You said: $_" })
            ($run.Output.BatchId | Select-Object -Unique).Count | Should -Be 3
            $creates = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/batches' })
            $creates.Count | Should -Be 3
            $creates | ForEach-Object { $_.body.metadata.job | Should -Be 'split' }
            (Get-OpenAiBatch -Id $run.Output[8].BatchId).RequestCounts.Total | Should -Be 2
        }

        It 'JSONL text lines and hashtables are requests too' {
            $path = Join-Path $work 'requests.jsonl'
            1..3 | ForEach-Object { '{"custom_id":"line-' + $_ + '","method":"POST","url":"/v1/responses","body":{"model":"gpt-4o-mini","input":"line ' + $_ + '"}}' } | Set-Content -Path $path
            $run = Invoke-BatchWorkflow (Get-Content -Path $path)
            $run.Output.CustomId | Should -Be @('line-1', 'line-2', 'line-3')
            $run.Output.Output | Should -Be @('You said: line 1', 'You said: line 2', 'You said: line 3')
            $run.Output[0].InputObject | Should -BeLike '{"custom_id":"line-1"*'
        }

        It 'a batch cancelled while waited on gives each of its requests a batch_cancelled error result and a warning' {
            $lines = 1..3 | ForEach-Object { "cancel me $_" } | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
            $waiting = Start-WaitingCommand -Activity 'Invoke-OpenAiBatch' -Parameters @{ Requests = $lines; Connection = $connection } -Script '
                param($Requests, $Connection) $Requests | Invoke-OpenAiBatch -PollInterval 0.1 -Connection $Connection'
            try {
                Get-OpenAiBatch -First 1 | Stop-OpenAiBatch -Confirm:$false
                Set-EmulatorClock @{ advance_seconds = 10 }
                $results = @($waiting.PowerShell.EndInvoke($waiting.Async))
                $results.Count | Should -Be 3
                $results | ForEach-Object { $_.Succeeded | Should -BeFalse; $_.ErrorCode | Should -Be 'batch_cancelled' }
                $results.InputObject | Should -Be @('cancel me 1', 'cancel me 2', 'cancel me 3')
                $waiting.PowerShell.Streams.Warning[0] | Should -BeLike 'Batch * did not complete (cancelled*'
            }
            finally { $waiting.PowerShell.Dispose() }
        }

        It '-Timeout returns batch_timeout results and an OpenAiWaitTimeout error while the batch goes on' {
            $lines = 'slow' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
            $results = @($lines | Invoke-OpenAiBatch -Timeout 1 -PollInterval 0.2 -ErrorAction SilentlyContinue -ErrorVariable failure -WarningAction SilentlyContinue)
            $results.Count | Should -Be 1
            $results[0].ErrorCode | Should -Be 'batch_timeout'
            $results[0].InputObject | Should -Be 'slow'
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWaitTimeout,*'
            $running = Get-OpenAiBatch -Id $failure[0].TargetObject.Id
            $running.Status | Should -Be 'validating'
            (Get-OpenAiFile -Id $running.InputFileId).Id | Should -Be $running.InputFileId -Because 'a batch still running needs its input file'
        }

        It 'bad input is refused before any request: duplicate custom ids, an endpoint batches cannot call, a line without a body' {
            $since = Get-EmulatorSeq $emu
            $a = 'one' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
            $b = 'two' | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
            $b.CustomId = $a.CustomId
            $a, $b | Invoke-OpenAiBatch -ErrorAction SilentlyContinue -ErrorVariable duplicate | Should -BeNullOrEmpty
            $duplicate[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiDuplicateCustomId,*'
            $duplicate[0].Exception.Message | Should -BeLike "*'$($a.CustomId)' is used by requests 1, 2*"

            @{ custom_id = 'x'; url = '/v1/assistants'; body = @{ model = 'm' } } | Invoke-OpenAiBatch -ErrorAction SilentlyContinue -ErrorVariable endpoint | Should -BeNullOrEmpty
            $endpoint[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidBatchRequest,*'
            '{"custom_id":"y","method":"POST","url":"/v1/responses"}' | Invoke-OpenAiBatch -ErrorAction SilentlyContinue -ErrorVariable nobody | Should -BeNullOrEmpty
            $nobody[0].Exception.Message | Should -BeLike '*no body*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It '-WhatIf sends nothing and writes nothing' {
            $since = Get-EmulatorSeq $emu
            $lines = 1..5 | ForEach-Object { "q$_" } | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
            $lines | Invoke-OpenAiBatch -MaxRequestsPerBatch 2 -WhatIf | Should -BeNullOrEmpty
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }
    }
}
