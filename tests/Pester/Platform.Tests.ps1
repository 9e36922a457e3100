# Models, files and batches: the platform API (API key, not the admin key) against the emulator.
Describe 'Platform API (models, files, batches) against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'platform-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "platform-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null

        function script:New-BatchInput([int] $Count = 3, [string] $Url = '/v1/chat/completions', [string] $Name = "input-$([guid]::NewGuid().ToString('n').Substring(0, 6)).jsonl") {
            $path = Join-Path $work $Name
            1..$Count | ForEach-Object {
                '{"custom_id":"req-' + $_ + '","method":"POST","url":"' + $Url + '","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}'
            } | Set-Content -Path $path
            $path
        }
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'Models' {
        It 'Get-OpenAiModel lists base and fine-tuned models in one request, with the API key' {
            $since = Get-EmulatorSeq $emu
            $models = @(Get-OpenAiModel)
            $models.Count | Should -BeGreaterThan 10
            $models[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiModel])
            $models.Id | Should -Contain 'gpt-4o-mini'
            ($models | Where-Object Id -eq 'gpt-4o').OwnedBy | Should -Be 'system'
            ($models | Where-Object Id -eq 'ft:gpt-4o-mini:org::abc').IsFineTuned | Should -BeTrue
            $models[0].Created | Should -BeOfType ([DateTimeOffset])
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 1
            $log[0].path | Should -Be '/v1/models'
            $log[0].query | Should -BeNullOrEmpty
            $log[0].auth_kind | Should -Be 'api'
        }

        It 'Get-OpenAiModel -Id with wildcards filters the one list request client-side' {
            $since = Get-EmulatorSeq $emu
            $models = @(Get-OpenAiModel -Id 'gpt-4*')
            $models.Count | Should -BeGreaterThan 3
            $models | ForEach-Object { $_.Id | Should -BeLike 'gpt-4*' }
            $models.Id | Should -Not -Contain 'ft:gpt-4o-mini:org::abc'
            @(Get-EmulatorLog $emu -Since $since).path | Should -Be @('/v1/models')
        }

        It 'Get-OpenAiModel -Id gets one model, a fine-tuned id with colons included' {
            $since = Get-EmulatorSeq $emu
            (Get-OpenAiModel -Id 'ft:gpt-4o-mini:org::abc').OwnedBy | Should -Not -BeIn @('openai', 'system')
            (Get-OpenAiModel -Id gpt-4o).Id | Should -Be 'gpt-4o'
            (Get-EmulatorLog $emu -Since $since).path | Should -Be @('/v1/models/ft:gpt-4o-mini:org::abc', '/v1/models/gpt-4o')
        }

        It 'Get-OpenAiModel -FineTuned keeps only the organization''s fine-tuned models' {
            $models = @(Get-OpenAiModel -FineTuned)
            $models.Count | Should -BeGreaterThan 0
            $models | ForEach-Object { $_.Id | Should -BeLike 'ft:*' }
        }

        It 'An unknown model writes OpenAiNotFound and the pipeline goes on' {
            $out = @(Get-OpenAiModel -Id 'no-such-model', 'gpt-4o' -ErrorAction SilentlyContinue -ErrorVariable failures)
            $out.Id | Should -Be @('gpt-4o')
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'A base model cannot be removed: OpenAiPermissionDenied, and the model stays' {
            Remove-OpenAiModel -Id gpt-4o -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiPermissionDenied,*'
            $failure[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            (Get-OpenAiModel -Id gpt-4o).Id | Should -Be 'gpt-4o'
        }

        It 'Remove-OpenAiModel -WhatIf deletes nothing; -Confirm:$false deletes piped fine-tuned models' {
            Add-EmulatorSeed $emu -Body @{ fine_tuned_models = 2 } | Out-Null
            $seeded = @(Get-OpenAiModel -Id 'ft:*seed*')
            $seeded.Count | Should -Be 2
            $since = Get-EmulatorSeq $emu
            $seeded | Remove-OpenAiModel -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
            $deleted = @($seeded | Remove-OpenAiModel -Confirm:$false -PassThru)
            $deleted.Deleted | Should -Be @($true, $true)
            (Get-OpenAiModel).Id | Should -Not -Contain $seeded[0].Id
        }
    }

    Context 'Files' {
        It 'New-OpenAiFile uploads multipart/form-data with the purpose and the file' {
            $path = New-BatchInput -Count 2 -Name 'upload-me.jsonl'
            $since = Get-EmulatorSeq $emu
            $file = New-OpenAiFile -Path $path -Purpose batch -Confirm:$false
            $file | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiFile])
            $file.Id | Should -Match '^file-'
            $file.FileId | Should -Be $file.Id
            $file.Filename | Should -Be 'upload-me.jsonl'
            $file.Purpose | Should -Be 'batch'
            $file.Bytes | Should -Be (Get-Item $path).Length
            # Batch files expire after 30 days by default.
            ($file.ExpiresAt - $file.CreatedAt).TotalDays | Should -Be 30
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 1
            $log[0].method | Should -Be 'POST'
            $log[0].path | Should -Be '/v1/files'
            $log[0].auth_kind | Should -Be 'api'
            $log[0].body.content_type | Should -Be 'multipart/form-data'
            $log[0].body.fields.purpose | Should -Be 'batch'
            $log[0].body.files[0].name | Should -Be 'file'
            $log[0].body.files[0].filename | Should -Be 'upload-me.jsonl'
            $log[0].body.files[0].length | Should -Be $file.Bytes
        }

        It 'An upload then download round-trips the bytes' {
            $bytes = [byte[]]::new(300000)
            [Random]::new(7).NextBytes($bytes)
            $path = Join-Path $work 'blob.bin'
            [IO.File]::WriteAllBytes($path, $bytes)
            $file = New-OpenAiFile -Path $path -Purpose user_data -Confirm:$false
            $file.Bytes | Should -Be 300000
            $saved = Save-OpenAiFileContent -Id $file.Id -Path (Join-Path $work 'blob-back.bin')
            $saved | Should -BeOfType ([IO.FileInfo])
            (Get-FileHash $saved.FullName).Hash | Should -Be (Get-FileHash $path).Hash
            Get-ChildItem $work -Filter '*.download-*' | Should -BeNullOrEmpty
        }

        It 'Save-OpenAiFileContent into a folder keeps the file name and does not overwrite without -Force' {
            $file = New-OpenAiFile -Path (New-BatchInput -Name 'named.jsonl') -Purpose batch -Confirm:$false
            $folder = New-Item -ItemType Directory -Path (Join-Path $work 'downloads') -Force
            ($file | Save-OpenAiFileContent -Path $folder.FullName).Name | Should -Be 'named.jsonl'
            $file | Save-OpenAiFileContent -Path $folder.FullName -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure.Count | Should -Be 1
            ($file | Save-OpenAiFileContent -Path $folder.FullName -Force).Length | Should -Be $file.Bytes
        }

        It 'A retried upload re-opens the file and sends it whole again' {
            $path = New-BatchInput -Count 5
            # A 429 is retried even for a create (the server did not act); a 500 after sending is not (OpenAiOutcomeUnknown).
            Set-EmulatorFault $emu @{ path_prefix = '/v1/files'; method = 'POST'; fail_next = @(@{ status = 429; retry_after_seconds = 0; count = 1 }) } | Out-Null
            try {
                $since = Get-EmulatorSeq $emu
                $file = New-OpenAiFile -Path $path -Purpose batch -Confirm:$false
                $posts = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
                $posts.status | Should -Be @(429, 200)
                $posts[1].body.files[0].length | Should -Be (Get-Item $path).Length
                $file.Bytes | Should -Be (Get-Item $path).Length
            }
            finally { Clear-EmulatorFault $emu }
        }

        It 'Get-OpenAiFile -Purpose asks the API for one purpose, newest first by default' {
            $a = New-OpenAiFile -Path (New-BatchInput) -Purpose user_data -Confirm:$false
            $b = New-OpenAiFile -Path (New-BatchInput) -Purpose user_data -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $files = @(Get-OpenAiFile -Purpose user_data)
            $files | ForEach-Object { $_.Purpose | Should -Be 'user_data' }
            $files.Id | Should -Contain $a.Id
            [array]::IndexOf($files.Id, $b.Id) | Should -BeLessThan ([array]::IndexOf($files.Id, $a.Id))
            (Get-EmulatorLog $emu -Since $since)[0].query_params.purpose | Should -Be 'user_data'
            $ascending = @(Get-OpenAiFile -Purpose user_data -Order Ascending)
            $ascending.Id | Should -Be ($files.Id[($files.Count - 1)..0])
        }

        It 'Get-OpenAiFile streams every page with -PageSize and stops early with -First' {
            $all = @(Get-OpenAiFile)
            $all.Count | Should -BeGreaterThan 4
            $since = Get-EmulatorSeq $emu
            $paged = @(Get-OpenAiFile -PageSize 2)
            $paged.Id | Should -Be $all.Id
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be ([math]::Ceiling($all.Count / 2))
            $log[1].query_params.after | Should -Be $all[1].Id
            $since = Get-EmulatorSeq $emu
            @(Get-OpenAiFile -First 3 -PageSize 2).Count | Should -Be 3
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 2
        }

        It '-PageSize above the files maximum of 10000 is refused before any request' {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiFile -PageSize 10001 -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidPageSize,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'Removing an unknown file writes OpenAiNotFound' {
            Remove-OpenAiFile -Id file-doesnotexist -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Files of purpose assistants cannot be downloaded: OpenAiInvalidRequest, no file written' {
            $file = New-OpenAiFile -Path (New-BatchInput) -Purpose assistants -Confirm:$false
            $target = Join-Path $work 'assistants.out'
            Save-OpenAiFileContent -Id $file.Id -Path $target -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            Test-Path $target | Should -BeFalse
        }

        It 'Get-OpenAiFile -Purpose batch | Where-Object CreatedAt -lt 30 days ago | Remove-OpenAiFile -WhatIf changes nothing' {
            Reset-Emulator $emu
            $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            Set-EmulatorClock @{ now = $now - 40 * 86400 }
            $old = @(1..2 | ForEach-Object { New-OpenAiFile -Path (New-BatchInput) -Purpose batch -Confirm:$false })
            Set-EmulatorClock @{ now = $null }
            $new = New-OpenAiFile -Path (New-BatchInput) -Purpose batch -Confirm:$false
            $other = New-OpenAiFile -Path (New-BatchInput) -Purpose user_data -Confirm:$false

            $since = Get-EmulatorSeq $emu
            Get-OpenAiFile -Purpose batch | Where-Object CreatedAt -lt (Get-Date).AddDays(-30) | Remove-OpenAiFile -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -ne 'GET').Count | Should -Be 0
            @(Get-OpenAiFile).Count | Should -Be 4

            Get-OpenAiFile -Purpose batch | Where-Object CreatedAt -lt (Get-Date).AddDays(-30) | Remove-OpenAiFile -Confirm:$false
            $left = @(Get-OpenAiFile).Id
            $left | Should -Not -Contain $old[0].Id
            $left | Should -Not -Contain $old[1].Id
            $left | Should -Contain $new.Id
            $left | Should -Contain $other.Id
        }
    }

    Context 'Batches' {
        It 'New-OpenAiBatch starts a batch over a piped input file' {
            $since = Get-EmulatorSeq $emu
            $batch = New-OpenAiFile -Path (New-BatchInput -Count 4) -Purpose batch -Confirm:$false |
                New-OpenAiBatch -Endpoint /v1/chat/completions -Metadata @{ job = 'nightly' } -Confirm:$false
            $batch | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiBatch])
            $batch.Id | Should -Match '^batch_'
            $batch.BatchId | Should -Be $batch.Id
            $batch.Status | Should -Be 'validating'
            $batch.CompletionWindow | Should -Be '24h'
            $batch.RequestCounts.Total | Should -Be 4
            $batch.Metadata.job | Should -Be 'nightly'
            ($batch.ExpiresAt - $batch.CreatedAt).TotalHours | Should -Be 24
            $post = Get-EmulatorLog $emu -Since $since | Where-Object path -eq '/v1/batches'
            $post.body.input_file_id | Should -Be $batch.InputFileId
            $post.body.endpoint | Should -Be '/v1/chat/completions'
            $post.body.completion_window | Should -Be '24h'
            $post.auth_kind | Should -Be 'api'
        }

        It 'A batch moves validating -> in_progress -> completed, with an output file of one line per request' {
            $batch = New-OpenAiFile -Path (New-BatchInput -Count 3) -Purpose batch -Confirm:$false |
                New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false
            $start = $batch.CreatedAt.ToUnixTimeSeconds()
            Set-EmulatorClock @{ now = $start + 5 }
            (Get-OpenAiBatch -Id $batch.Id).Status | Should -Be 'in_progress'
            Set-EmulatorClock @{ now = $start + 60 }
            $done = $batch | Get-OpenAiBatch
            Set-EmulatorClock @{ now = $null }
            $done.Status | Should -Be 'completed'
            $done.CompletedAt | Should -Not -BeNullOrEmpty
            $done.RequestCounts.Completed | Should -Be 3
            $output = Get-OpenAiFile -Id $done.OutputFileId
            $output.Purpose | Should -Be 'batch_output'
            $lines = Get-Content ($output | Save-OpenAiFileContent -Path (Join-Path $work 'out.jsonl') -Force).FullName
            $lines.Count | Should -Be 3
            ($lines | ForEach-Object { ($_ | ConvertFrom-Json).custom_id }) | Should -Be @('req-1', 'req-2', 'req-3')
        }

        It 'An input file whose lines call another endpoint makes the batch fail validation with line errors' {
            $batch = New-OpenAiFile -Path (New-BatchInput -Count 2 -Url '/v1/embeddings') -Purpose batch -Confirm:$false |
                New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false
            Set-EmulatorClock @{ now = $batch.CreatedAt.ToUnixTimeSeconds() + 5 }
            $failed = Get-OpenAiBatch -Id $batch.Id
            Set-EmulatorClock @{ now = $null }
            $failed.Status | Should -Be 'failed'
            $failed.Errors.Data.Count | Should -Be 2
            $failed.Errors.Data[0].Line | Should -Be 1
            $failed.Errors.Data[0].Code | Should -Be 'invalid_url'
        }

        It 'New-OpenAiBatch refuses an input file that is not of purpose batch, or does not exist' {
            $file = New-OpenAiFile -Path (New-BatchInput) -Purpose user_data -Confirm:$false
            New-OpenAiBatch -InputFileId $file.Id -Endpoint /v1/chat/completions -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $failure[0].Exception.Param | Should -Be 'input_file_id'
            New-OpenAiBatch -InputFileId file-nope -Endpoint /v1/chat/completions -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable missing
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        }

        It 'Stop-OpenAiBatch -WhatIf cancels nothing; -Confirm:$false moves the batch to cancelling, then cancelled' {
            $batch = New-OpenAiFile -Path (New-BatchInput) -Purpose batch -Confirm:$false |
                New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $batch | Stop-OpenAiBatch -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST').Count | Should -Be 0
            (Get-OpenAiBatch -Id $batch.Id).Status | Should -Be 'validating'

            $stopped = $batch | Stop-OpenAiBatch -Confirm:$false -PassThru
            $stopped.Status | Should -Be 'cancelling'
            $stopped.CancellingAt | Should -Not -BeNullOrEmpty
            (Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST').path | Should -Be "/v1/batches/$($batch.Id)/cancel"
            Set-EmulatorClock @{ advance_seconds = 30 }
            $later = Get-OpenAiBatch -Id $batch.Id
            Set-EmulatorClock @{ now = $null }
            $later.Status | Should -Be 'cancelled'
            $later.CancelledAt | Should -Not -BeNullOrEmpty
        }

        It 'Stop-OpenAiBatch on a finished batch writes OpenAiInvalidRequest' {
            $batch = New-OpenAiFile -Path (New-BatchInput) -Purpose batch -Confirm:$false |
                New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false
            Set-EmulatorClock @{ now = $batch.CreatedAt.ToUnixTimeSeconds() + 60 }
            try {
                Stop-OpenAiBatch -Id $batch.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
                $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
                (Get-OpenAiBatch -Id $batch.Id).Status | Should -Be 'completed'
            }
            finally { Set-EmulatorClock @{ now = $null } }
        }

        It 'Get-OpenAiBatch lists newest first across pages and filters by -Status' {
            $file = New-OpenAiFile -Path (New-BatchInput) -Purpose batch -Confirm:$false
            $mine = @(1..3 | ForEach-Object { $file | New-OpenAiBatch -Endpoint /v1/chat/completions -Confirm:$false })
            $mine[1] | Stop-OpenAiBatch -Confirm:$false
            $all = @(Get-OpenAiBatch -PageSize 2)
            $all.Count | Should -BeGreaterOrEqual 3
            $all[0].Id | Should -Be $mine[2].Id
            $all[1].Id | Should -Be $mine[1].Id
            ($all.Id | Select-Object -Unique).Count | Should -Be $all.Count
            @(Get-OpenAiBatch -Status cancelling, cancelled).Id | Should -Contain $mine[1].Id
            @(Get-OpenAiBatch -Status cancelling, cancelled).Id | Should -Not -Contain $mine[2].Id
        }
    }
}
