# Uploads: the four cmdlets, and New-OpenAiFile sending files through parts (streamed, parallel, retried, MD5-checked,
# cancelled when stopped) against the emulator.
Describe 'Uploads against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'uploads-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "uploads-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null

        function script:New-RandomFile([long] $Bytes, [string] $Extension = '.jsonl') {
            $path = Join-Path $work "random-$([guid]::NewGuid().ToString('n').Substring(0, 8))$Extension"
            $buffer = [byte[]]::new($Bytes)
            [Random]::new(42).NextBytes($buffer)
            [IO.File]::WriteAllBytes($path, $buffer)
            $path
        }
        function script:New-SparseFile([long] $Bytes) {
            $path = Join-Path $work "sparse-$([guid]::NewGuid().ToString('n').Substring(0, 8)).jsonl"
            $stream = [IO.File]::Create($path)
            try { $stream.SetLength($Bytes) } finally { $stream.Dispose() }
            $path
        }
        function script:Get-Md5([string] $Path) { (Get-FileHash -Path $Path -Algorithm MD5).Hash.ToLowerInvariant() }
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
    }
    AfterAll {
        Set-EmulatorClock @{ now = $null }
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }
    AfterEach { Clear-EmulatorFault $emu }

    Context 'New-OpenAiFile through parts' {
        It 'sends a 256 MB sparse file in 64 MB parts with flat memory in the uploading pwsh and in the emulator' {
            # A child pwsh with its own emulator, so both peak working sets are the upload's alone. A small chunked upload
            # first loads and warms everything; the growth of the peaks after it is what the 256 MB cost.
            $path = New-SparseFile 256MB
            $warmup = New-RandomFile 200KB
            try {
                $script = {
                    param($Manifest, $Helpers, $Path, $Warmup)
                    Import-Module $Manifest
                    Import-Module $Helpers
                    $emu = Start-OpenAiEmulator -Connect -Name 'uploads-memory'
                    try {
                        New-OpenAiFile -Path $Warmup -Purpose batch -Chunked -PartSize 64KB -Confirm:$false | Out-Null
                        $self = Get-Process -Id $PID
                        $server = Get-Process -Id $emu.ProcessId
                        [GC]::Collect(); $self.Refresh(); $server.Refresh()
                        $before = $self.PeakWorkingSet64, $server.PeakWorkingSet64
                        $since = Get-EmulatorSeq $emu
                        $file = New-OpenAiFile -Path $Path -Purpose batch -Chunked -Confirm:$false
                        $self.Refresh(); $server.Refresh()
                        $log = @(Get-EmulatorLog $emu -Since $since)
                        [pscustomobject]@{
                            Bytes = $file.Bytes
                            PwshBefore = $before[0]; PwshAfter = $self.PeakWorkingSet64
                            EmulatorBefore = $before[1]; EmulatorAfter = $server.PeakWorkingSet64
                            BigParts = @($log | Where-Object { $_.path -like '/v1/uploads/*/parts' -and $_.body.length -gt 64MB }).Count
                            Md5 = @($log | Where-Object path -like '/v1/uploads/*/complete')[-1].body.md5
                            Stored = (Get-OpenAiFile -Id $file.Id).Bytes
                        } | ConvertTo-Json -Compress
                        $file | Remove-OpenAiFile -Confirm:$false # the emulator deletes the file it kept on disk
                    }
                    finally { $emu | Stop-OpenAiEmulator -Confirm:$false }
                }
                $out = & (Join-Path $PSHOME 'pwsh') -NoProfile -NonInteractive -Command $script -args $ModuleManifest, (Join-Path $PSScriptRoot 'TestHelpers.psm1'), $path, $warmup
                $result = ($out | Select-Object -Last 1) | ConvertFrom-Json
                Write-Host ("    256 MB through parts: pwsh peak working set {0:0} -> {1:0} MB, emulator {2:0} -> {3:0} MB" -f ($result.PwshBefore / 1MB), ($result.PwshAfter / 1MB), ($result.EmulatorBefore / 1MB), ($result.EmulatorAfter / 1MB))
                $result.Bytes | Should -Be 256MB
                $result.Stored | Should -Be 256MB
                $result.BigParts | Should -Be 4 -Because '256 MB is four 64 MB parts'
                $result.Md5 | Should -Be (Get-Md5 $path)
                ($result.PwshAfter - $result.PwshBefore) | Should -BeLessThan 64MB -Because 'parts stream from disk: not even one part is held in memory'
                ($result.EmulatorAfter - $result.EmulatorBefore) | Should -BeLessThan 64MB -Because 'the emulator streams parts to disk'
            }
            finally { Remove-Item $path, $warmup -ErrorAction Ignore }
        }

        It 'assembles parts in file order whatever order they arrive in, and the content downloads intact' {
            $path = New-RandomFile 3MB
            $since = Get-EmulatorSeq $emu
            $file = New-OpenAiFile -Path $path -Purpose fine-tune -Chunked -PartSize 512KB -ThrottleLimit 4 -Confirm:$false
            $file | Should -BeOfType ([TrutoOpenAi.Core.Models.Platform.OpenAiFile])
            $file.Bytes | Should -Be 3MB
            $file.Purpose | Should -Be 'fine-tune'
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log[0].path | Should -Be '/v1/uploads'
            $log[0].body.mime_type | Should -Be 'text/jsonl'
            $log[0].body.bytes | Should -Be 3MB
            @($log | Where-Object path -like '/v1/uploads/*/parts').Count | Should -Be 6
            $saved = Join-Path $work 'saved.jsonl'
            Save-OpenAiFileContent -Id $file.Id -Path $saved | Out-Null
            Get-Md5 $saved | Should -Be (Get-Md5 $path)
        }

        It 'retries a part that fails and completes the file with the right MD5' {
            $path = New-RandomFile 2MB
            Set-EmulatorFault $emu @{ path_prefix = '/v1/uploads/'; method = 'POST'; fail_next = @(@{ status = 500; count = 1 }) } | Out-Null
            $since = Get-EmulatorSeq $emu
            $file = New-OpenAiFile -Path $path -Purpose batch -Chunked -PartSize 1MB -ThrottleLimit 1 -Confirm:$false
            $log = @(Get-EmulatorLog $emu -Since $since)
            $parts = @($log | Where-Object path -like '/v1/uploads/*/parts')
            $parts.Count | Should -Be 3 -Because 'two parts, the first sent twice'
            $parts[0].fault | Should -Be '500'
            $parts[1].status | Should -Be 200
            $parts[1].headers.'x-stainless-retry-count' | Should -Be '1'
            $complete = @($log | Where-Object path -like '/v1/uploads/*/complete')
            $complete.status | Should -Be 200
            $complete.body.md5 | Should -Be (Get-Md5 $path)
            @($complete.body.part_ids).Count | Should -Be 2
            $saved = Join-Path $work 'retried.jsonl'
            Save-OpenAiFileContent -Id $file.Id -Path $saved -Force | Out-Null
            Get-Md5 $saved | Should -Be (Get-Md5 $path)
        }

        It 'cancels the upload on the server when a part fails for good, and writes the error' {
            $path = New-RandomFile 1MB
            Set-EmulatorFault $emu @{ path_prefix = '/v1/uploads/'; method = 'POST'; fail_next = @(@{ status = 400; count = 1 }) } | Out-Null
            $since = Get-EmulatorSeq $emu
            $filesBefore = @(Get-OpenAiFile).Count
            New-OpenAiFile -Path $path -Purpose batch -Chunked -PartSize 256KB -ThrottleLimit 1 -Confirm:$false -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $log = @(Get-EmulatorLog $emu -Since $since)
            $cancel = @($log | Where-Object path -like '/v1/uploads/*/cancel')
            $cancel.Count | Should -Be 1
            $cancel[0].status | Should -Be 200
            @($log | Where-Object path -like '/v1/uploads/*/complete').Count | Should -Be 0
            @(Get-OpenAiFile).Count | Should -Be $filesBefore
        }

        It 'Stop() in the middle cancels the upload on the server' {
            $path = New-RandomFile 3MB
            # The first part answers 503 with Retry-After 30 s: once the log shows it, the upload is certainly waiting mid-way.
            Set-EmulatorFault $emu @{ path_prefix = '/v1/uploads/'; method = 'POST'; fail_next = @(@{ status = 503; count = 1; retry_after_seconds = 30 }) } | Out-Null
            $since = Get-EmulatorSeq $emu
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddArgument($ModuleManifest).AddStatement()
                $null = $ps.AddCommand('New-OpenAiFile').AddParameter('Path', $path).AddParameter('Purpose', 'batch').AddParameter('PartSize', 1MB).
                    AddParameter('ThrottleLimit', 1).AddParameter('Connection', (Get-OpenAiConnection -Name 'uploads-tests')).AddParameter('Confirm', $false)
                $async = $ps.BeginInvoke()
                $deadline = [datetime]::UtcNow.AddSeconds(60)
                do {
                    $waiting = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.path -like '/v1/uploads/*/parts' -and $_.fault -eq '503' })
                } until ($waiting -or $async.IsCompleted -or [datetime]::UtcNow -gt $deadline)
                $waiting | Should -Not -BeNullOrEmpty
                $ps.Stop()
                $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            }
            finally { $ps.Dispose() }
            $log = @(Get-EmulatorLog $emu -Since $since)
            $cancel = @($log | Where-Object path -like '/v1/uploads/*/cancel')
            $cancel.Count | Should -Be 1
            $cancel[0].status | Should -Be 200
            @($log | Where-Object path -like '/v1/uploads/*/complete').Count | Should -Be 0
            $id = ($cancel[0].path -split '/')[3]
            Complete-OpenAiUpload -UploadId $id -PartId part_x -Confirm:$false -ErrorVariable late -ErrorAction SilentlyContinue
            $late[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $late[0].Exception.Message | Should -Match 'cancelled'
        }

        It 'refuses a file over 8 GB, a purpose the Uploads API does not take and a part over 64 MB before any request' {
            $huge = New-SparseFile (8GB + 1)
            try {
                $since = Get-EmulatorSeq $emu
                New-OpenAiFile -Path $huge -Purpose batch -Confirm:$false -ErrorVariable e1 -ErrorAction SilentlyContinue
                $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadTooLarge,*'
                $e1[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
                $small = New-RandomFile 10KB
                New-OpenAiFile -Path $small -Purpose user_data -Chunked -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
                $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadPurposeNotSupported,*'
                New-OpenAiFile -Path $small -Purpose batch -PartSize 65MB -Confirm:$false -ErrorVariable e3 -ErrorAction SilentlyContinue
                $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadPartTooLarge,*'
                Add-OpenAiUploadPart -UploadId upload_x -Path $huge -Length 65MB -Confirm:$false -ErrorVariable e4 -ErrorAction SilentlyContinue
                $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadPartTooLarge,*'
                New-OpenAiUpload -FileName big.bin -Bytes (8GB + 1) -Purpose batch -Confirm:$false -ErrorVariable e5 -ErrorAction SilentlyContinue
                $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadTooLarge,*'
                @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
            }
            finally { Remove-Item $huge -ErrorAction Ignore }
        }
    }

    Context 'The upload cmdlets' {
        It 'New-, Add-OpenAiUploadPart and Complete-OpenAiUpload make a file from parts piped in order' {
            $path = New-RandomFile 300KB
            $upload = New-OpenAiUpload -Path $path -Purpose assistants -ExpiresAfter (New-TimeSpan -Days 2) -Confirm:$false
            $upload | Should -BeOfType ([TrutoOpenAi.Core.Models.Media.OpenAiUpload])
            $upload.Id | Should -BeLike 'upload_*'
            $upload.Status | Should -Be 'pending'
            $upload.Bytes | Should -Be 300KB
            $upload.ExpiresAt | Should -Be $upload.CreatedAt.AddHours(1)
            $upload.File | Should -BeNullOrEmpty
            # Sent out of order; completed in file order.
            $second = $upload | Add-OpenAiUploadPart -Path $path -Offset 200KB -Confirm:$false
            $first = $upload | Add-OpenAiUploadPart -Path $path -Offset 0 -Length 200KB -Confirm:$false
            $first | Should -BeOfType ([TrutoOpenAi.Core.Models.Media.OpenAiUploadPart])
            $first.Id | Should -BeLike 'part_*'
            $first.UploadId | Should -Be $upload.Id
            $second.Length | Should -Be 100KB
            $since = Get-EmulatorSeq $emu
            $done = $first, $second | Complete-OpenAiUpload -Md5 (Get-Md5 $path) -Confirm:$false
            $done.Status | Should -Be 'completed'
            $done.File.Bytes | Should -Be 300KB
            $done.File.Purpose | Should -Be 'assistants'
            $done.File.ExpiresAt | Should -Be $done.File.CreatedAt.AddDays(2)
            (Get-EmulatorLog $emu -Since $since)[0].body.part_ids | Should -Be @($first.Id, $second.Id)
        }

        It 'Complete-OpenAiUpload refuses a missing part before any request, and the API refuses a wrong MD5' {
            $path = New-RandomFile 30KB
            $upload = New-OpenAiUpload -Path $path -Purpose batch -Confirm:$false
            $a = Add-OpenAiUploadPart -UploadId $upload.Id -Path $path -Length 10KB -Confirm:$false
            $b = Add-OpenAiUploadPart -UploadId $upload.Id -Path $path -Offset 10KB -Length 10KB -Confirm:$false
            $c = Add-OpenAiUploadPart -UploadId $upload.Id -Path $path -Offset 20KB -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $a, $c | Complete-OpenAiUpload -Confirm:$false -ErrorVariable gap -ErrorAction SilentlyContinue
            $gap[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadPartMissing,*'
            $a, $b | Complete-OpenAiUpload -Confirm:$false -ErrorVariable short -ErrorAction SilentlyContinue
            $short[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiUploadPartMissing,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
            # By ids the module cannot tell: the emulator counts the bytes, as the API does.
            Complete-OpenAiUpload -UploadId $upload.Id -PartId $a.Id, $b.Id -Confirm:$false -ErrorVariable count -ErrorAction SilentlyContinue
            $count[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $count[0].Exception.Message | Should -Match 'does not match the number of bytes'
            $a, $b, $c | Complete-OpenAiUpload -Md5 ('0' * 32) -Confirm:$false -ErrorVariable md5 -ErrorAction SilentlyContinue
            $md5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $md5[0].Exception.Message | Should -Match 'md5'
            ($a, $b, $c | Complete-OpenAiUpload -Md5 (Get-Md5 $path) -Confirm:$false).Status | Should -Be 'completed'
        }

        It 'Stop-OpenAiUpload cancels a pending upload; parts are refused after, and a second cancel is an error' {
            $upload = New-OpenAiUpload -FileName notes.txt -Bytes 5 -Purpose assistants -Confirm:$false
            $upload.Filename | Should -Be 'notes.txt'
            $cancelled = $upload | Stop-OpenAiUpload -Confirm:$false -PassThru
            $cancelled.Status | Should -Be 'cancelled'
            Add-OpenAiUploadPart -UploadId $upload.Id -Data ([byte[]](1..5)) -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
            $refused[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $upload | Stop-OpenAiUpload -Confirm:$false -ErrorVariable again -ErrorAction SilentlyContinue
            $again[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            Stop-OpenAiUpload -Id upload_missing -Confirm:$false -ErrorVariable missing -ErrorAction SilentlyContinue
            $missing[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'an upload expires an hour after creation on the emulator clock' {
            Set-EmulatorClock @{ now = 1900000000 }
            try {
                $upload = New-OpenAiUpload -FileName late.jsonl -Bytes 3 -Purpose batch -Confirm:$false
                $part = Add-OpenAiUploadPart -UploadId $upload.Id -Data ([byte[]](1, 2, 3)) -Confirm:$false
                Set-EmulatorClock @{ advance_seconds = 3600 }
                $part | Complete-OpenAiUpload -Confirm:$false -ErrorVariable expired -ErrorAction SilentlyContinue
                $expired[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
                $expired[0].Exception.Message | Should -Match 'expired'
            }
            finally { Set-EmulatorClock @{ now = $null } }
        }

        It '-WhatIf sends nothing' {
            $path = New-RandomFile 1KB
            $since = Get-EmulatorSeq $emu
            New-OpenAiUpload -Path $path -Purpose batch -WhatIf
            New-OpenAiFile -Path $path -Purpose batch -Chunked -WhatIf
            Add-OpenAiUploadPart -UploadId upload_x -Path $path -WhatIf
            Stop-OpenAiUpload -Id upload_x -WhatIf
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }
    }
}
