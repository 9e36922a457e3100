# The runbook demo of the README (`./build.ps1 Demo` runs build/Demo.ps1) keeps working.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Root = Get-TrutoRepoRoot
    $script:Manifest = Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1'
}

Describe 'The demo runbook' {
    It 'provisions, lists, renames and archives a tenant project, then calls a function, runs a batch and reports its own usage' {
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
        # The copilot: the model called the PowerShell function and its answer carries what the function found.
        $text | Should -Match 'A: Get-TenantStatus returned: .*"Name":"tenant-acme-eu","Status":"archived"'
        # The batch: three results, in input order, each with its question.
        $rows = @([regex]::Matches($text, '(?m)^\s*(\d) Which country is (\w+) the capital of\?\s+True') | ForEach-Object { "$($_.Groups[1].Value)=$($_.Groups[2].Value)" })
        $rows | Should -Be @('0=Paris', '1=Lima', '2=Tokyo')
        # The usage report shows exactly the runbook's calls: two model requests of the copilot (call, then the function's
        # answer), three batch lines.
        $text | Should -Match '(?m)^gpt-4o-mini\s+False\s+2\s'
        $text | Should -Match '(?m)^gpt-4o-mini\s+True\s+3\s'
        $text | Should -Match 'Demo completed\.'
    }
}
