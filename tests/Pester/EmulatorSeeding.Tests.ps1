# Issue 13 item 10: Start-OpenAiEmulator hands out its keys (as SecureStrings), seeds sample keys, invites and audit
# history, and the object it returned stays true after Stop-OpenAiEmulator.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TrutoModule
}
AfterAll { Complete-TrutoTest }

Describe 'Start-OpenAiEmulator' {
    It 'returns its keys as SecureStrings, so a second named connection to it works' {
        $emu = Start-TestEmulator -Connect -Name 'seed-first'
        $emu.AdminKey | Should -BeOfType [securestring]
        $emu.ApiKey | Should -BeOfType [securestring]
        ($emu | Format-List * | Out-String) | Should -Not -Match 'sk-(admin|proj)-emulator'
        $c = Connect-OpenAi -Name 'seed-second' -BaseUri $emu.BaseUri -AdminKey $emu.AdminKey -ApiKey $emu.ApiKey -PassThru
        $c.Name | Should -Be 'seed-second'
        @(Get-OpenAiProject -Connection 'seed-second').Count | Should -BeGreaterThan 0
        @(Get-OpenAiModel -Connection 'seed-second').Count | Should -BeGreaterThan 0
        Disconnect-OpenAi -Name 'seed-second'
    }

    It 'stays true after Stop-OpenAiEmulator: exited, no connection, same process id' {
        $emu = Start-TestEmulator -Connect -Name 'seed-stop'
        $processId = $emu.ProcessId
        $emu | Stop-OpenAiEmulator -Confirm:$false
        $emu.HasExited | Should -BeTrue
        $emu.ProcessId | Should -Be $processId
        $emu.ConnectionName | Should -BeNullOrEmpty
        Get-OpenAiConnection -Name 'seed-stop' -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        { $emu | Format-List * | Out-String } | Should -Not -Throw
        ($emu | Format-List * | Out-String) | Should -Not -Match 'Exception'
    }

    It '-SeedApiKeys seeds admin keys, project keys of every age and a service account' {
        $emu = Start-OpenAiEmulator -Connect -Name 'seed-keys' -SeedProjects 2 -SeedApiKeys
        try {
            @(Get-OpenAiAdminApiKey).Count | Should -BeGreaterOrEqual 5
            $keys = @(Get-OpenAiProject | Get-OpenAiProjectApiKey)
            $keys.Count | Should -Be 10
            @($keys | Where-Object { -not $_.LastUsedAt }).Count | Should -Be 4
            @($keys | Where-Object OwnerType -eq service_account).Count | Should -Be 2
            @(Get-OpenAiProject | Get-OpenAiProjectServiceAccount | ForEach-Object Name) | Should -Be @('legacy-exporter', 'legacy-exporter')
        } finally { $emu | Stop-OpenAiEmulator -Confirm:$false }
    }

    It '-SeedInvites seeds invites in every state and -SeedAuditLog a week of history' {
        $emu = Start-OpenAiEmulator -Connect -Name 'seed-more' -SeedInvites -SeedAuditLog
        try {
            @(Get-OpenAiInvite | ForEach-Object Status | Sort-Object -Unique) | Should -Be @('accepted', 'expired', 'pending')
            $log = @(Get-OpenAiAuditLog)
            $log.Count | Should -BeGreaterOrEqual 9
            @($log.Type) | Should -Contain 'login.succeeded'
            @($log.Type) | Should -Contain 'api_key.created'
        } finally { $emu | Stop-OpenAiEmulator -Confirm:$false }
    }

    It 'without seed switches starts with no sample data' {
        $emu = Start-OpenAiEmulator -Connect -Name 'seed-none'
        try {
            @(Get-OpenAiInvite).Count | Should -Be 0
            @(Get-OpenAiAdminApiKey).Count | Should -Be 1
        } finally { $emu | Stop-OpenAiEmulator -Confirm:$false }
    }
}
