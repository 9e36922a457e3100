#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents, demonstrates and packages the TrutoOpenAi module.

.DESCRIPTION
    One entry point, run from a clone with only the .NET SDK after `dotnet tool restore`:

        dotnet pwsh ./build.ps1 [Task] [options]

    Tasks:
      Build    dotnet build TrutoOpenAi.sln -c Release; stage the module at out/TrutoOpenAi (assemblies that pwsh
               does not already load, generated manifest, format/types files, MAML help, the published emulator).
      Test     Build, then every xunit project under tests/ (TRX in out/test-results) and Pester
               (tests/Pester/**/*.Tests.ps1, NUnit XML in out/test-results/pester.xml). Ends with the line
               `tests: N passed, M failed[, K skipped]`; exit code 1 when anything failed or crashed.
      Docs     Build, then regenerate docs/<Cmdlet>.md, docs/TrutoOpenAi.md and docs/tool-map.md.
      Demo     Build, then run build/Demo.ps1 against the bundled emulator in a child pwsh.
      Bench    Build, then bench/Run-Bench.ps1 when it exists.
      Package  Build, then a .nupkg of the staged module in out/packages (Compress-PSResource).
      Clean    Remove out/ and every bin/ and obj/ folder.

    Heavy lifting lives in build/*.ps1 (dot-sourced); whatever loads the module's assemblies runs in a child
    `dotnet pwsh`, so this session never locks them.

.PARAMETER Task
    Build (default), Test, Docs, Demo, Bench, Package or Clean.

.PARAMETER Only
    Test: All (default), Xunit or Pester.

.PARAMETER PesterPath
    Test: run only these Pester files instead of every tests/Pester/**/*.Tests.ps1.

.PARAMETER PesterFilter
    Test: Pester FullName filter (wildcards), e.g. '*streams every page*'.

.PARAMETER XunitFilter
    Test: `dotnet test --filter` expression for the xunit projects.

.PARAMETER PesterOutput
    Test: Pester output verbosity, Detailed (default), Normal, Diagnostic or None.

.PARAMETER NoBuild
    Test, Docs, Demo, Bench, Package: use the existing build output and out/TrutoOpenAi stage as they are.

.PARAMETER ProjectUri
    Package: the project's public home, written into the packaged manifest's PSData (a gallery shows it). The source
    manifest names none: this repository has no public address yet, and none is made up. Give it when releasing.

.PARAMETER LicenseUri
    Package: the licence's public address, written into the packaged manifest's PSData. Same as -ProjectUri.

.EXAMPLE
    dotnet pwsh ./build.ps1 Test -Only Pester -PesterPath tests/Pester/Help.Tests.ps1
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Docs', 'Demo', 'Bench', 'Package', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('All', 'Xunit', 'Pester')]
    [string] $Only = 'All',

    [string[]] $PesterPath,
    [string] $PesterFilter,
    [string] $XunitFilter,
    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $PesterOutput = 'Detailed',

    [switch] $NoBuild,

    [uri] $ProjectUri,
    [uri] $LicenseUri
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# From bash, `-PesterPath a,b` arrives as one string: accept commas as separators.
if ($PesterPath) { $PesterPath = @($PesterPath | ForEach-Object { $_ -split ',' } | Where-Object { $_ }) }
$ProgressPreference = 'SilentlyContinue'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
# Plain text in logs: pwsh children and Pester honour NO_COLOR when our output is not a terminal.
if ([Console]::IsOutputRedirected -and $null -eq $env:NO_COLOR) { $env:NO_COLOR = '1' }

$RepoRoot = $PSScriptRoot
$Configuration = 'Release'
$OutDir = Join-Path $RepoRoot 'out'
$StageDir = Join-Path $OutDir 'TrutoOpenAi'
$ResultsDir = Join-Path $OutDir 'test-results'
$MamlPath = Join-Path $StageDir 'en-US/TrutoOpenAi.PowerShell.dll-Help.xml'

. (Join-Path $RepoRoot 'build/Common.ps1')
. (Join-Path $RepoRoot 'build/Stage.ps1')
. (Join-Path $RepoRoot 'build/Help.ps1')
. (Join-Path $RepoRoot 'build/Test.ps1')

function Assert-DotnetSdk {
    $dotnet = Get-Command dotnet -CommandType Application -ErrorAction SilentlyContinue
    if (-not $dotnet) { throw 'The .NET SDK (dotnet) is not on PATH. Install the .NET 10 SDK.' }
    $sdks = @(& dotnet --list-sdks 2>$null)
    if ($LASTEXITCODE -ne 0 -or -not ($sdks | Where-Object { $_ -match '^(\d+)\.' -and [int]$Matches[1] -ge 10 })) {
        throw "The .NET 10 SDK is required; 'dotnet --list-sdks' shows: $($sdks -join '; ')"
    }
    # Child steps run `dotnet pwsh`: the local tool must be restored.
    $manifest = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot '.config/dotnet-tools.json') | ConvertFrom-Json
    $version = $manifest.tools.powershell.version
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $underTool = $PSHOME -like "*$([System.IO.Path]::DirectorySeparatorChar)powershell$([System.IO.Path]::DirectorySeparatorChar)$version$([System.IO.Path]::DirectorySeparatorChar)*"
    if (-not $underTool -and -not (Test-Path -LiteralPath (Join-Path $packages "powershell/$version"))) {
        throw "PowerShell $version (the local dotnet tool) is not restored: run 'dotnet tool restore' first."
    }
}

function Invoke-Build {
    param([switch] $WithDocs)
    Assert-DotnetSdk
    Write-Step "dotnet build TrutoOpenAi.sln -c $Configuration"
    $argv = @('build', (Join-Path $RepoRoot 'TrutoOpenAi.sln'), '-c', $Configuration, '--nologo')
    # In CI, leave no build server behind (they would outlive the run and hold its output open).
    if ($env:CI) { $argv += '--disable-build-servers' }
    Invoke-Native -FilePath 'dotnet' -ArgumentList $argv -WorkingDirectory $RepoRoot -What 'dotnet build'

    Write-Step "Stage the module at $StageDir"
    $null = Invoke-StageModule -RepoRoot $RepoRoot -StageDir $StageDir -Configuration $Configuration

    if ($WithDocs) {
        Write-Step 'Generate help: MAML and docs/'
        $r = New-TrutoHelp -RepoRoot $RepoRoot -StageDir $StageDir -Configuration $Configuration -MamlPath $MamlPath -DocsDir (Join-Path $RepoRoot 'docs')
    } else {
        Write-Step 'Generate help: MAML'
        $r = New-TrutoHelp -RepoRoot $RepoRoot -StageDir $StageDir -Configuration $Configuration -MamlPath $MamlPath
    }
    foreach ($f in $r.Files) { Write-Host "  $([System.IO.Path]::GetRelativePath($RepoRoot, $f))" }
    Write-Host "Module staged at $StageDir ($(@($r.Model).Count) cmdlet(s))."
}

function Assert-Staged {
    if (-not (Test-Path -LiteralPath (Join-Path $StageDir 'TrutoOpenAi.psd1'))) {
        throw "No staged module at ${StageDir}: run without -NoBuild (or './build.ps1 Build') first."
    }
}

function Invoke-TestTask {
    $tallies = [System.Collections.Generic.List[object]]::new()
    try {
        if ($NoBuild) { Assert-Staged } else { Invoke-Build }
    } catch {
        Write-Host "Build failed: $($_.Exception.Message)"
        $t = New-TestTally -Runner 'build'; $t.Crashed = $true; $t.Failed = 1; $t.Detail = 'build failed, no test ran'
        $tallies.Add($t)
        return (Write-TestSummary -Tallies $tallies)
    }
    if (-not (Test-Path -LiteralPath $ResultsDir)) { $null = New-Item -ItemType Directory -Path $ResultsDir -Force }
    $env:TRUTO_MODULE_PATH = $StageDir
    if ($Only -in 'All', 'Xunit') {
        try {
            foreach ($t in (Invoke-XunitTests -RepoRoot $RepoRoot -ResultsDir $ResultsDir -Configuration $Configuration -Filter $XunitFilter)) { $tallies.Add($t) }
        } catch {
            Write-Host "xunit run crashed: $($_.Exception.Message)"
            $t = New-TestTally -Runner 'xunit'; $t.Crashed = $true; $t.Failed = 1; $t.Detail = $_.Exception.Message
            $tallies.Add($t)
        }
    }
    if ($Only -in 'All', 'Pester') {
        try {
            $tallies.Add((Invoke-PesterTests -RepoRoot $RepoRoot -ResultsDir $ResultsDir -Path $PesterPath -FullNameFilter $PesterFilter -Verbosity $PesterOutput))
        } catch {
            Write-Host "Pester run crashed: $($_.Exception.Message)"
            $t = New-TestTally -Runner 'Pester'; $t.Crashed = $true; $t.Failed = 1; $t.Detail = $_.Exception.Message
            $tallies.Add($t)
        }
    }
    return (Write-TestSummary -Tallies $tallies)
}

function Invoke-CleanTask {
    Write-Step 'Clean'
    if (Test-Path -LiteralPath $OutDir) { Remove-Item -LiteralPath $OutDir -Recurse -Force; Write-Host 'removed out/' }
    foreach ($top in 'src', 'tests', 'build', 'bench') {
        $dir = Join-Path $RepoRoot $top
        if (-not (Test-Path -LiteralPath $dir)) { continue }
        $targets = Get-ChildItem -LiteralPath $dir -Directory -Recurse -Force |
            Where-Object { $_.Name -in 'bin', 'obj' -and $_.FullName -notmatch '[\\/](bin|obj)[\\/].*[\\/](bin|obj)$' }
        foreach ($t in ($targets | Sort-Object { $_.FullName.Length })) {
            if (Test-Path -LiteralPath $t.FullName) {
                Remove-Item -LiteralPath $t.FullName -Recurse -Force
                Write-Host "removed $([System.IO.Path]::GetRelativePath($RepoRoot, $t.FullName))"
            }
        }
    }
}

function Invoke-PackageTask {
    Write-Step 'Package'
    $pkgDir = Join-Path $OutDir 'packages'
    if (Test-Path -LiteralPath $pkgDir) { Remove-Item -LiteralPath $pkgDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $pkgDir -Force
    # The package is made from a copy of the stage, so the links given here never change out/TrutoOpenAi.
    $source = Join-Path $OutDir 'package-stage/TrutoOpenAi'
    if (Test-Path -LiteralPath $source) { Remove-Item -LiteralPath $source -Recurse -Force }
    $null = New-Item -ItemType Directory -Path (Split-Path -Parent $source) -Force
    Copy-Item -LiteralPath $StageDir -Destination $source -Recurse
    $links = [ordered]@{ ProjectUri = $ProjectUri; LicenseUri = $LicenseUri }
    foreach ($name in @($links.Keys)) {
        $value = $links[$name]
        if (-not $value) { $links.Remove($name); continue }
        if (-not $value.IsAbsoluteUri -or $value.Scheme -notin 'https', 'http') { throw "-$name must be an absolute http(s) address: '$value'." }
    }
    if ($links.Count) {
        $manifest = Join-Path $source 'TrutoOpenAi.psd1'
        $text = Get-Content -Raw -LiteralPath $manifest
        $lines = foreach ($name in $links.Keys) { "            $name = '$($links[$name].AbsoluteUri.Replace("'", "''"))'" }
        $text = [regex]::Replace($text, '(?m)^(\s*PSData\s*=\s*@\{\s*\r?\n)', { param($m) $m.Groups[1].Value + ($lines -join "`n") + "`n" })
        Write-Utf8File -Path $manifest -Text $text
        Write-Host "Package: $(($links.Keys | ForEach-Object { "$_ $($links[$_])" }) -join ', ')"
    }
    $missing = @('ProjectUri', 'LicenseUri' | Where-Object { -not $links.Contains($_) })
    if ($missing) { Write-Warning "The package has no $($missing -join ' or '): pass -$($missing -join ' and -') when releasing (a gallery shows them)." }
    $script = Join-Path $OutDir 'package.ps1'
    Write-Utf8File -Path $script -Text @'
param([string] $Source, [string] $Destination)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
Compress-PSResource -Path $Source -DestinationPath $Destination
'@
    $code = Invoke-ChildPwsh -RepoRoot $RepoRoot -ScriptPath $script -ArgumentList @('-Source', $source, '-Destination', $pkgDir) -TimeoutSeconds 600 -What 'Compress-PSResource'
    $pkg = @(Get-ChildItem -LiteralPath $pkgDir -Filter *.nupkg -File)
    if ($code -ne 0 -or $pkg.Count -ne 1) { throw "Compress-PSResource failed (exit code $code, $($pkg.Count) package(s) written)." }
    Write-Host "Package: $([System.IO.Path]::GetRelativePath($RepoRoot, $pkg[0].FullName)) ($([Math]::Round($pkg[0].Length / 1MB, 2)) MB)"
}

$exitCode = 0
try {
    Write-Host "build.ps1 $Task ($Configuration) in $RepoRoot"
    switch ($Task) {
        'Build' { Invoke-Build }
        'Docs' {
            if ($NoBuild) {
                Assert-Staged
                $r = New-TrutoHelp -RepoRoot $RepoRoot -StageDir $StageDir -Configuration $Configuration -MamlPath $MamlPath -DocsDir (Join-Path $RepoRoot 'docs')
                foreach ($f in $r.Files) { Write-Host "  $([System.IO.Path]::GetRelativePath($RepoRoot, $f))" }
            } else { Invoke-Build -WithDocs }
        }
        'Test' {
            $failed = Invoke-TestTask
            if ($failed -gt 0) { $exitCode = 1 }
        }
        'Demo' {
            if ($NoBuild) { Assert-Staged } else { Invoke-Build }
            Write-Step 'Demo (build/Demo.ps1)'
            $code = Invoke-ChildPwsh -RepoRoot $RepoRoot -ScriptPath (Join-Path $RepoRoot 'build/Demo.ps1') -TimeoutSeconds 600 -What 'Demo' `
                -ArgumentList @('-ModulePath', (Join-Path $StageDir 'TrutoOpenAi.psd1'))
            if ($code -ne 0) { throw "The demo failed (exit code $code)." }
        }
        'Bench' {
            $bench = Join-Path $RepoRoot 'bench/Run-Bench.ps1'
            if (-not (Test-Path -LiteralPath $bench)) {
                Write-Host 'Nothing to benchmark yet: bench/Run-Bench.ps1 does not exist.'
            } else {
                if ($NoBuild) { Assert-Staged } else { Invoke-Build }
                Write-Step 'Bench (bench/Run-Bench.ps1)'
                $code = Invoke-ChildPwsh -RepoRoot $RepoRoot -ScriptPath $bench -TimeoutSeconds 3600 -What 'Bench'
                if ($code -ne 0) { throw "bench/Run-Bench.ps1 failed (exit code $code)." }
            }
        }
        'Package' {
            if ($NoBuild) { Assert-Staged } else { Invoke-Build }
            Invoke-PackageTask
        }
        'Clean' { Invoke-CleanTask }
    }
} catch {
    $exitCode = 1
    [Console]::Error.WriteLine("build.ps1 ${Task} FAILED: $($_.Exception.Message)")
    if ($_.ScriptStackTrace) { [Console]::Error.WriteLine($_.ScriptStackTrace) }
    if ($Task -eq 'Test') {
        # The closing line must still be there, and a crash is a failure.
        Write-Host 'tests: 0 passed, 1 failed'
    }
}
exit $exitCode
