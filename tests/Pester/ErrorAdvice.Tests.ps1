# Issue 13 item 8: the recommended action of an error fits the error.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:emu = Initialize-TrutoTest -SeedProjects 1

    function script:Get-Advice([scriptblock] $Action) {
        $all = try { @(& $Action 2>&1) } catch { @($_) }
        $e = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $e | Should -Not -BeNullOrEmpty -Because 'the action was meant to fail'
        [string]$e[0].ErrorDetails.RecommendedAction
    }
}
AfterAll { Complete-TrutoTest }

Describe 'Error recommendations' {
    BeforeEach {
        # Disconnect-OpenAi leaves no current connection: make the emulator's current again.
        Connect-OpenAi -Name 'advice' -BaseUri $emu.BaseUri -AdminKey $emu.AdminKey -ApiKey $emu.ApiKey
    }

    It 'a doubled /v1 in Invoke-OpenAiRequest says to leave /v1 out of -Path' {
        $advice = Get-Advice { Invoke-OpenAiRequest -Path '/v1/organization/projects' }
        $advice | Should -Match 'leave /v1 out of -Path'
        $advice | Should -Not -Match 'Check the id'
    }

    It 'a base URI without /v1 says to add /v1' {
        $root = ([string]$emu.BaseUri) -replace '/v1/?$', '/'
        Connect-OpenAi -Name 'no-v1' -BaseUri $root -AdminKey $emu.AdminKey -ApiKey $emu.ApiKey
        try {
            $advice = Get-Advice { Get-OpenAiProject -Connection 'no-v1' }
            $advice | Should -Match 'does not end with /v1'
            $advice | Should -Match ([regex]::Escape($root.TrimEnd('/') + '/v1'))
        } finally { Disconnect-OpenAi -Name 'no-v1' }
    }

    It 'a 404 for an id names the id; a 404 with no id does not ask to check an id' {
        $advice = Get-Advice { Get-OpenAiProject -Id 'proj_doesnotexist0000000000' }
        $advice | Should -Match "proj_doesnotexist0000000000"
        $advice = Get-Advice { Invoke-OpenAiRequest -Path 'nothing-here' }
        $advice | Should -Not -Match 'Check the id'
        $advice | Should -Match 'Get-OpenAiOperation'
    }

    It 'a 403 outside /organization does not ask for an admin key' {
        $advice = Get-Advice { Remove-OpenAiModel -Id gpt-4o -Confirm:$false }
        $advice | Should -Not -Match 'admin key'
        $advice | Should -Match 'permission'
    }

    It 'a Retry-After above the cap names the cap setting' {
        Connect-OpenAi -Name 'low-cap' -BaseUri $emu.BaseUri -AdminKey $emu.AdminKey -ApiKey $emu.ApiKey -MaxRetryAfterSec 1
        try {
            Set-EmulatorFault $emu @{ path_prefix = '/v1/organization/projects'; fail_next = @(@{ status = 429; retry_after_seconds = 30; count = 10 }) } | Out-Null
            $advice = Get-Advice { Get-OpenAiProject -Connection 'low-cap' }
            $advice | Should -Match 'MaxRetryAfterSec'
            $advice | Should -Match '30'
        } finally { Clear-EmulatorFault $emu; Disconnect-OpenAi -Name 'low-cap' }
    }

    It 'no spend limit set is not an error' {
        $e = $null
        $out = @(Get-OpenAiSpendLimit -ErrorVariable e)
        $out | Should -BeNullOrEmpty
        $e | Should -BeNullOrEmpty
    }
}
