# Containers and their files against the emulator (API key).
Describe 'Containers against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'containers-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "containers-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:New-Name { "cntr-$([guid]::NewGuid().ToString('n').Substring(0, 8))" }
        function script:New-LocalFile([string] $Name = "data-$([guid]::NewGuid().ToString('n').Substring(0, 6)).csv", [string] $Text = "a,b`n1,2") {
            $path = Join-Path $work $Name
            [IO.File]::WriteAllText($path, $Text)
            Get-Item $path
        }
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
    }
    AfterAll {
        Set-EmulatorClock @{ now = $null }
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    It 'New-OpenAiContainer sends name, expiry, memory limit and piped file ids, and writes a typed running container' {
        $doc = New-LocalFile -Name 'seed.txt' -Text 'seeded'
        $file = New-OpenAiFile -Path $doc.FullName -Purpose user_data -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $name = New-Name
        $container = $file | New-OpenAiContainer -Name $name -ExpiresAfter (New-TimeSpan -Minutes 15) -MemoryLimit 4g -Confirm:$false
        $container | Should -BeOfType ([TrutoOpenAi.Core.Models.Media.OpenAiContainer])
        $container.Id | Should -BeLike 'cntr_*'
        $container.ContainerId | Should -Be $container.Id
        $container.Name | Should -Be $name
        $container.Status | Should -Be 'running'
        $container.MemoryLimit | Should -Be '4g'
        $container.ExpiresAfter.Minutes | Should -Be 15
        $container.ExpiresAfter.Anchor | Should -Be 'last_active_at'
        $log = @(Get-EmulatorLog $emu -Since $since)
        $log.Count | Should -Be 1
        $log[0].path | Should -Be '/v1/containers'
        $log[0].body.file_ids | Should -Be @($file.Id)
        $files = @($container | Get-OpenAiContainerFile)
        $files.Count | Should -Be 1
        $files[0].Path | Should -Be '/mnt/data/seed.txt'
        $files[0].Bytes | Should -Be 6
    }

    It 'Get-OpenAiContainer lists, filters by exact name on the server and by wildcard here, and gets by id' {
        $prefix = New-Name
        $a = New-OpenAiContainer -Name "$prefix-a" -Confirm:$false
        $null = New-OpenAiContainer -Name "$prefix-b" -Confirm:$false
        $since = Get-EmulatorSeq $emu
        @(Get-OpenAiContainer -Name "$prefix-a").Id | Should -Be @($a.Id)
        (Get-EmulatorLog $emu -Since $since)[0].query | Should -Match "name=$prefix-a"
        @(Get-OpenAiContainer -Name "$prefix-*").Count | Should -Be 2
        ($a | Get-OpenAiContainer).Name | Should -Be "$prefix-a"
        @(Get-OpenAiContainer -First 1 -PageSize 1).Count | Should -Be 1
        Get-OpenAiContainer -Id cntr_missing -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
    }

    It 'Add-OpenAiContainerFile streams piped local files as multipart, or copies an uploaded file by id' {
        $container = New-OpenAiContainer -Name (New-Name) -Confirm:$false
        $one = New-LocalFile -Text 'x,y'
        $two = New-LocalFile -Text 'p,q,r'
        $since = Get-EmulatorSeq $emu
        $added = @($one, $two | Add-OpenAiContainerFile -ContainerId $container.Id -Confirm:$false)
        $added.Count | Should -Be 2
        $added[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Media.OpenAiContainerFile])
        $added[0].Id | Should -BeLike 'cfile_*'
        $added[0].Path | Should -Be "/mnt/data/$($one.Name)"
        $added[1].Bytes | Should -Be 5
        $added[0].Source | Should -Be 'user'
        $log = @(Get-EmulatorLog $emu -Since $since)
        $log[0].body.files[0].name | Should -Be 'file'
        $uploaded = New-OpenAiFile -Path (New-LocalFile -Text 'copied').FullName -Purpose user_data -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $copy = $uploaded | Add-OpenAiContainerFile -ContainerId $container.Id -Confirm:$false
        $copy.Bytes | Should -Be 6
        (Get-EmulatorLog $emu -Since $since)[0].body.file_id | Should -Be $uploaded.Id
        @(Get-OpenAiContainerFile -ContainerId $container.Id).Count | Should -Be 3
        (Get-OpenAiContainerFile -ContainerId $container.Id -Id $copy.Id).Path | Should -Be $copy.Path
    }

    It 'Save-OpenAiContainerFileContent downloads into a folder under the file name; an existing file is refused before any request unless -Force' {
        $container = New-OpenAiContainer -Name (New-Name) -Confirm:$false
        $local = New-LocalFile -Name 'report.csv' -Text 'k,v'
        $file = $local | Add-OpenAiContainerFile -ContainerId $container.Id -Confirm:$false
        $out = Join-Path $work 'out'
        New-Item -ItemType Directory -Path $out | Out-Null
        $saved = $file | Save-OpenAiContainerFileContent -Destination $out
        $saved | Should -BeOfType ([IO.FileInfo])
        $saved.FullName | Should -Be (Join-Path $out 'report.csv')
        Get-Content $saved.FullName -Raw | Should -Be 'k,v'
        $since = Get-EmulatorSeq $emu
        $file | Save-OpenAiContainerFileContent -Destination $out -ErrorVariable exists -ErrorAction SilentlyContinue
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiDestinationExists,*'
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        Set-Content -Path $saved.FullName -Value 'old'
        ($file | Save-OpenAiContainerFileContent -Destination $saved.FullName -Force).Length | Should -Be 3
        Get-Content $saved.FullName -Raw | Should -Be 'k,v'
        # A failed download leaves nothing behind.
        Save-OpenAiContainerFileContent -ContainerId $container.Id -Id cfile_missing -Destination (Join-Path $out 'missing.bin') -ErrorVariable notFound -ErrorAction SilentlyContinue
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        @(Get-ChildItem $out).Name | Should -Be @('report.csv')
    }

    It 'Remove-OpenAiContainerFile and Remove-OpenAiContainer delete what is piped; -WhatIf deletes nothing' {
        $container = New-OpenAiContainer -Name (New-Name) -Confirm:$false
        $file = New-LocalFile | Add-OpenAiContainerFile -ContainerId $container.Id -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $file | Remove-OpenAiContainerFile -WhatIf
        $container | Remove-OpenAiContainer -WhatIf
        @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
        $deletion = $file | Remove-OpenAiContainerFile -PassThru -Confirm:$false
        $deletion.Deleted | Should -BeTrue
        @($container | Get-OpenAiContainerFile).Count | Should -Be 0
        $container | Remove-OpenAiContainer -Confirm:$false | Should -BeNullOrEmpty
        Get-OpenAiContainer -Id $container.Id -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
    }

    It 'a container idle past its expiry is expired on the emulator clock and takes no new files' {
        Set-EmulatorClock @{ now = 1900000000 }
        try {
            $container = New-OpenAiContainer -Name (New-Name) -ExpiresAfter (New-TimeSpan -Minutes 2) -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 121 }
            ($container | Get-OpenAiContainer).Status | Should -Be 'expired'
            New-LocalFile | Add-OpenAiContainerFile -ContainerId $container.Id -Confirm:$false -ErrorVariable expired -ErrorAction SilentlyContinue
            $expired[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        }
        finally { Set-EmulatorClock @{ now = $null } }
    }

    It 'refuses an expiry that is not whole minutes before any request' {
        $since = Get-EmulatorSeq $emu
        New-OpenAiContainer -Name (New-Name) -ExpiresAfter (New-TimeSpan -Seconds 90) -Confirm:$false -ErrorVariable bad -ErrorAction SilentlyContinue
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }
}
