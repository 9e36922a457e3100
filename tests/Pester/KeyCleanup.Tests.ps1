# Issue 13 item 1: "unused for N days" never selects a key that is new and simply not used yet.
# Every clean-up example (README and help) runs for real (-WhatIf turned into -Confirm:$false) against seeded keys of
# every age, and what it deleted is compared with the keys that really were unused for that long.
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TrutoModule
    # A clean-up example: it gets keys (project, admin, service account) and removes something.
    $isCleanup = { param($code) $code -match 'Get-OpenAi(Project|Admin)ApiKey' -and $code -match 'Remove-OpenAi' }
    $script:Cleanups = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($name in (Get-Command -Module TrutoOpenAi -CommandType Cmdlet).Name) {
        foreach ($e in @((Get-Help -Name $name).examples.example)) {
            if (-not $e) { continue }
            $code = ([string]$e.code).Trim()
            if (& $isCleanup $code) { $script:Cleanups.Add(@{ Source = "help of $name"; Code = $code }) }
        }
    }
    foreach ($line in (Get-Content -LiteralPath (Join-Path $root 'README.md'))) {
        $code = ($line -replace '\s+#.*$', '').Trim()
        if (& $isCleanup $code) { $script:Cleanups.Add(@{ Source = 'README.md'; Code = $code }) }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Initialize-TrutoTest -SeedProjects 2

    function script:Reset-Keys {
        # A fresh emulator state with the sample keys: per project "legacy-import" (last used 120 days ago),
        # "unused-old" (never used, created 200 days ago), "ci-deploy" (used yesterday), "created-today" (never used,
        # an hour old) and service account "legacy-exporter" (its key last used 120 days ago); admin keys "ci-never-used"
        # (never used, 100 days old), "ci-retired" (last used 60 days ago), "ci-nightly" (used yesterday),
        # "ci-created-today" (never used, an hour old) and the startup key (used now).
        Reset-Emulator $emu
        $null = Add-EmulatorSeed $emu -Body @{ samples = @('api_keys') }
    }

    function script:Get-KeyNames {
        # id -> name of every key and service account, to name what a DELETE removed.
        $names = @{}
        foreach ($k in @(Get-OpenAiAdminApiKey)) { $names[$k.Id] = $k.Name }
        foreach ($p in @(Get-OpenAiProject)) {
            foreach ($k in @(Get-OpenAiProjectApiKey -ProjectId $p.Id -OwnerProjectAccess any)) { $names[$k.Id] = $k.Name }
            foreach ($s in @(Get-OpenAiProjectServiceAccount -ProjectId $p.Id)) { $names[$s.Id] = $s.Name }
        }
        $names
    }
}
AfterAll { Complete-TrutoTest }

Describe '-UnusedForDays' {
    BeforeAll { Reset-Keys }

    It 'Get-OpenAiProjectApiKey -UnusedForDays keeps keys never used but created recently' {
        $names = @(Get-OpenAiProject | Get-OpenAiProjectApiKey -UnusedForDays 90 | ForEach-Object Name | Sort-Object -Unique)
        $names | Should -Be @('legacy-import', 'Secret Key', 'unused-old')
    }

    It 'Get-OpenAiProjectApiKey -UnusedForDays counts never-used keys from their creation' {
        $names = @(Get-OpenAiProject | Get-OpenAiProjectApiKey -UnusedForDays 0 | ForEach-Object Name | Sort-Object -Unique)
        $names | Should -Contain 'created-today'
        @(Get-OpenAiProject | Get-OpenAiProjectApiKey -UnusedForDays 150 | ForEach-Object Name | Sort-Object -Unique) | Should -Be @('unused-old')
    }

    It 'Get-OpenAiAdminApiKey -UnusedForDays selects old keys only, with -Name too' {
        @(Get-OpenAiAdminApiKey -UnusedForDays 30 | ForEach-Object Name) | Should -Be @('ci-retired', 'ci-never-used')
        @(Get-OpenAiAdminApiKey -Name '*never*' -UnusedForDays 30 | ForEach-Object Name) | Should -Be @('ci-never-used')
    }

    It 'a negative -UnusedForDays is refused before any request' {
        $since = Get-EmulatorSeq $emu
        { Get-OpenAiAdminApiKey -UnusedForDays -1 -ErrorAction Stop } | Should -Throw
        @(Get-EmulatorRequest $emu -Since $since).Count | Should -Be 0
    }

    It 'Remove-OpenAiAdminApiKey -WhatIf deletes nothing' {
        $since = Get-EmulatorSeq $emu
        Get-OpenAiAdminApiKey -UnusedForDays 30 | Remove-OpenAiAdminApiKey -WhatIf
        @(Get-EmulatorRequest $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
    }
}

Describe 'Clean-up example (<Source>): <Code>' -ForEach $Cleanups {
    It 'uses -UnusedForDays, not a LastUsedAt comparison that selects never-used keys' {
        $Code | Should -Not -Match 'LastUsedAt\s+-lt'
        $Code | Should -Match '-UnusedForDays'
    }

    It 'shows what it would do with -WhatIf' {
        $Code | Should -Match '-WhatIf'
    }

    It 'deletes only what was unused for that long when run for real' {
        Reset-Keys
        $names = Get-KeyNames
        $since = Get-EmulatorSeq $emu
        $real = $Code -replace '-WhatIf', '-Confirm:$false'
        $errors = $null
        $null = & ([scriptblock]::Create($real)) 2>&1 | Tee-Object -Variable output
        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty
        $deleted = @(Get-EmulatorRequest $emu -Since $since | Where-Object method -eq 'DELETE' | ForEach-Object {
            $names[($_.path -split '/')[-1]] })
        $deleted.Count | Should -BeGreaterThan 0 -Because 'the seeded keys include keys unused for months'
        $deleted | Should -Not -Contain 'created-today' -Because 'a key made an hour ago and not used yet is not stale'
        $deleted | Should -Not -Contain 'ci-created-today'
        $deleted | Should -Not -Contain 'ci-deploy'
        $deleted | Should -Not -Contain 'ci-nightly'
        $deleted | Should -Not -Contain 'Emulator admin key'
        foreach ($d in $deleted) { $d | Should -BeIn @('legacy-import', 'unused-old', 'legacy-exporter', 'ci-retired', 'ci-never-used') }
    }
}
