# The test harness itself (tests/Pester/TestHelpers.psm1): it starts emulators, reads what they recorded,
# drives their control API and stops what it started.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $emu = Initialize-TrutoTest -SeedProjects 2

    function Skip-WithoutCommand([string] $Name) {
        if (Get-Command -Name $Name -ErrorAction SilentlyContinue) { return $false }
        Set-ItResult -Skipped -Because "$Name is not in the module yet"
        return $true
    }
}

AfterAll { Complete-TrutoTest }

Describe 'The Pester harness' {
    It 'starts an emulator on a free loopback port' {
        [string]$emu.BaseUri | Should -Match '^http://127\.0\.0\.1:\d+/v1/?$'
        [string]$emu.ControlUri | Should -Match '^http://127\.0\.0\.1:\d+/_emulator/?$'
        Get-Process -Id $emu.ProcessId -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty
    }

    It 'reads the requests the emulator recorded, oldest first' {
        if (Skip-WithoutCommand 'Get-OpenAiProject') { return }
        Clear-EmulatorRequest
        $null = Get-OpenAiProject
        $r = @(Get-EmulatorRequest)
        $r.Count | Should -BeGreaterThan 0
        $r[0].method | Should -Be 'GET'
        $r[0].path | Should -BeLike '*/organization/projects'
        $seqs = @($r | ForEach-Object { [long]$_.seq })
        ($seqs -join ',') | Should -Be (($seqs | Sort-Object) -join ',')
    }

    It 'reads only the requests after a sequence number' {
        if (Skip-WithoutCommand 'Get-OpenAiProject') { return }
        $null = Get-OpenAiProject
        $last = [long](@(Get-EmulatorRequest)[-1].seq)
        @(Get-EmulatorRequest -Since $last) | Should -BeNullOrEmpty
        $null = Get-OpenAiProject
        @(Get-EmulatorRequest -Since $last).Count | Should -BeGreaterThan 0
    }

    It 'clears the recorded requests' {
        Clear-EmulatorRequest
        @(Get-EmulatorRequest) | Should -BeNullOrEmpty
    }

    It 'resets the emulator to its startup state and seeds more projects' {
        if (Skip-WithoutCommand 'Get-OpenAiProject') { return }
        $atStart = @(Get-OpenAiProject).Count
        $null = Add-EmulatorSeed -Projects 3
        @(Get-OpenAiProject).Count | Should -Be ($atStart + 3)
        Reset-Emulator
        @(Get-OpenAiProject).Count | Should -Be $atStart
    }

    It 'moves the emulator clock a fixed step per /v1 request while a tick is set (the help examples'' waiters use it)' {
        if (Skip-WithoutCommand 'Get-OpenAiProject') { return }
        $start = 1900000000
        $null = Invoke-EmulatorControl POST 'clock' -Body @{ now = $start }
        $clock = Invoke-EmulatorControl POST 'clock' -Body @{ tick_seconds = 5 }
        $clock.tick_seconds | Should -Be 5
        $since = Get-EmulatorSeq
        $null = Get-OpenAiProject -First 1
        $null = Get-OpenAiProject -First 1
        $requests = @(Get-EmulatorRequest -Since $since).Count
        $requests | Should -BeGreaterThan 1
        # The control API's own calls do not tick.
        (Invoke-EmulatorControl GET 'clock').now | Should -Be ($start + 5 * $requests)
        $null = Invoke-EmulatorControl POST 'clock' -Body @{ tick_seconds = 0 }
        $null = Get-OpenAiProject -First 1
        (Invoke-EmulatorControl GET 'clock').now | Should -Be ($start + 5 * $requests)
        $null = Invoke-EmulatorControl POST 'clock' -Body @{ tick_seconds = 3 }
        Reset-Emulator
        $after = Invoke-EmulatorControl GET 'clock'
        $after.tick_seconds | Should -Be 0
        $after.frozen | Should -BeFalse
    }

    It 'stops an emulator it started' {
        $second = Start-TestEmulator
        $processId = [int]$second.ProcessId
        $processId | Should -Not -Be $emu.ProcessId
        Stop-TestEmulator -Emulator $second
        $deadline = [DateTime]::UtcNow.AddSeconds(120)   # a condition wait: generous for a busy machine
        while ((Get-Process -Id $processId -ErrorAction SilentlyContinue) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        Get-Process -Id $processId -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
