# The runbook demo of the README (`./build.ps1 Demo` runs build/Demo.ps1) keeps working.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Root = Get-TrutoRepoRoot
    $script:Manifest = Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1'
}

Describe 'The demo runbook' {
    It 'provisions, lists, renames and archives a tenant project against the bundled emulator' {
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $Root 'build/Demo.ps1'), '-ModulePath', $Manifest) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = $Root
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $psi.Environment['NO_COLOR'] = '1'
        $p = [System.Diagnostics.Process]::Start($psi)
        $out = $p.StandardOutput.ReadToEndAsync()
        $err = $p.StandardError.ReadToEndAsync()
        if (-not $p.WaitForExit(180000)) { $p.Kill($true); throw 'The demo did not finish within 180 s.' }
        $p.WaitForExit()
        $text = $out.Result

        $p.ExitCode | Should -Be 0 -Because "the demo must run cleanly: $($err.Result)"
        $text | Should -Match '=== Start the bundled emulator'
        $text | Should -Match 'tenant-acme-eu\s+proj_\S+\s+archived'
        $text | Should -Match 'Demo completed\.'
    }
}
