#Requires -Version 7.4
<#
.SYNOPSIS
    Measures what importing TrutoOpenAi and running one cmdlet costs over a bare pwsh, beside floor modules that show
    what PowerShell itself charges any binary module of that size.

.DESCRIPTION
    Run after a build (the module staged in out/TrutoOpenAi):

        dotnet pwsh ./bench/Run-ImportBench.ps1 [-Rounds 15] [-NoDocs]

    Builds two floor modules from bench/ImportFloor (a binary module whose cmdlets do nothing) into out/bench:
      floor-1   one trivial cmdlet, a manifest that lists it, a format file of one table view;
      floor-N   as many trivial cmdlets as TrutoOpenAi exports (each with three parameters and an [OutputType]), a
                manifest that lists them all, and as many table views as TrutoOpenAi's format file holds, each of six
                columns: the module's shape with none of its code.
    Then starts, interleaved in every round, fresh `pwsh -NoProfile -NonInteractive` processes that
      0. do nothing (`exit 0`): the bare pwsh baseline;
      1. import floor-1 and run its cmdlet;
      2. import floor-N and run one of its cmdlets;
      3. import TrutoOpenAi and run Get-OpenAiConnection (the goal: under +0.150 s over 0).
    Each child also reports its own Import-Module and first-cmdlet times (stopwatch inside the process), which are far
    less noisy than whole-process times on a busy machine.

    Medians of the per-round differences, never a pass/fail on wall time (the exit code is 0 unless something broke).
    The table in docs/performance.md between its bench:import markers is replaced (unless -NoDocs).

.PARAMETER Rounds
    Interleaved rounds (each starts four processes). Default 15.

.PARAMETER PwshBuild
    Which pwsh to measure on: Tool (the pinned dotnet tool as it is: IL only), ReadyToRun (a copy of it whose PowerShell
    assemblies this script compiles with crossgen2 into out/bench/pwsh-r2r, as the official packages ship them), or
    Both (default).

.PARAMETER NoDocs
    Do not rewrite the import table in docs/performance.md.

.PARAMETER Stage
    The staged module folder (default out/TrutoOpenAi under the repository root).
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 200)] [int] $Rounds = 15,
    [ValidateSet('Tool', 'ReadyToRun', 'Both')] [string] $PwshBuild = 'Both',
    [switch] $NoDocs,
    [string] $Stage
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Set-StrictMode -Version 3.0
$ProgressPreference = 'SilentlyContinue'

$RepoRoot = Split-Path -Parent $PSScriptRoot
if (-not $Stage) { $Stage = Join-Path $RepoRoot 'out/TrutoOpenAi' }
$Psd1 = Join-Path $Stage 'TrutoOpenAi.psd1'
if (-not (Test-Path -LiteralPath $Psd1)) { throw "$Psd1 not found: build and stage the module first (dotnet pwsh ./build.ps1 Build)." }
$OutRoot = Join-Path $RepoRoot 'out/bench'
$hostPath = [Environment]::ProcessPath
[string[]] $PwshPrefix = @(if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
$Dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
$Invariant = [Globalization.CultureInfo]::InvariantCulture

# ---- the module's shape ---------------------------------------------------------------------------------------
$manifest = Import-PowerShellDataFile -LiteralPath $Psd1
$cmdletCount = @($manifest.CmdletsToExport).Count
$viewCount = 0
foreach ($f in @($manifest.FormatsToProcess)) {
    $viewCount += ([xml](Get-Content -Raw -LiteralPath (Join-Path $Stage $f))).SelectNodes('//View').Count
}

# ---- the floor modules ---------------------------------------------------------------------------------------
function New-FloorModule([int] $Cmdlets, [int] $Views) {
    $dir = Join-Path $OutRoot "floor-$Cmdlets"
    $src = Join-Path $OutRoot "floor-$Cmdlets-src"
    $null = New-Item -ItemType Directory -Force -Path $dir, $src
    $cs = [Text.StringBuilder]::new()
    $null = $cs.AppendLine('using System.Management.Automation;').AppendLine('namespace ImportFloor {')
    for ($v = 1; $v -le $Views; $v++) {
        $null = $cs.AppendLine("public sealed class FloorItem$v { public string Id { get; set; } public string Name { get; set; } public string Status { get; set; } public long Size { get; set; } public System.DateTimeOffset? CreatedAt { get; set; } public string Owner { get; set; } }")
    }
    for ($c = 1; $c -le $Cmdlets; $c++) {
        $item = "FloorItem$((($c - 1) % $Views) + 1)"
        $null = $cs.AppendLine("[Cmdlet(VerbsCommon.Get, `"Floor$c`")] [OutputType(typeof($item))] public sealed class GetFloor${c}Command : PSCmdlet {")
        $null = $cs.AppendLine('  [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)] public string Id { get; set; }')
        $null = $cs.AppendLine('  [Parameter] [ValidateRange(1, 100)] public int First { get; set; }')
        $null = $cs.AppendLine('  [Parameter] public SwitchParameter Force { get; set; }')
        $null = $cs.AppendLine("  protected override void ProcessRecord() { WriteObject(new $item { Id = Id, Name = `"floor`" }); } }")
    }
    $null = $cs.AppendLine('}')
    $source = Join-Path $src 'Cmdlets.cs'
    Set-Content -LiteralPath $source -Value $cs.ToString()
    & $Dotnet build (Join-Path $PSScriptRoot 'ImportFloor/ImportFloor.csproj') -c Release -o $dir -nologo -v q `
        "-p:FloorSource=$source" "-p:BaseIntermediateOutputPath=$src/obj/" "-p:BaseOutputPath=$src/bin/" | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "Building the floor module with $Cmdlets cmdlet(s) failed." }

    $columns = 'Id', 'Name', 'Status', 'Size', 'CreatedAt', 'Owner'
    $xml = [Text.StringBuilder]::new('<?xml version="1.0" encoding="utf-8"?><Configuration><ViewDefinitions>')
    for ($v = 1; $v -le $Views; $v++) {
        $null = $xml.Append("<View><Name>FloorItem$v</Name><ViewSelectedBy><TypeName>ImportFloor.FloorItem$v</TypeName></ViewSelectedBy><TableControl><TableHeaders>")
        foreach ($col in $columns) { $null = $xml.Append("<TableColumnHeader><Label>$col</Label></TableColumnHeader>") }
        $null = $xml.Append('</TableHeaders><TableRowEntries><TableRowEntry><TableColumnItems>')
        foreach ($col in $columns) { $null = $xml.Append("<TableColumnItem><PropertyName>$col</PropertyName></TableColumnItem>") }
        $null = $xml.Append('</TableColumnItems></TableRowEntry></TableRowEntries></TableControl></View>')
    }
    $null = $xml.Append('</ViewDefinitions></Configuration>')
    Set-Content -LiteralPath (Join-Path $dir 'ImportFloor.Format.ps1xml') -Value $xml.ToString()
    $names = (1..$Cmdlets | ForEach-Object { "'Get-Floor$_'" }) -join ', '
    Set-Content -LiteralPath (Join-Path $dir 'ImportFloor.psd1') -Value @"
@{ RootModule = 'ImportFloor.dll'; ModuleVersion = '1.0.0'; GUID = '5d0c7a43-8f0e-4c55-9d6a-3f1f4b0a0b01'
   CompatiblePSEditions = @('Core'); PowerShellVersion = '7.4'
   FormatsToProcess = @('ImportFloor.Format.ps1xml'); CmdletsToExport = @($names)
   FunctionsToExport = @(); VariablesToExport = @(); AliasesToExport = @() }
"@
    Join-Path $dir 'ImportFloor.psd1'
}

Write-Host "==> Floor modules (TrutoOpenAi: $cmdletCount cmdlets, $viewCount views)"
$floor1 = New-FloorModule -Cmdlets 1 -Views 1
$floorN = New-FloorModule -Cmdlets $cmdletCount -Views $viewCount

# ---- the hosts ------------------------------------------------------------------------------------------------
# The pwsh this repository pins is the `dotnet tool` package, whose PowerShell assemblies are IL only: every code path
# PowerShell runs for the first time in a process (Import-Module included) is JIT-compiled. The official release
# packages (tarball, deb, rpm, msi, zip) ship them as ReadyToRun images. The bench measures both: the tool as it is, and
# a copy of it whose PowerShell assemblies this script compiles with crossgen2 (the package the SDK picks for
# ReadyToRun, fetched from NuGet by restoring bench/ReadyToRunHost).
function New-ReadyToRunHost {
    $target = Join-Path $OutRoot 'pwsh-r2r'
    $marker = Join-Path $target '.r2r-done'
    if (Test-Path -LiteralPath $marker) { return Join-Path $target 'pwsh.dll' }
    $rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    & $Dotnet restore (Join-Path $PSScriptRoot 'ReadyToRunHost/ReadyToRunHost.csproj') -nologo -v q "-p:RuntimeIdentifier=$rid" | Out-Host
    if ($LASTEXITCODE -ne 0) { throw 'Restoring bench/ReadyToRunHost (the crossgen2 package) failed.' }
    $packages = (& $Dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $runtimeDir = [Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory().TrimEnd('/', '\')
    $runtimeVersion = Split-Path -Leaf $runtimeDir
    $crossgen = Join-Path $packages "microsoft.netcore.app.crossgen2.$rid/$runtimeVersion/tools/crossgen2"
    if ($IsWindows) { $crossgen += '.exe' }
    if (-not (Test-Path -LiteralPath $crossgen)) {
        $crossgen = Get-ChildItem -Path (Join-Path $packages "microsoft.netcore.app.crossgen2.$rid") -Recurse -Filter 'crossgen2*' -File |
            Where-Object { $_.Name -in 'crossgen2', 'crossgen2.exe' } | Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
    }
    if (-not $crossgen) { throw "crossgen2 for $rid not found under $packages." }
    if (Test-Path -LiteralPath $target) { Remove-Item -Recurse -Force -LiteralPath $target }
    Copy-Item -Recurse -LiteralPath $PSHOME -Destination $target
    $assemblies = Get-ChildItem -LiteralPath $PSHOME -Filter '*.dll' | Where-Object {
        $_.Name -like 'Microsoft.PowerShell.*' -or $_.Name -in 'System.Management.Automation.dll', 'pwsh.dll'
    }
    # References go through a response file: pwsh expands a wildcard argument of a native command on Unix.
    $refs = @(Get-ChildItem -LiteralPath $PSHOME -Filter '*.dll') + @(Get-ChildItem -LiteralPath $runtimeDir -Filter '*.dll')
    $os = if ($IsWindows) { 'windows' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
    $arch = [Runtime.InteropServices.RuntimeInformation]::OSArchitecture.ToString().ToLowerInvariant()
    foreach ($a in $assemblies) {
        $rsp = Join-Path $OutRoot "crossgen-$($a.BaseName).rsp"
        $lines = @($a.FullName, '-o', (Join-Path $target $a.Name), '--targetos', $os, '--targetarch', $arch, '-O') +
            @($refs | Where-Object Name -ne $a.Name | ForEach-Object { '-r'; $_.FullName })
        Set-Content -LiteralPath $rsp -Value $lines
        $out = & $crossgen "@$rsp" 2>&1
        if ($LASTEXITCODE -ne 0) {   # that assembly stays IL
            Write-Warning "crossgen2 could not compile $($a.Name); it stays IL: $(($out | Select-Object -First 2) -join ' ')"
            Copy-Item -LiteralPath $a.FullName -Destination (Join-Path $target $a.Name) -Force
        }
    }
    $null = New-Item -ItemType File -Path $marker
    Join-Path $target 'pwsh.dll'
}

# ---- the measurement -----------------------------------------------------------------------------------------
# Each child writes "<import ms> <first cmdlet ms>" from a stopwatch of its own to the file named by
# IMPORT_BENCH_OUT, not to its output: writing output would start PowerShell's formatting machinery, which the bare
# pwsh never runs, and charge it to the module.
function Get-ChildCommand([string] $Module, [string] $Cmdlet) {
    "`$sw = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$Module'; `$a = `$sw.Elapsed.TotalMilliseconds; `$null = $Cmdlet; " +
    "`$b = `$sw.Elapsed.TotalMilliseconds - `$a; [IO.File]::WriteAllText(`$env:IMPORT_BENCH_OUT, [string]::Join(' ', `$a.ToString([cultureinfo]::InvariantCulture), `$b.ToString([cultureinfo]::InvariantCulture)))"
}
$env:IMPORT_BENCH_OUT = Join-Path $OutRoot 'import-child.txt'
$cases = [ordered]@{
    bare    = 'exit 0'
    floor1  = Get-ChildCommand $floor1 'Get-Floor1'
    floorN  = Get-ChildCommand $floorN 'Get-Floor1'
    module  = Get-ChildCommand $Psd1 'Get-OpenAiConnection'
}
function F([double] $v, [string] $fmt = 'n3') { $v.ToString($fmt, $Invariant) }

function Measure-Host([string[]] $Launch) {
    function Invoke-Child([string] $Command) {
        $out = & $Launch[0] @($Launch | Select-Object -Skip 1) -NoProfile -NonInteractive -Command $Command
        if ($LASTEXITCODE -ne 0) { throw "child pwsh failed (exit $LASTEXITCODE): $Command`n$($out -join "`n")" }
        $out
    }
    $wall = @{}; $inImport = @{}; $inCmdlet = @{}
    foreach ($k in $cases.Keys) { $wall[$k] = [Collections.Generic.List[double]]::new(); $inImport[$k] = [Collections.Generic.List[double]]::new(); $inCmdlet[$k] = [Collections.Generic.List[double]]::new() }
    foreach ($k in $cases.Keys) { $null = Invoke-Child $cases[$k] }   # file cache warm-up
    for ($i = 0; $i -lt $Rounds; $i++) {
        foreach ($k in $cases.Keys) {
            Remove-Item -LiteralPath $env:IMPORT_BENCH_OUT -ErrorAction Ignore
            $sw = [Diagnostics.Stopwatch]::StartNew()
            $null = Invoke-Child $cases[$k]
            $wall[$k].Add($sw.Elapsed.TotalSeconds)
            if ($k -ne 'bare') {
                $parts = (Get-Content -Raw -LiteralPath $env:IMPORT_BENCH_OUT).Split(' ')
                $inImport[$k].Add([double]::Parse($parts[0], $Invariant)); $inCmdlet[$k].Add([double]::Parse($parts[1], $Invariant))
            }
        }
    }
    $delta = { param($Case, $Over) Get-Median (0..($Rounds - 1) | ForEach-Object { $wall[$Case][$_] - $wall[$Over][$_] }) }
    $res = [ordered]@{
        bare_s = Get-Median $wall.bare
        floor1_delta_s = & $delta floor1 bare; floorN_delta_s = & $delta floorN bare; module_delta_s = & $delta module bare
        module_over_floorN_s = & $delta module floorN
    }
    foreach ($k in 'floor1', 'floorN', 'module') { $res["${k}_import_ms"] = Get-Median $inImport[$k]; $res["${k}_cmdlet_ms"] = Get-Median $inCmdlet[$k] }
    $res
}

$hosts = [ordered]@{}
if ($PwshBuild -in 'Tool', 'Both') { $hosts['tool'] = @{ Label = 'the pinned `dotnet tool` pwsh (PowerShell assemblies IL only, JIT-compiled)'; Launch = @($hostPath) + $PwshPrefix } }
if ($PwshBuild -in 'ReadyToRun', 'Both') {
    Write-Host '==> ReadyToRun copy of this pwsh (crossgen2)'
    $r2r = New-ReadyToRunHost
    $hosts['r2r'] = @{ Label = 'the same pwsh with its PowerShell assemblies compiled ReadyToRun, as the official release packages ship them'; Launch = @($Dotnet, $r2r) }
}
$loadStart = Get-Load
$R = [ordered]@{}
foreach ($h in $hosts.Keys) {
    Write-Host "==> $Rounds interleaved rounds on $($hosts[$h].Label)"
    $R[$h] = Measure-Host $hosts[$h].Launch
}
$loadEnd = Get-Load

$commit = (git -C $RepoRoot rev-parse --short HEAD 2>$null)
$cpu = Get-CpuName
$rows = foreach ($h in $hosts.Keys) {
    $res = $R[$h]; $tag = if ($h -eq 'r2r') { 'ReadyToRun pwsh' } else { 'dotnet-tool pwsh' }
    $goal = if ($res.module_delta_s -lt 0.15) { 'met' } else { '**missed**' }
    "| $tag | bare pwsh (``exit 0``) | $(F $res.bare_s) s | | | |"
    "| $tag | floor-1: a binary module with 1 trivial cmdlet, 1 view | +$(F $res.floor1_delta_s) s | $(F $res.floor1_import_ms 'n0') ms | $(F $res.floor1_cmdlet_ms 'n1') ms | (PowerShell's own cost) |"
    "| $tag | floor-$($cmdletCount): $cmdletCount trivial cmdlets, $viewCount views (the module's shape, none of its code) | +$(F $res.floorN_delta_s) s | $(F $res.floorN_import_ms 'n0') ms | $(F $res.floorN_cmdlet_ms 'n1') ms | (PowerShell's own cost) |"
    "| $tag | **TrutoOpenAi + Get-OpenAiConnection** | **+$(F $res.module_delta_s) s** | $(F $res.module_import_ms 'n0') ms | $(F $res.module_cmdlet_ms 'n1') ms | < +0.150 s: $goal |"
    "| $tag | TrutoOpenAi over floor-$($cmdletCount) (what the module's own code adds) | +$(F $res.module_over_floorN_s) s | +$(F ($res.module_import_ms - $res.floorN_import_ms) 'n0') ms | +$(F ($res.module_cmdlet_ms - $res.floorN_cmdlet_ms) 'n1') ms | (information) |"
}
$table = @"
Measured $((Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC on $cpu, $([Environment]::ProcessorCount) cores; PowerShell $($PSVersionTable.PSVersion); commit $commit. Load average (1/5/15 min) $loadStart at the start, $loadEnd at the end. Medians of $Rounds interleaved rounds per host; a fresh ``pwsh -NoProfile -NonInteractive`` per cell. "Over bare pwsh" is the whole process; "Import-Module" and "first cmdlet" are stopwatches inside the child (far less noisy on a busy machine).

| pwsh | fresh pwsh that imports and runs one cmdlet | over bare pwsh | Import-Module (inside) | first cmdlet (inside) | goal |
|---|---|---|---|---|---|
$($rows -join "`n")
"@
Write-Host ''
Write-Host $table
$ResultsDir = Join-Path $PSScriptRoot 'results'
$null = New-Item -ItemType Directory -Force -Path $ResultsDir
$R | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath (Join-Path $ResultsDir "import-$((Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss')).json")

if (-not $NoDocs) { Update-PerformanceDoc -RepoRoot $RepoRoot -Section import -Table $table }
