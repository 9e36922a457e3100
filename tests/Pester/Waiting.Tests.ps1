# The shared poller behind every Wait-OpenAi* cmdlet, through Wait-OpenAiBatch, Wait-OpenAiFineTuningJob and
# Wait-OpenAiVectorStoreFileBatch (Wait-OpenAiEvalRun and Wait-OpenAiThreadRun are covered with their areas). The
# emulator clock is frozen: objects move only when a test moves it, so nothing depends on timing.
Describe 'Waiting for batches, fine-tuning jobs and vector store file batches' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'waiting-tests'
        $script:connection = Get-OpenAiConnection -Current
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "waiting-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
        function script:New-TestBatch([int] $Count = 4, [string] $Url = '/v1/responses') {
            $path = Join-Path $work "in-$([guid]::NewGuid().ToString('n').Substring(0, 6)).jsonl"
            1..$Count | ForEach-Object { '{"custom_id":"r' + $_ + '","method":"POST","url":"' + $Url + '","body":{"model":"gpt-4o-mini","input":"hi ' + $_ + '"}}' } | Set-Content -Path $path
            New-OpenAiFile -Path $path -Purpose batch -Confirm:$false | New-OpenAiBatch -Endpoint /v1/responses -Confirm:$false
        }
        Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
    }
    AfterAll {
        Set-EmulatorClock @{ now = $null }
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'Wait-OpenAiBatch' {
        It 'waits for piped batches at once, one progress bar each with status, request counts and time, and writes each as it completes' {
            $batches = @(New-TestBatch -Count 4; New-TestBatch -Count 2)
            Set-EmulatorClock @{ advance_seconds = 7 }   # validated 5 s ago: half of in_progress
            $waiting = Start-WaitingCommand -Activity 'Wait-OpenAiBatch' -Count 2 -Parameters @{ Ids = $batches.Id; Connection = $connection } -Script '
                param($Ids, $Connection) $Ids | ForEach-Object { [pscustomobject]@{ BatchId = $_ } } | Wait-OpenAiBatch -PollInterval 0.1 -Connection $Connection'
            try {
                Set-EmulatorClock @{ advance_seconds = 60 }
                $out = @($waiting.PowerShell.EndInvoke($waiting.Async))
                $out.Count | Should -Be 2
                ($out.Id | Sort-Object) | Should -Be ($batches.Id | Sort-Object)
                $out | ForEach-Object { $_.Status | Should -Be 'completed'; $_.OutputFileId | Should -Not -BeNullOrEmpty }
                $progress = @($waiting.PowerShell.Streams.Progress | Where-Object { $_.Activity -eq 'Wait-OpenAiBatch' -and $_.RecordType -eq 'Processing' })
                $first = $progress | Where-Object CurrentOperation -eq "Waiting for batch $($batches[0].Id)" | Select-Object -First 1
                $first.StatusDescription | Should -Match '^in_progress: 2 of 4 requests done, 0 failed \(\d+ s\)$'
                $first.PercentComplete | Should -Be 50
                ($progress | Where-Object CurrentOperation -eq "Waiting for batch $($batches[1].Id)" | Select-Object -First 1).StatusDescription | Should -BeLike 'in_progress: 1 of 2 requests done*'
                ($progress.ActivityId | Sort-Object -Unique).Count | Should -Be 2
                @($waiting.PowerShell.Streams.Progress | Where-Object RecordType -eq 'Completed').Count | Should -Be 2
            }
            finally { $waiting.PowerShell.Dispose() }
        }

        It 'a batch that failed validation is an OpenAiBatchFailed error carrying the batch and its first line error, never a quiet object' {
            $batch = New-TestBatch -Count 2 -Url '/v1/embeddings'
            Set-EmulatorClock @{ advance_seconds = 5 }
            $out = $batch | Wait-OpenAiBatch -ErrorAction SilentlyContinue -ErrorVariable failure
            $out | Should -BeNullOrEmpty
            $failure.Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiBatchFailed,*'
            $failure[0].CategoryInfo.Category | Should -Be 'InvalidResult'
            $failure[0].TargetObject.Id | Should -Be $batch.Id
            $failure[0].TargetObject.Status | Should -Be 'failed'
            $failure[0].Exception.ErrorCode | Should -Be 'invalid_url'
            $failure[0].Exception.Message | Should -BeLike "Batch $($batch.Id) did not complete (failed*): invalid_url: line 1: *(and 1 more error(s) in Errors)"
        }

        It 'a cancelled batch is written with a warning' {
            $batch = New-TestBatch
            $batch | Stop-OpenAiBatch -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 5 }
            $out = $batch | Wait-OpenAiBatch -WarningVariable warned -WarningAction SilentlyContinue
            $out.Status | Should -Be 'cancelled'
            $warned[0] | Should -BeLike "Batch $($batch.Id) did not complete (cancelled*"
        }

        It '-Timeout gives up with OpenAiWaitTimeout while the batch goes on, and the API''s openai-poll-after-ms sets the pace over a shorter -PollInterval' {
            $batch = New-TestBatch
            $verbose = $batch | Wait-OpenAiBatch -Timeout 1 -PollInterval 0.05 -Verbose -ErrorAction SilentlyContinue -ErrorVariable failure 4>&1
            $failure.Count | Should -Be 1
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWaitTimeout,*'
            $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            $failure[0].TargetObject.Id | Should -Be $batch.Id
            (Get-OpenAiBatch -Id $batch.Id).Status | Should -Be 'validating'
            @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*read again in 100 ms (openai-poll-after-ms)*' }).Count | Should -BeGreaterThan 0
        }

        It 'an unknown batch writes OpenAiNotFound and the others are still waited for' {
            $batch = New-TestBatch
            Set-EmulatorClock @{ advance_seconds = 60 }
            $out = @('batch_nope', $batch.Id) | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Wait-OpenAiBatch -ErrorAction SilentlyContinue -ErrorVariable failure
            $out.Id | Should -Be $batch.Id
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Ctrl+C (PowerShell.Stop) ends the wait at once and leaves the batch running' {
            $batch = New-TestBatch
            $waiting = Start-WaitingCommand -Activity 'Wait-OpenAiBatch' -Parameters @{ Id = $batch.Id; Connection = $connection } -Script '
                param($Id, $Connection) Wait-OpenAiBatch -Id $Id -PollInterval 300 -Connection $Connection'
            try {
                $waiting.PowerShell.Stop()
                $waiting.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
                @($waiting.PowerShell.EndInvoke($waiting.Async)).Count | Should -Be 0
                (Get-OpenAiBatch -Id $batch.Id).Status | Should -Be 'validating'
            }
            finally { $waiting.PowerShell.Dispose() }
        }
    }

    Context 'Wait-OpenAiFineTuningJob' {
        BeforeAll {
            $path = Join-Path $work 'train.jsonl'
            1..3 | ForEach-Object { '{"messages":[{"role":"user","content":"q' + $_ + '"},{"role":"assistant","content":"a"}]}' } | Set-Content -Path $path
            $script:trainingFile = New-OpenAiFile -Path $path -Purpose fine-tune -Confirm:$false
        }

        It 'waits through validating, queued and running, showing each, and writes the succeeded job with its model' {
            $job = $trainingFile | New-OpenAiFineTuningJob -Model gpt-4o-mini -Suffix wait -Confirm:$false
            $waiting = Start-WaitingCommand -Activity 'Wait-OpenAiFineTuningJob' -Parameters @{ Job = $job; Connection = $connection } -Script '
                param($Job, $Connection) $Job | Wait-OpenAiFineTuningJob -PollInterval 0.1 -Connection $Connection'
            try {
                Set-EmulatorClock @{ advance_seconds = 5 }
                $deadline = [DateTime]::UtcNow.AddSeconds(120)
                while (-not ($waiting.PowerShell.Streams.Progress.StatusDescription -like 'running*') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
                Set-EmulatorClock @{ advance_seconds = 60 }
                $out = @($waiting.PowerShell.EndInvoke($waiting.Async))
                $out.Count | Should -Be 1
                $out[0].Status | Should -Be 'succeeded'
                $out[0].FineTunedModel | Should -BeLike 'ft:gpt-4o-mini:org:wait:*'
                $texts = @($waiting.PowerShell.Streams.Progress | Where-Object RecordType -eq 'Processing' | ForEach-Object StatusDescription)
                $texts[0] | Should -BeLike 'validating_files (* s)'
                @($texts | Where-Object { $_ -like 'running, estimated finish *' }).Count | Should -BeGreaterThan 0
            }
            finally { $waiting.PowerShell.Dispose() }
        }

        It 'a cancelled job is written with a warning' {
            $job = $trainingFile | New-OpenAiFineTuningJob -Model gpt-4o-mini -Confirm:$false
            $job | Stop-OpenAiFineTuningJob -Confirm:$false
            $out = Wait-OpenAiFineTuningJob -Id $job.Id -WarningVariable warned -WarningAction SilentlyContinue
            $out.Status | Should -Be 'cancelled'
            $warned[0] | Should -BeLike "Fine-tuning job $($job.Id) did not complete (cancelled)*"
        }
    }

    Context 'Wait-OpenAiVectorStoreFileBatch' {
        It 'waits until the files are processed, with the file counts, and writes the completed batch' {
            $docs = 1..3 | ForEach-Object {
                $path = Join-Path $work "doc$_.txt"
                "document $_ about refunds" | Set-Content -Path $path
                New-OpenAiFile -Path $path -Purpose assistants -Confirm:$false
            }
            $vs = New-OpenAiVectorStore -Name "wait-$([guid]::NewGuid().ToString('n').Substring(0, 6))" -Confirm:$false
            $batch = $docs | New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -Confirm:$false
            $batch.Status | Should -Be 'in_progress'
            $waiting = Start-WaitingCommand -Activity 'Wait-OpenAiVectorStoreFileBatch' -Parameters @{ Batch = $batch; Connection = $connection } -Script '
                param($Batch, $Connection) $Batch | Wait-OpenAiVectorStoreFileBatch -PollInterval 0.1 -Connection $Connection'
            try {
                Set-EmulatorClock @{ advance_seconds = 60 }
                $out = @($waiting.PowerShell.EndInvoke($waiting.Async))
                $out.Count | Should -Be 1
                $out[0].Status | Should -Be 'completed'
                $out[0].FileCounts.Completed | Should -Be 3
                $first = $waiting.PowerShell.Streams.Progress | Where-Object RecordType -eq 'Processing' | Select-Object -First 1
                $first.StatusDescription | Should -BeLike 'in_progress: 0 of 3 files processed, 0 failed*'
                $first.CurrentOperation | Should -Be "Waiting for file batch $($batch.Id)"
            }
            finally { $waiting.PowerShell.Dispose() }
        }

        It 'a cancelled file batch is written with a warning' {
            $path = Join-Path $work 'cancel.txt'
            'to cancel' | Set-Content -Path $path
            $vs = New-OpenAiVectorStore -Name "wait-$([guid]::NewGuid().ToString('n').Substring(0, 6))" -Confirm:$false
            $batch = New-OpenAiFile -Path $path -Purpose assistants -Confirm:$false | New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -Confirm:$false
            $batch | Stop-OpenAiVectorStoreFileBatch -Confirm:$false
            $out = $batch | Wait-OpenAiVectorStoreFileBatch -WarningVariable warned -WarningAction SilentlyContinue
            $out.Status | Should -Be 'cancelled'
            $warned[0] | Should -BeLike "File batch $($batch.Id) of vector store $($vs.Id) did not complete (cancelled*"
        }
    }
}
