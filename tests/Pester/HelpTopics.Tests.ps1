# Issue 13 item 11: the help a new admin reads: an about topic, related links on every cmdlet, no blank tool names
# in NOTES, release notes in the manifest.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TrutoModule
    $script:Cmdlets = @((Get-Command -Module TrutoOpenAi -CommandType Cmdlet).Name | Sort-Object | ForEach-Object { @{ Name = $_ } })
}
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TrutoModule
}

Describe 'Module help' {
    It 'Get-Help about_TrutoOpenAi explains connections, the environment fallback, ErrorIds and the emulator' {
        $text = (Get-Help about_TrutoOpenAi | Out-String)
        $text | Should -Match 'CONNECTIONS'
        $text | Should -Match 'OPENAI_ADMIN_KEY'
        $text | Should -Match 'OpenAiNotFound'
        $text | Should -Match 'Start-OpenAiEmulator'
    }

    It 'the manifest has release notes' {
        $m = Import-PowerShellDataFile -LiteralPath (Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1')
        $m.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }
}

Describe 'Help of <Name>' -ForEach $Cmdlets {
    It 'has related links' {
        @((Get-Help -Name $Name).relatedLinks.navigationLink | Where-Object { $_.linkText }) | Should -Not -BeNullOrEmpty
    }

    It 'names no blank tool in its notes' {
        ((Get-Help -Name $Name -Full).alertSet | Out-String) | Should -Not -Match 'tool [,)]'
    }
}
