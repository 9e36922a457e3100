# Test runners for build.ps1 (dot-sourced): xunit projects through `dotnet test` with TRX results, and Pester
# in a child pwsh. Each returns @{ Runner; Passed; Failed; Skipped; Crashed; Detail }.
# A runner that crashes (no result file, non-zero exit code with no failed test, timeout) counts as one
# failure: a crash never passes.
Set-StrictMode -Version 3.0

$script:PesterVersion = '5.7.1'

function New-TestTally {
    param([string] $Runner)
    [pscustomobject]@{ Runner = $Runner; Passed = 0; Failed = 0; Skipped = 0; Crashed = $false; Detail = '' }
}

function Get-XunitProjects {
    param([Parameter(Mandatory)][string] $RepoRoot)
    $testsDir = Join-Path $RepoRoot 'tests'
    if (-not (Test-Path -LiteralPath $testsDir)) { return , @() }
    $projects = foreach ($dir in (Get-ChildItem -LiteralPath $testsDir -Directory)) {
        foreach ($proj in (Get-ChildItem -LiteralPath $dir.FullName -Filter *.csproj -File)) {
            if (Select-String -LiteralPath $proj.FullName -Pattern 'Include\s*=\s*"xunit' -Quiet) { $proj }
        }
    }
    return , @($projects | Sort-Object FullName)
}

function Read-TrxCounters {
    param([Parameter(Mandatory)][string] $Path)
    $xml = [xml](Get-Content -Raw -LiteralPath $Path)
    $ns = [System.Xml.XmlNamespaceManager]::new($xml.NameTable)
    $ns.AddNamespace('t', 'http://microsoft.com/schemas/VisualStudio/TeamTest/2010')
    $c = $xml.SelectSingleNode('/t:TestRun/t:ResultSummary/t:Counters', $ns)
    if (-not $c) { throw "No ResultSummary/Counters in $Path." }
    $n = { param($name) if ($c.HasAttribute($name)) { [int]$c.GetAttribute($name) } else { 0 } }
    $outcome = $xml.SelectSingleNode('/t:TestRun/t:ResultSummary', $ns).GetAttribute('outcome')
    # Per-test outcomes (xunit's skipped tests are counted as neither executed nor notExecuted).
    $byOutcome = @{}
    foreach ($r in $xml.SelectNodes('/t:TestRun/t:Results/t:UnitTestResult', $ns)) {
        $o = $r.GetAttribute('outcome'); $byOutcome[$o] = 1 + [int]$byOutcome[$o]
    }
    $count = { param([string[]] $names) $sum = 0; foreach ($x in $names) { $sum += [int]$byOutcome[$x] }; $sum }
    [pscustomobject]@{
        Total   = & $n 'total'
        Passed  = [Math]::Max((& $n 'passed'), (& $count 'Passed'))
        Failed  = [Math]::Max(((& $n 'failed') + (& $n 'error') + (& $n 'timeout') + (& $n 'aborted')), (& $count 'Failed', 'Error', 'Timeout', 'Aborted'))
        Skipped = [Math]::Max(((& $n 'notExecuted') + (& $n 'inconclusive')), (& $count 'NotExecuted', 'Inconclusive', 'Pending', 'NotRunnable'))
        Outcome = $outcome
    }
}

function Invoke-XunitTests {
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        [Parameter(Mandatory)][string] $ResultsDir,
        [string] $Configuration = 'Release',
        [string] $Filter,
        [int] $TimeoutSeconds = 1800
    )
    $tallies = [System.Collections.Generic.List[object]]::new()
    $projects = Get-XunitProjects -RepoRoot $RepoRoot
    if ($projects.Count -eq 0) {
        Write-Host 'No xunit project under tests/.'
        return , $tallies.ToArray()
    }
    # Projects of the solution were built by Build (so --no-build); a test project outside it builds here.
    $sln = Join-Path $RepoRoot 'TrutoOpenAi.sln'
    $slnText = if (Test-Path -LiteralPath $sln) { (Get-Content -Raw -LiteralPath $sln) -replace '\\', '/' } else { '' }
    foreach ($proj in $projects) {
        $name = $proj.BaseName
        $rel = [System.IO.Path]::GetRelativePath($RepoRoot, $proj.FullName) -replace '\\', '/'
        $inSolution = $slnText.Contains("`"$rel`"")
        $tally = New-TestTally -Runner "xunit $name"
        $trxName = "$name.trx"
        $trx = Join-Path $ResultsDir $trxName
        if (Test-Path -LiteralPath $trx) { Remove-Item -LiteralPath $trx -Force }
        Write-Step "xunit: $name"
        $argv = @('test', $proj.FullName, '-c', $Configuration, '--nologo',
            '--logger', "trx;LogFileName=$trxName", '--results-directory', $ResultsDir)
        if ($inSolution) { $argv += '--no-build' } else { Write-Host "$rel is not in TrutoOpenAi.sln: building it here." }
        if ($Filter) { $argv += @('--filter', $Filter) }
        $code = Invoke-ChildProcess -FilePath 'dotnet' -ArgumentList $argv -WorkingDirectory $RepoRoot -TimeoutSeconds $TimeoutSeconds -What "dotnet test $name"
        if (Test-Path -LiteralPath $trx) {
            try {
                $c = Read-TrxCounters -Path $trx
                $tally.Passed = $c.Passed; $tally.Failed = $c.Failed; $tally.Skipped = $c.Skipped
                $tally.Detail = "outcome $($c.Outcome), $($c.Total) total"
            } catch {
                $tally.Crashed = $true; $tally.Detail = "unreadable TRX: $($_.Exception.Message)"
            }
        } else {
            $tally.Crashed = $true; $tally.Detail = "no TRX file (exit code $code)"
        }
        if ($code -ne 0 -and $tally.Failed -eq 0) {
            $tally.Crashed = $true
            $tally.Detail = "dotnet test exited with $code but reported no failed test; $($tally.Detail)"
        }
        if ($tally.Crashed -and $tally.Failed -eq 0) { $tally.Failed = 1 }
        $tallies.Add($tally)
    }
    return , $tallies.ToArray()
}

function Get-PesterManifestPath {
    # Restores the Pester package (a PackageDownload in build/Pester.Restore.csproj) and returns its Pester.psd1.
    param([Parameter(Mandatory)][string] $RepoRoot)
    $proj = Join-Path $RepoRoot 'build/Pester.Restore.csproj'
    $root = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $psd1 = Join-Path $root "pester/$script:PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path -LiteralPath $psd1)) {
        Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', $proj, '--nologo', '-v', 'quiet') -What "dotnet restore (Pester $script:PesterVersion)"
        $assets = Join-Path $RepoRoot 'build/obj/project.assets.json'
        if (Test-Path -LiteralPath $assets) {
            $folders = (Get-Content -Raw -LiteralPath $assets | ConvertFrom-Json).packageFolders.PSObject.Properties.Name
            foreach ($f in $folders) {
                $candidate = Join-Path $f "pester/$script:PesterVersion/tools/Pester.psd1"
                if (Test-Path -LiteralPath $candidate) { $psd1 = $candidate; break }
            }
        }
    }
    if (-not (Test-Path -LiteralPath $psd1)) { throw "Pester $script:PesterVersion was restored but $psd1 does not exist." }
    return $psd1
}

function Invoke-PesterTests {
    param(
        [Parameter(Mandatory)][string] $RepoRoot,
        [Parameter(Mandatory)][string] $ResultsDir,
        [string[]] $Path,
        [string] $FullNameFilter,
        [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')][string] $Verbosity = 'Detailed',
        [int] $TimeoutSeconds = 2700
    )
    $tally = New-TestTally -Runner 'Pester'
    Write-Step 'Pester'
    try {
        $pesterPsd1 = Get-PesterManifestPath -RepoRoot $RepoRoot
    } catch {
        Write-Host "Pester could not be restored: $($_.Exception.Message)"
        $tally.Crashed = $true; $tally.Failed = 1; $tally.Detail = 'Pester could not be restored'
        return $tally
    }
    $files = @(if ($Path) {
            $Path | ForEach-Object { (Resolve-Path -LiteralPath $_ -ErrorAction Stop).Path }
        } else {
            # tests/Pester/Conformance runs last: it checks what the files before it made the emulator answer.
            Get-ChildItem -LiteralPath (Join-Path $RepoRoot 'tests/Pester') -Recurse -File -Filter *.Tests.ps1 |
                Sort-Object { $_.FullName -like '*[\/]Conformance[\/]*' }, FullName | ForEach-Object FullName
        })
    if ($files.Count -eq 0) {
        Write-Host 'No Pester test file under tests/Pester.'
        return $tally
    }
    $resultFile = Join-Path $ResultsDir 'pester.xml'
    $summaryFile = Join-Path $ResultsDir 'pester-summary.json'
    foreach ($f in $resultFile, $summaryFile) { if (Test-Path -LiteralPath $f) { Remove-Item -LiteralPath $f -Force } }
    $argv = @('-PesterManifest', $pesterPsd1, '-ResultFile', $resultFile, '-SummaryFile', $summaryFile, '-Verbosity', $Verbosity)
    if ($FullNameFilter) { $argv += @('-FullNameFilter', $FullNameFilter) }
    # -File passes every argument as one string: the child splits the list on the path separator.
    $argv += @('-TestPath', ($files -join [System.IO.Path]::PathSeparator))
    # Every emulator the run starts logs its successful JSON replies there, for the conformance check (run last).
    $replyLog = Join-Path $ResultsDir 'emulator-replies'
    if (-not $Path -and (Test-Path -LiteralPath $replyLog)) { Remove-Item -LiteralPath $replyLog -Recurse -Force }
    $previousLog = $env:TRUTO_EMULATOR_REPLY_LOG
    if (-not $Path) { $env:TRUTO_EMULATOR_REPLY_LOG = $replyLog } # a partial run logs only where its caller asks
    try {
        $code = Invoke-ChildPwsh -RepoRoot $RepoRoot -ScriptPath (Join-Path $PSScriptRoot 'Invoke-PesterRun.ps1') -ArgumentList $argv -TimeoutSeconds $TimeoutSeconds -What 'Pester'
    }
    finally { $env:TRUTO_EMULATOR_REPLY_LOG = $previousLog }
    if (Test-Path -LiteralPath $summaryFile) {
        $s = Get-Content -Raw -LiteralPath $summaryFile | ConvertFrom-Json
        $tally.Passed = $s.Passed
        $tally.Skipped = $s.Skipped + $s.NotRun
        $tally.Failed = $s.Failed + $s.FailedContainers + $s.FailedBlocks
        $tally.Detail = "result $($s.Result), $($s.Total) total"
        if ($s.FailedContainers -or $s.FailedBlocks) { $tally.Detail += ", $($s.FailedContainers) failed container(s), $($s.FailedBlocks) failed block(s)" }
    } else {
        $tally.Crashed = $true; $tally.Detail = "no summary (exit code $code)"
    }
    if ($code -ne 0 -and $tally.Failed -eq 0) { $tally.Crashed = $true; $tally.Detail = "Pester process exited with $code; $($tally.Detail)" }
    if ($tally.Crashed -and $tally.Failed -eq 0) { $tally.Failed = 1 }
    return $tally
}

function Write-TestSummary {
    # Prints one line per runner, then the closing line `tests: N passed, M failed[, K skipped]`.
    param([object[]] $Tallies)
    $passed = 0; $failed = 0; $skipped = 0
    Write-Host ''
    Write-Host 'Test summary:'
    foreach ($t in $Tallies) {
        $crash = if ($t.Crashed) { ' (CRASHED: counted as failed)' } else { '' }
        Write-Host ("  {0,-40} {1,5} passed, {2,3} failed, {3,3} skipped  {4}{5}" -f $t.Runner, $t.Passed, $t.Failed, $t.Skipped, $t.Detail, $crash)
        $passed += $t.Passed; $failed += $t.Failed; $skipped += $t.Skipped
    }
    $line = "tests: $passed passed, $failed failed"
    if ($skipped -gt 0) { $line += ", $skipped skipped" }
    Write-Host $line
    return $failed
}
