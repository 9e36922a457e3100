# Vector stores, their files and search: the platform API (API key) against the emulator.
Describe 'Vector stores against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'vectorstores-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "vectorstores-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null

        function script:New-Doc([string[]] $Lines = @('refunds are accepted within 30 days', 'shipping takes one week'), [string] $Purpose = 'assistants') {
            $path = Join-Path $work "doc-$([guid]::NewGuid().ToString('n').Substring(0, 6)).txt"
            $Lines | Set-Content -Path $path
            New-OpenAiFile -Path $path -Purpose $Purpose -Confirm:$false
        }
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
        function script:New-Name { "vs-$([guid]::NewGuid().ToString('n').Substring(0, 8))" }
    }
    AfterAll {
        Set-EmulatorClock @{ now = $null }
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'Vector stores' {
        It 'New-OpenAiVectorStore sends name, expires_after and metadata, and writes a typed, completed, empty store' {
            $since = Get-EmulatorSeq $emu
            $name = New-Name
            $vs = New-OpenAiVectorStore -Name $name -ExpiresAfterDays 7 -Metadata @{ team = 'support' } -Confirm:$false
            $vs | Should -BeOfType ([TrutoOpenAi.Core.Models.VectorStores.OpenAiVectorStore])
            $vs.Id | Should -BeLike 'vs_*'
            $vs.VectorStoreId | Should -Be $vs.Id
            $vs.Name | Should -Be $name
            $vs.Status | Should -Be 'completed'
            $vs.FileCounts.Total | Should -Be 0
            $vs.ExpiresAfter.Days | Should -Be 7
            $vs.ExpiresAt | Should -Be $vs.LastActiveAt.AddDays(7)
            $vs.Metadata.team | Should -Be 'support'
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 1
            $log[0].method | Should -Be 'POST'
            $log[0].path | Should -Be '/v1/vector_stores'
            $log[0].auth_kind | Should -Be 'api'
        }

        It 'Get-OpenAiVectorStore -Name filters by wildcard; piping a store to Get-OpenAiVectorStore gets it by id' {
            $prefix = "wild-$([guid]::NewGuid().ToString('n').Substring(0, 6))"
            $a = New-OpenAiVectorStore -Name "$prefix-a" -Confirm:$false
            $b = New-OpenAiVectorStore -Name "$prefix-b" -Confirm:$false
            $null = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            @(Get-OpenAiVectorStore -Name "$prefix*").Id | Sort-Object | Should -Be (@($a.Id, $b.Id) | Sort-Object)
            $since = Get-EmulatorSeq $emu
            ($a | Get-OpenAiVectorStore).Name | Should -Be "$prefix-a"
            (Get-EmulatorLog $emu -Since $since).path | Should -Be @("/v1/vector_stores/$($a.Id)")
        }

        It 'Get-OpenAiVectorStore pages with after and -First stops early' {
            1..3 | ForEach-Object { $null = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false }
            $since = Get-EmulatorSeq $emu
            $all = @(Get-OpenAiVectorStore -PageSize 2)
            $all.Count | Should -BeGreaterOrEqual 3
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be ([math]::Ceiling($all.Count / 2)) -Because 'one request per page of two'
            $log[1].query | Should -Match 'after=vs_'
            $since = Get-EmulatorSeq $emu
            @(Get-OpenAiVectorStore -First 1 -PageSize 1).Count | Should -Be 1
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 1
        }

        It 'Set-OpenAiVectorStore renames, changes expiry and metadata of a piped store; -PassThru writes it' {
            $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            $vs | Set-OpenAiVectorStore -Name 'renamed' -Confirm:$false | Should -BeNullOrEmpty
            $updated = $vs | Set-OpenAiVectorStore -ExpiresAfterDays 3 -Metadata @{ stage = 'archive' } -PassThru -Confirm:$false
            $updated.Name | Should -Be 'renamed'
            $updated.ExpiresAfter.Days | Should -Be 3
            $updated.Metadata.stage | Should -Be 'archive'
            (Get-OpenAiVectorStore -Id $vs.Id).Name | Should -Be 'renamed'
        }

        It 'Set- and Remove-OpenAiVectorStore -WhatIf change nothing' {
            $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $vs | Set-OpenAiVectorStore -Name 'never' -WhatIf
            $vs | Remove-OpenAiVectorStore -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -ne 'GET').Count | Should -Be 0
            (Get-OpenAiVectorStore -Id $vs.Id).Name | Should -Be $vs.Name
        }

        It 'Remove-OpenAiVectorStore deletes piped stores; -PassThru writes the deletion' {
            $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            $deletion = $vs | Remove-OpenAiVectorStore -Confirm:$false -PassThru
            $deletion.Deleted | Should -BeTrue
            $deletion.Object | Should -Be 'vector_store.deleted'
            Get-OpenAiVectorStore -Id $vs.Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'An unknown store writes OpenAiNotFound and the pipeline goes on' {
            $good = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            $out = @(Get-OpenAiVectorStore -Id 'vs_doesnotexist', $good.Id -ErrorAction SilentlyContinue -ErrorVariable failures)
            $out.Id | Should -Be @($good.Id)
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            Remove-OpenAiVectorStore -Id vs_doesnotexist -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'An id with a slash is refused before any request with OpenAiInvalidId' -ForEach @(
            @{ Id = 'vs_a/b' }, @{ Id = '..' }
        ) {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiVectorStore -Id $Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidId,*'
            Get-OpenAiVectorStoreFile -VectorStoreId vs_x -FileId $Id -ErrorAction SilentlyContinue -ErrorVariable failure2
            $failure2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidId,*'
            (Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }
    }

    Context 'Vector store files' {
        It 'Get-OpenAiFile -Purpose assistants | Add-OpenAiVectorStoreFile -VectorStoreId binds FileId; processing follows the clock' {
            Reset-Emulator $emu
            $now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
            Set-EmulatorClock @{ now = $now }
            try {
                $docs = @(New-Doc; New-Doc -Lines 'a much longer document line here')
                $null = New-Doc -Purpose user_data
                $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
                $added = @(Get-OpenAiFile -Purpose assistants | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -Confirm:$false)
                $added.Count | Should -Be 2
                $added[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.VectorStores.OpenAiVectorStoreFile])
                $added.FileId | Sort-Object | Should -Be ($docs.Id | Sort-Object)
                $added | ForEach-Object { $_.VectorStoreId | Should -Be $vs.Id; $_.Status | Should -Be 'in_progress'; $_.UsageBytes | Should -Be 0 }

                $current = $vs | Get-OpenAiVectorStore
                $current.Status | Should -Be 'in_progress'
                $current.FileCounts.InProgress | Should -Be 2
                $current.FileCounts.Total | Should -Be 2
                @($vs | Get-OpenAiVectorStoreFile -Status in_progress).Count | Should -Be 2

                Set-EmulatorClock @{ advance_seconds = 5 }
                $current = $vs | Get-OpenAiVectorStore
                $current.Status | Should -Be 'completed'
                $current.FileCounts.Completed | Should -Be 2
                $current.UsageBytes | Should -Be (($docs | Measure-Object Bytes -Sum).Sum)
                @($vs | Get-OpenAiVectorStoreFile -Status in_progress).Count | Should -Be 0
                ($added[0] | Get-OpenAiVectorStoreFile).UsageBytes | Should -Be ($docs | Where-Object Id -eq $added[0].FileId).Bytes
            }
            finally { Set-EmulatorClock @{ now = $null } }
        }

        It 'Get-OpenAiVectorStoreFile lists a piped store''s files; Remove-OpenAiVectorStoreFile detaches piped files and the counts follow' {
            $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            $doc = New-Doc
            $keep = New-Doc
            $doc, $keep | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -Attributes @{ lang = 'en'; n = 2 } -Confirm:$false | Out-Null
            $files = @($vs | Get-OpenAiVectorStoreFile)
            $files.Count | Should -Be 2
            $files[0].Attributes['lang'].GetString() | Should -Be 'en'
            $files[0].Attributes['n'].GetInt32() | Should -Be 2

            $since = Get-EmulatorSeq $emu
            $vs | Get-OpenAiVectorStoreFile | Where-Object FileId -eq $doc.Id | Remove-OpenAiVectorStoreFile -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -ne 'GET').Count | Should -Be 0

            $vs | Get-OpenAiVectorStoreFile | Where-Object FileId -eq $doc.Id | Remove-OpenAiVectorStoreFile -Confirm:$false
            @($vs | Get-OpenAiVectorStoreFile).FileId | Should -Be @($keep.Id)
            ($vs | Get-OpenAiVectorStore).FileCounts.Total | Should -Be 1
            (Get-OpenAiFile -Id $doc.Id).Id | Should -Be $doc.Id -Because 'removing from the store keeps the file'
        }

        It 'Adding a file that does not exist writes OpenAiNotFound; a file not in the store too' {
            $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -FileId file-doesnotexist -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            Remove-OpenAiVectorStoreFile -VectorStoreId $vs.Id -FileId (New-Doc).Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure2
            $failure2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            Get-OpenAiVectorStoreFile -VectorStoreId vs_doesnotexist -ErrorAction SilentlyContinue -ErrorVariable failure3
            $failure3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Get-OpenAiVectorStoreFileContent writes the parsed text of piped store files, tagged with their ids' {
            $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
            $doc = New-Doc -Lines 'first paragraph', '', 'second paragraph'
            $content = @($doc | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -Confirm:$false | Get-OpenAiVectorStoreFileContent)
            $content.Text | Should -Be @('first paragraph', 'second paragraph')
            $content[0].Type | Should -Be 'text'
            $content[0].FileId | Should -Be $doc.Id
            $content[0].VectorStoreId | Should -Be $vs.Id
            Get-OpenAiVectorStoreFileContent -VectorStoreId $vs.Id -FileId (New-Doc).Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'New-OpenAiVectorStore -FileId creates a store with files' {
            $docs = @(New-Doc; New-Doc)
            $vs = New-OpenAiVectorStore -Name (New-Name) -FileId $docs.Id -Confirm:$false
            $vs.FileCounts.Total | Should -Be 2
            @($vs | Get-OpenAiVectorStoreFile).FileId | Sort-Object | Should -Be ($docs.Id | Sort-Object)
        }
    }

    Context 'File batches' {
        It 'Piped files make one file batch; its files list by the piped batch; Stop- cancels only what is still processing' {
            Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
            try {
                $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
                $done = New-Doc
                $null = $done | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -Confirm:$false
                Set-EmulatorClock @{ advance_seconds = 5 }
                $docs = @(New-Doc; New-Doc; New-Doc)
                $since = Get-EmulatorSeq $emu
                $batch = @($docs | New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -Attributes @{ source = 'batch' } -Confirm:$false)
                $batch.Count | Should -Be 1
                $batch = $batch[0]
                $batch | Should -BeOfType ([TrutoOpenAi.Core.Models.VectorStores.OpenAiVectorStoreFileBatch])
                $batch.BatchId | Should -BeLike 'vsfb_*'
                $batch.VectorStoreId | Should -Be $vs.Id
                $batch.Status | Should -Be 'in_progress'
                $batch.FileCounts.Total | Should -Be 3
                @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 1 -Because 'the piped files go in one request'

                $inBatch = @($batch | Get-OpenAiVectorStoreFile)
                $inBatch.FileId | Sort-Object | Should -Be ($docs.Id | Sort-Object)
                $inBatch[0].Attributes['source'].GetString() | Should -Be 'batch'
                (Get-EmulatorLog $emu -Since $since)[-1].path | Should -Be "/v1/vector_stores/$($vs.Id)/file_batches/$($batch.Id)/files"

                $since = Get-EmulatorSeq $emu
                $batch | Stop-OpenAiVectorStoreFileBatch -WhatIf
                @(Get-EmulatorLog $emu -Since $since | Where-Object method -ne 'GET').Count | Should -Be 0

                $cancelled = $batch | Stop-OpenAiVectorStoreFileBatch -Confirm:$false -PassThru
                $cancelled.Status | Should -Be 'cancelled'
                $cancelled.FileCounts.Cancelled | Should -Be 3
                ($batch | Get-OpenAiVectorStoreFileBatch).Status | Should -Be 'cancelled'
                $store = $vs | Get-OpenAiVectorStore
                $store.FileCounts.Cancelled | Should -Be 3
                $store.FileCounts.Completed | Should -Be 1
                @($batch | Get-OpenAiVectorStoreFile -Status cancelled).Count | Should -Be 3

                $batch | Stop-OpenAiVectorStoreFileBatch -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
                $failure.Count | Should -Be 0 -Because 'cancelling a cancelled batch answers it as it is'
            }
            finally { Set-EmulatorClock @{ now = $null } }
        }

        It 'A finished batch cannot be cancelled: OpenAiInvalidRequest; an unknown batch: OpenAiNotFound' {
            Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
            try {
                $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
                $batch = New-Doc | New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -Confirm:$false
                Set-EmulatorClock @{ advance_seconds = 5 }
                ($batch | Get-OpenAiVectorStoreFileBatch).Status | Should -Be 'completed'
                $batch | Stop-OpenAiVectorStoreFileBatch -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
                $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
                Get-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id -BatchId vsfb_doesnotexist -ErrorAction SilentlyContinue -ErrorVariable failure2
                $failure2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            }
            finally { Set-EmulatorClock @{ now = $null } }
        }
    }

    Context 'Search' {
        It 'Search-OpenAiVectorStore sends one request and writes results best first, limited by -MaxResults' {
            Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
            try {
                $vs = New-OpenAiVectorStore -Name (New-Name) -Confirm:$false
                $doc = New-Doc -Lines 'refund policy: refunds within 30 days', 'refund by card', 'shipping takes a week', 'returns need a receipt'
                $null = $doc | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id -Confirm:$false
                Set-EmulatorClock @{ advance_seconds = 5 }
                $since = Get-EmulatorSeq $emu
                $results = @($vs | Search-OpenAiVectorStore -Query 'refund policy' -MaxResults 2)
                $results.Count | Should -Be 2
                $results[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.VectorStores.OpenAiVectorStoreSearchResult])
                $results[0].Text | Should -Be 'refund policy: refunds within 30 days'
                $results[0].Score | Should -BeGreaterThan $results[1].Score
                $results[0].FileId | Should -Be $doc.Id
                $results[0].VectorStoreId | Should -Be $vs.Id
                $log = @(Get-EmulatorLog $emu -Since $since)
                $log.Count | Should -Be 1
                $log[0].method | Should -Be 'POST'
                $log[0].path | Should -Be "/v1/vector_stores/$($vs.Id)/search"
            }
            finally { Set-EmulatorClock @{ now = $null } }
        }
    }
}
