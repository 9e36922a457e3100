# Child-process script (run by build.ps1 via `dotnet pwsh -NoProfile -File`): imports Pester from the NuGet
# package folder, runs the given test files and writes a JSON summary for build.ps1 to add up.
param(
    [Parameter(Mandatory)][string] $PesterManifest,
    [Parameter(Mandatory)][string[]] $TestPath,
    [Parameter(Mandatory)][string] $ResultFile,
    [Parameter(Mandatory)][string] $SummaryFile,
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')][string] $Verbosity = 'Detailed',
    [string] $FullNameFilter
)
$ErrorActionPreference = 'Stop'
$exitCode = 0
try {
    $TestPath = @($TestPath | ForEach-Object { $_ -split [regex]::Escape([System.IO.Path]::PathSeparator) } | Where-Object { $_ })
    Import-Module -Name $PesterManifest -Force
    $pester = Get-Module Pester
    Write-Host "Pester $($pester.Version) from $($pester.ModuleBase)"

    $cfg = New-PesterConfiguration
    $cfg.Run.Path = $TestPath
    $cfg.Run.PassThru = $true
    $cfg.Run.Exit = $false
    $cfg.Output.Verbosity = $Verbosity
    $cfg.TestResult.Enabled = $true
    $cfg.TestResult.OutputFormat = 'NUnitXml'
    $cfg.TestResult.OutputPath = $ResultFile
    if ($FullNameFilter) { $cfg.Filter.FullName = $FullNameFilter }

    $r = Invoke-Pester -Configuration $cfg

    # A failed BeforeAll already fails the tests of its block; a block counts on its own only when none of
    # its tests failed (a failed AfterAll, say), so that nothing is counted twice and nothing is lost.
    function Test-HasFailedTest($Block) {
        if (@($Block.Tests | Where-Object Result -eq 'Failed').Count) { return $true }
        foreach ($b in @($Block.Blocks)) { if (Test-HasFailedTest $b) { return $true } }
        return $false
    }
    $failedBlocks = @($r.FailedBlocks | Where-Object { -not (Test-HasFailedTest $_) }).Count
    $summary = [ordered]@{
        Result           = [string]$r.Result
        Passed           = [int]$r.PassedCount
        Failed           = [int]$r.FailedCount
        Skipped          = [int]$r.SkippedCount
        NotRun           = [int]$r.NotRunCount
        Total            = [int]$r.TotalCount
        FailedContainers = [int]$r.FailedContainersCount
        FailedBlocks     = [int]$failedBlocks
    }
    $summary | ConvertTo-Json | Set-Content -LiteralPath $SummaryFile -Encoding utf8NoBOM
} catch {
    [Console]::Error.WriteLine("Pester run crashed: $($_.Exception.Message)`n$($_.ScriptStackTrace)")
    $exitCode = 1
} finally {
    # Processes that the tests started and left running (an emulator not stopped, say) would keep this
    # run's output open and outlive it: stop them, by id, and say so.
    $leftovers = @(Get-Process | Where-Object { $_.Id -ne $PID -and $_.Parent -and $_.Parent.Id -eq $PID })
    foreach ($p in $leftovers) {
        Write-Host "Stopping process $($p.Id) ($($p.ProcessName)) left running by the tests."
        try { $p.Kill($true) } catch { Write-Host "Could not stop process $($p.Id): $($_.Exception.Message)" }
    }
}
exit $exitCode
