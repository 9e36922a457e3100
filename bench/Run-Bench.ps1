#Requires -Version 7.4
<#
.SYNOPSIS
    Measures the staged TrutoOpenAi module against its raw baselines, side by side in one run.

.DESCRIPTION
    Run by `dotnet pwsh ./build.ps1 Bench` after a build, or on its own once out/TrutoOpenAi is staged:

        dotnet pwsh ./bench/Run-Bench.ps1 [-Rounds 5] [-Quick] [-NoDocs]

    Builds bench/RawBaseline (HttpClient + System.Text.Json, net10.0) into out/bench, starts the staged emulator on
    loopback (seeded with 200,000 projects, fixed ids, request recording off, keys generated here and passed through the
    environment only), then measures, each in the same run as its baselines, alternating module and baseline in rounds:

      1. import cost        fresh pwsh that imports the module and runs one cmdlet, against a fresh pwsh doing nothing
      2. paging throughput  100,000 projects into Measure-Object: cmdlet vs raw C# loop vs Invoke-RestMethod loop
      3. memory             peak working set of a fresh pwsh streaming 10,000 vs 200,000 projects
      4. first item         time until the first item of the listing reaches the pipeline vs one raw request
      5. per-call overhead  2,000 single Get-OpenAiProject -Id calls vs 2,000 raw HttpClient GETs
      6. concurrency        50 named connections under ForEach-Object -Parallel -ThrottleLimit 8 vs one connection
      7. upload memory      peak working set of a fresh pwsh sending a 100 MB and a 1 GB sparse file through
                            New-OpenAiFile's Uploads flow (-Chunked: 64 MB parts read from disk), as ratios to a fresh
                            pwsh that sends a 1 KB file through the same flow
      plus the emulator's own request rate, to show it is not the bottleneck.

    Reports medians and ratios, never a pass/fail on wall time (the exit code is 0 unless something broke). Results go
    to bench/results/<timestamp>.json and .md (git-ignored), and the table in docs/performance.md between its
    results markers is replaced (unless -NoDocs).

.PARAMETER Rounds
    Repetitions of each measurement (medians are over these). Default 5.

.PARAMETER Quick
    Smaller counts and 3 rounds, for trying the harness (the numbers are then not comparable with the goals).

.PARAMETER NoDocs
    Do not rewrite the results table in docs/performance.md.

.PARAMETER UploadOnly
    Run only measurement 7 (upload memory) and update only its table in docs/performance.md.

.PARAMETER UploadSizeMB
    The sizes of the sparse files of measurement 7, in MB. Default 100 and 1024.

.PARAMETER Stage
    The staged module folder (default out/TrutoOpenAi under the repository root).
#>
[CmdletBinding()]
param(
    [int] $Rounds = 5,
    [switch] $Quick,
    [switch] $NoDocs,
    [switch] $UploadOnly,
    [long[]] $UploadSizeMB = @(100, 1024),
    [string] $Stage
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Set-StrictMode -Version 3.0
$ProgressPreference = 'SilentlyContinue'

$RepoRoot = Split-Path -Parent $PSScriptRoot
if (-not $Stage) { $Stage = Join-Path $RepoRoot 'out/TrutoOpenAi' }
$Psd1 = Join-Path $Stage 'TrutoOpenAi.psd1'
$EmulatorDll = Join-Path $Stage 'emulator/TrutoOpenAi.Emulator.dll'
foreach ($f in $Psd1, $EmulatorDll) {
    if (-not (Test-Path -LiteralPath $f)) { throw "$f not found: build and stage the module first (dotnet pwsh ./build.ps1 Build)." }
}
$Worker = Join-Path $PSScriptRoot 'BenchWorker.ps1'
$ResultsDir = Join-Path $PSScriptRoot 'results'
$null = New-Item -ItemType Directory -Force -Path $ResultsDir

# Sizes
$ListCount = 100000; $IrmCount = 20000; $MemSmall = 10000; $MemLarge = 200000; $Calls = 2000
$Tenants = 50; $Throttle = 8; $PerTenant = 4000; $Seed = 200000
if ($UploadOnly) { $Seed = 1000 }
if ($Quick) {
    $Rounds = [Math]::Min($Rounds, 3); $ListCount = 20000; $IrmCount = 3000; $MemLarge = 50000; $Calls = 300; $PerTenant = 500; $Seed = 50000
}
$ImportRounds = [Math]::Max(7, $Rounds)

# ---- helpers -------------------------------------------------------------------------------------------------
# Children run the same pwsh as this one, started directly (dotnet pwsh.dll) rather than through the tool shim.
$hostPath = [Environment]::ProcessPath
[string[]] $PwshPrefix = @(if ([IO.Path]::GetFileNameWithoutExtension($hostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
$Dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source

function Invoke-Pwsh([string[]] $Arguments) {
    $out = & $hostPath @PwshPrefix -NoProfile -NonInteractive @Arguments
    if ($LASTEXITCODE -ne 0) { throw "child pwsh failed (exit $LASTEXITCODE): $($Arguments -join ' ')`n$($out -join "`n")" }
    return $out
}

function Invoke-Worker([string] $Scenario, [hashtable] $Params = @{}) {
    $a = @('-File', $Worker, '-Scenario', $Scenario, '-Module', $Psd1, '-BaseUri', $script:BaseUri)
    foreach ($k in $Params.Keys) { $a += "-$k"; $a += [string]$Params[$k] }
    $lines = Invoke-Pwsh $a
    @($lines | Where-Object { $_ -is [string] -and $_.StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
}

function Invoke-Raw([string] $Mode, [string[]] $Arguments) {
    $lines = & $Dotnet $RawDll $Mode --base $script:BaseUri @Arguments
    if ($LASTEXITCODE -ne 0) { throw "RawBaseline $Mode failed (exit $LASTEXITCODE)." }
    @($lines | Where-Object { $_.StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
}

function Write-Step([string] $Text) { Write-Host "== $Text" }

# ---- the raw baseline ----------------------------------------------------------------------------------------
Write-Step 'Building bench/RawBaseline (Release, into out/bench/RawBaseline)'
$RawOut = Join-Path $RepoRoot 'out/bench/RawBaseline'
& $Dotnet build (Join-Path $PSScriptRoot 'RawBaseline/RawBaseline.csproj') -c Release -o $RawOut -nologo -v q | Out-Host
if ($LASTEXITCODE -ne 0) { throw 'Building bench/RawBaseline failed.' }
$RawDll = Join-Path $RawOut 'RawBaseline.dll'

# ---- the emulator --------------------------------------------------------------------------------------------
$token = { -join ((1..24) | ForEach-Object { '{0:x2}' -f (Get-Random -Maximum 256) }) }
$adminKey = "sk-admin-bench-$(& $token)"
$env:TRUTO_EMULATOR_ADMIN_KEY = $adminKey
$apiKey = "sk-proj-bench-$(& $token)"
$env:TRUTO_EMULATOR_API_KEY = $apiKey
$env:BENCH_API_KEY = $apiKey
$env:TRUTO_EMULATOR_PARENT_PID = "$PID"
$env:BENCH_ADMIN_KEY = $adminKey
$env:RAWBASELINE_KEY = $adminKey
$env:NO_COLOR = '1'

Write-Step "Starting the emulator ($Seed projects, loopback)"
$psi = [System.Diagnostics.ProcessStartInfo]::new($Dotnet)
foreach ($a in @($EmulatorDll, '--host', '127.0.0.1', '--port', '0', '--seed-projects', "$Seed", '--seed-random', '42')) { $psi.ArgumentList.Add($a) }
$psi.RedirectStandardOutput = $true
$psi.RedirectStandardError = $true
$psi.UseShellExecute = $false
$Emulator = [System.Diagnostics.Process]::Start($psi)
foreach ($n in 'TRUTO_EMULATOR_ADMIN_KEY', 'TRUTO_EMULATOR_API_KEY', 'TRUTO_EMULATOR_PARENT_PID') { Remove-Item "env:$n" }
try {
    $null = $Emulator.StandardError.ReadToEndAsync()
    $lineTask = $Emulator.StandardOutput.ReadLineAsync()
    if (-not $lineTask.Wait([TimeSpan]::FromSeconds(60)) -or -not $lineTask.Result -or -not $lineTask.Result.StartsWith('EMULATOR_LISTENING ')) {
        throw "The emulator did not start: $($lineTask.Result)"
    }
    $script:BaseUri = $lineTask.Result.Substring('EMULATOR_LISTENING '.Length).Trim()
    $control = $BaseUri -replace '/v1$', '/_emulator'
    $null = Invoke-RestMethod -Method Post -Uri "$control/config" -ContentType 'application/json' -Body '{"record": false}'
    Write-Host "emulator at $BaseUri (pid $($Emulator.Id)); recording off"

    $loadStart = Get-Load
    $R = [ordered]@{}
    if (-not $UploadOnly) {

    # ---- 1. import cost ------------------------------------------------------------------------------------
    Write-Step "1. Import cost ($ImportRounds rounds, bare / import+cmdlet / import+connect+request interleaved)"
    $bare = @(); $imp = @(); $req = @()
    $cmdImport = "Import-Module '$Psd1'; `$null = Get-OpenAiConnection"
    $cmdRequest = "Import-Module '$Psd1'; Connect-OpenAi -Name b -BaseUri '$BaseUri' -AdminKey (ConvertTo-SecureString `$env:BENCH_ADMIN_KEY -AsPlainText -Force); `$null = Get-OpenAiProject -First 1"
    $null = Invoke-Pwsh @('-Command', $cmdImport)    # file cache warm-up
    for ($i = 0; $i -lt $ImportRounds; $i++) {
        $sw = [Diagnostics.Stopwatch]::StartNew(); $null = Invoke-Pwsh @('-Command', 'exit 0'); $bare += $sw.Elapsed.TotalSeconds
        $sw.Restart(); $null = Invoke-Pwsh @('-Command', $cmdImport); $imp += $sw.Elapsed.TotalSeconds
        $sw.Restart(); $null = Invoke-Pwsh @('-Command', $cmdRequest); $req += $sw.Elapsed.TotalSeconds
    }
    $R.import = [ordered]@{
        bare_s = Get-Median $bare; import_cmdlet_s = Get-Median $imp; import_request_s = Get-Median $req
        delta_cmdlet_s = Get-Median (0..($ImportRounds - 1) | ForEach-Object { $imp[$_] - $bare[$_] })
        delta_request_s = Get-Median (0..($ImportRounds - 1) | ForEach-Object { $req[$_] - $bare[$_] })
    }
    Write-Host ($R.import | ConvertTo-Json -Compress)

    # ---- 2. paging throughput ------------------------------------------------------------------------------
    Write-Step "2. Paging throughput ($ListCount projects, page 100; $Rounds rounds raw / cmdlet / Invoke-RestMethod ($IrmCount))"
    $raw = @(); $cmd = @(); $irm = @(); $rawReq = @()
    for ($i = 0; $i -lt $Rounds; $i++) {
        $r1 = Invoke-Raw 'list' @('--count', "$ListCount", '--reps', '1', '--warmup', '50')
        $raw += $r1[0].items_per_second; $rawReq += $r1[0].requests_per_second
        $c1 = Invoke-Worker 'List' @{ Count = $ListCount; Reps = 1 }
        if ($c1[0].items -ne $ListCount) { throw "Get-OpenAiProject streamed $($c1[0].items) items, expected $ListCount." }
        $cmd += $c1[0].items_per_second
        if ($i -lt 3) { $irm += (Invoke-Worker 'Irm' @{ Count = $IrmCount; Reps = 1 })[0].items_per_second }
        Write-Host ("  round {0}: raw {1:n0}/s  cmdlet {2:n0}/s  irm {3:n0}/s" -f $i, $raw[-1], $cmd[-1], $irm[-1])
    }
    $R.paging = [ordered]@{
        raw_items_per_s = Get-Median $raw; cmdlet_items_per_s = Get-Median $cmd; irm_items_per_s = Get-Median $irm
        raw_requests_per_s = Get-Median $rawReq
        cmdlet_vs_raw = Get-Median (0..($Rounds - 1) | ForEach-Object { $cmd[$_] / $raw[$_] })
        cmdlet_vs_irm = (Get-Median $cmd) / (Get-Median $irm)
    }
    Write-Host ($R.paging | ConvertTo-Json -Compress)

    # ---- emulator's own rate -------------------------------------------------------------------------------
    Write-Step 'Emulator request rate (RawBaseline rate: 4 concurrent list loops, 5 s)'
    $rate = Invoke-Raw 'rate' @('--seconds', '5', '--concurrency', '4', '--limit', '100')
    $R.emulator = [ordered]@{ requests_per_second = $rate[0].requests_per_second; concurrency = 4 }
    Write-Host ($R.emulator | ConvertTo-Json -Compress)

    # ---- 3. memory -----------------------------------------------------------------------------------------
    Write-Step "3. Memory (fresh pwsh per run: $MemSmall vs $MemLarge projects, $([Math]::Min($Rounds, 3)) rounds)"
    $small = @(); $large = @()
    for ($i = 0; $i -lt [Math]::Min($Rounds, 3); $i++) {
        $s = Invoke-Worker 'Memory' @{ Count = $MemSmall }
        $l = Invoke-Worker 'Memory' @{ Count = $MemLarge }
        if ($l[0].items -ne $MemLarge) { throw "Memory run streamed $($l[0].items) items, expected $MemLarge." }
        $small += $s[0].peak_working_set / 1MB; $large += $l[0].peak_working_set / 1MB
        Write-Host ("  round {0}: {1:n1} MB vs {2:n1} MB" -f $i, $small[-1], $large[-1])
    }
    $R.memory = [ordered]@{ small_items = $MemSmall; large_items = $MemLarge; small_peak_mb = Get-Median $small; large_peak_mb = Get-Median $large }
    $R.memory.growth_mb = $R.memory.large_peak_mb - $R.memory.small_peak_mb
    Write-Host ($R.memory | ConvertTo-Json -Compress)

    # ---- 4. time to first item -----------------------------------------------------------------------------
    Write-Step "4. Time to first item ($($Rounds * 4) samples each)"
    $f = Invoke-Worker 'FirstItem' @{ Reps = $Rounds * 4 }
    $one = Invoke-Raw 'one' @('--reps', "$($Rounds * 4)", '--limit', '100')
    $samples = @($f | Where-Object rep -ge 0)
    $R.first_item = [ordered]@{
        cmdlet_first_item_ms = Get-Median ($samples.first_item_ms)
        irm_one_request_ms = Get-Median ($samples.irm_one_request_ms)
        raw_one_request_ms = Get-Median ($one.first_item_ms)
        cold_first_item_ms = ($f | Where-Object rep -eq -1).cold_first_item_ms
    }
    $R.first_item.cmdlet_vs_raw = $R.first_item.cmdlet_first_item_ms / $R.first_item.raw_one_request_ms
    Write-Host ($R.first_item | ConvertTo-Json -Compress)

    # ---- 5. per-call overhead ------------------------------------------------------------------------------
    Write-Step "5. Per-call overhead ($Calls single gets; $Rounds rounds raw / piped / loop / Invoke-RestMethod)"
    $rawCall = @(); $piped = @(); $loop = @(); $irmCall = @()
    $pc = Invoke-Worker 'PerCall' @{ Count = $Calls; Reps = $Rounds }
    $rc = Invoke-Raw 'get' @('--count', "$Calls", '--reps', "$Rounds")
    foreach ($x in $pc) {
        if ($x.piped_ok -ne $Calls -or $x.loop_ok -ne $Calls) { throw "Per-call run got $($x.piped_ok)/$($x.loop_ok) of $Calls projects." }
        $piped += 1000 * $x.piped_seconds / $Calls; $loop += 1000 * $x.loop_seconds / $Calls; $irmCall += 1000 * $x.irm_seconds / $Calls
    }
    $rawCall = @($rc | ForEach-Object { $_.per_call_ms })
    $R.per_call = [ordered]@{
        calls = $Calls
        raw_ms = Get-Median $rawCall; piped_ms = Get-Median $piped; loop_ms = Get-Median $loop; irm_ms = Get-Median $irmCall
    }
    $R.per_call.piped_overhead_ms = $R.per_call.piped_ms - $R.per_call.raw_ms
    $R.per_call.loop_overhead_ms = $R.per_call.loop_ms - $R.per_call.raw_ms
    Write-Host ($R.per_call | ConvertTo-Json -Compress)

    # ---- 6. concurrency ------------------------------------------------------------------------------------
    Write-Step "6. Concurrency ($Tenants connections x $PerTenant projects, -ThrottleLimit $Throttle, vs one connection; $([Math]::Min($Rounds, 3)) rounds)"
    $par = Invoke-Worker 'Parallel' @{ Count = $PerTenant; Reps = [Math]::Min($Rounds, 3); Tenants = $Tenants; Throttle = $Throttle }
    foreach ($x in $par) { if ($x.parallel_items -ne $Tenants * $PerTenant) { throw "Parallel run streamed $($x.parallel_items) items." } }
    $R.concurrency = [ordered]@{
        tenants = $Tenants; throttle = $Throttle; per_tenant = $PerTenant
        single_items_per_s = Get-Median ($par.single_items_per_second); parallel_items_per_s = Get-Median ($par.parallel_items_per_second)
        parallel_vs_single = Get-Median ($par | ForEach-Object { $_.parallel_items_per_second / $_.single_items_per_second })
    }
    Write-Host ($R.concurrency | ConvertTo-Json -Compress)
    }

    # ---- 7. upload memory ----------------------------------------------------------------------------------
    $UploadRounds = [Math]::Min($Rounds, 3)
    Write-Step "7. Upload memory (fresh pwsh per run: 1 KB baseline vs $($UploadSizeMB -join ' MB, ') MB sparse files through the Uploads flow; $UploadRounds rounds)"
    $uploadBase = @(); $uploads = [ordered]@{}
    foreach ($size in $UploadSizeMB) { $uploads["$size"] = [System.Collections.Generic.List[object]]::new() }
    for ($i = 0; $i -lt $UploadRounds; $i++) {
        $b = Invoke-Worker 'Upload' @{ SizeMB = 0 }
        $uploadBase += $b[0].peak_working_set / 1MB
        $line = "  round {0}: baseline {1:n1} MB" -f $i, $uploadBase[-1]
        foreach ($size in $UploadSizeMB) {
            $u = Invoke-Worker 'Upload' @{ SizeMB = $size }
            if ($u[0].bytes -ne $size * 1MB) { throw "The upload run sent $($u[0].bytes) bytes, expected $($size * 1MB)." }
            $uploads["$size"].Add([pscustomobject]@{ PeakMB = $u[0].peak_working_set / 1MB; Seconds = $u[0].seconds; Ratio = ($u[0].peak_working_set / 1MB) / $uploadBase[-1] })
            $line += ", {0} MB: {1:n1} MB in {2:n1} s" -f $size, $uploads["$size"][-1].PeakMB, $u[0].seconds
        }
        Write-Host $line
    }
    $R.upload = [ordered]@{ baseline_peak_mb = Get-Median $uploadBase; sizes = [ordered]@{} }
    foreach ($size in $UploadSizeMB) {
        $runs = $uploads["$size"]
        $R.upload.sizes["$size"] = [ordered]@{
            peak_mb = Get-Median ($runs.PeakMB); ratio = Get-Median ($runs.Ratio); seconds = Get-Median ($runs.Seconds)
            mb_per_s = $size / (Get-Median ($runs.Seconds))
        }
    }
    Write-Host ($R.upload | ConvertTo-Json -Compress -Depth 4)

    # ---- machine & report ----------------------------------------------------------------------------------
    $cpu = Get-CpuName
    $R.machine = [ordered]@{
        date = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd HH:mm') + ' UTC'
        cpu = $cpu; cores = [Environment]::ProcessorCount
        os = [System.Runtime.InteropServices.RuntimeInformation]::OSDescription
        runtime = [System.Runtime.InteropServices.RuntimeInformation]::FrameworkDescription
        pwsh = "$($PSVersionTable.PSVersion)"
        commit = "$(& git -C $RepoRoot rev-parse --short HEAD 2>$null)$(if (& git -C $RepoRoot status --porcelain --untracked-files=no 2>$null) { ' (with uncommitted changes)' })"
        load_start = $loadStart; load_end = Get-Load
        rounds = $Rounds; quick = [bool]$Quick
    }
} finally {
    if (-not $Emulator.HasExited) { $Emulator.Kill(); $Emulator.WaitForExit(5000) | Out-Null }
    Remove-Item env:BENCH_ADMIN_KEY, env:BENCH_API_KEY, env:RAWBASELINE_KEY -ErrorAction Ignore
}

function F([double] $v, [string] $fmt = 'n0') { $v.ToString($fmt, [Globalization.CultureInfo]::InvariantCulture) }
$m = $R.machine
$goal = { param([bool] $ok) if ($ok) { 'met' } else { '**missed**' } }
$header = @"
Measured $($m.date) on $($m.cpu), $($m.cores) cores, $($m.os); $($m.runtime), PowerShell $($m.pwsh); commit $($m.commit).
Load average (1/5/15 min) $($m.load_start) at the start, $($m.load_end) at the end. Medians of $($m.rounds) rounds$(if ($m.quick) { ' (-Quick: reduced counts, not comparable with the goals)' }).
"@
$table = if ($UploadOnly) { '' } else { $header + "`n`n" + @"
| # | measurement | module | baseline | ratio | goal |
|---|---|---|---|---|---|
| 1 | import + one cmdlet (fresh ``pwsh -NoProfile``) | $(F $R.import.import_cmdlet_s 'n3') s | bare pwsh $(F $R.import.bare_s 'n3') s | +$(F $R.import.delta_cmdlet_s 'n3') s | < +0.150 s: $(& $goal ($R.import.delta_cmdlet_s -lt 0.15)) |
| 1b | import + Connect-OpenAi + first request | $(F $R.import.import_request_s 'n3') s | bare pwsh $(F $R.import.bare_s 'n3') s | +$(F $R.import.delta_request_s 'n3') s | (information) |
| 2a | paging: $(F $ListCount) projects into Measure-Object | $(F $R.paging.cmdlet_items_per_s) obj/s | raw HttpClient + STJ: $(F $R.paging.raw_items_per_s) obj/s | $(F $R.paging.cmdlet_vs_raw 'n2') x (per round; $(F ($R.paging.cmdlet_items_per_s / $R.paging.raw_items_per_s) 'n2') x of the medians) | >= 0.8 x: $(& $goal ($R.paging.cmdlet_vs_raw -ge 0.8)) |
| 2b | paging, against Invoke-RestMethod loop ($(F $IrmCount) projects) | $(F $R.paging.cmdlet_items_per_s) obj/s | Invoke-RestMethod: $(F $R.paging.irm_items_per_s) obj/s | $(F $R.paging.cmdlet_vs_irm 'n1') x | >= 3 x: $(& $goal ($R.paging.cmdlet_vs_irm -ge 3)) |
| 3 | peak working set, $(F $MemSmall) vs $(F $MemLarge) projects | $(F $R.memory.large_peak_mb 'n1') MB | $(F $R.memory.small_peak_mb 'n1') MB | +$(F $R.memory.growth_mb 'n1') MB | flat: $(& $goal ($R.memory.growth_mb -lt [Math]::Max(10, 0.1 * $R.memory.small_peak_mb))) |
| 4 | time to first item (warm; cold first call $(F $R.first_item.cold_first_item_ms 'n0') ms) | $(F $R.first_item.cmdlet_first_item_ms 'n2') ms | one raw request $(F $R.first_item.raw_one_request_ms 'n2') ms (Invoke-RestMethod $(F $R.first_item.irm_one_request_ms 'n2') ms) | $(F $R.first_item.cmdlet_vs_raw 'n2') x | (information) |
| 5 | per call: $(F $Calls) x Get-OpenAiProject -Id, piped | $(F $R.per_call.piped_ms 'n3') ms | raw GET $(F $R.per_call.raw_ms 'n3') ms | +$(F $R.per_call.piped_overhead_ms 'n3') ms | (information) |
| 5b | per call: one Get-OpenAiProject -Id invocation per id | $(F $R.per_call.loop_ms 'n3') ms | raw GET $(F $R.per_call.raw_ms 'n3') ms; Invoke-RestMethod $(F $R.per_call.irm_ms 'n3') ms | +$(F $R.per_call.loop_overhead_ms 'n3') ms | (information) |
| 6 | $($R.concurrency.tenants) connections x $(F $PerTenant), -Parallel -ThrottleLimit $Throttle | $(F $R.concurrency.parallel_items_per_s) obj/s | one connection, sequential: $(F $R.concurrency.single_items_per_s) obj/s | $(F $R.concurrency.parallel_vs_single 'n2') x | (information) |
| - | emulator's own rate (4 concurrent raw clients) | | $(F $R.emulator.requests_per_second) req/s | raw paging used $(F $R.paging.raw_requests_per_s) req/s | not the bottleneck: $(& $goal ($R.emulator.requests_per_second -gt 1.2 * $R.paging.raw_requests_per_s)) |
"@ }
$uploadRows = foreach ($size in $UploadSizeMB) {
    $u = $R.upload.sizes["$size"]
    "| 7 | New-OpenAiFile -Chunked, $(F $size) MB sparse file (64 MB parts, $(F $u.mb_per_s 'n0') MB/s) | $(F $u.peak_mb 'n1') MB | 1 KB through the same flow: $(F $R.upload.baseline_peak_mb 'n1') MB | $(F $u.ratio 'n2') x | flat (< 1.25 x): $(& $goal ($u.ratio -lt 1.25)) |"
}
$uploadTable = $header + "`n`n" + @"
| # | measurement | module | baseline | ratio | goal |
|---|---|---|---|---|---|
$($uploadRows -join "`n")
"@

$stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMdd-HHmmss')
$R | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath (Join-Path $ResultsDir "$stamp.json")
($table + "`n" + $uploadTable) | Set-Content -LiteralPath (Join-Path $ResultsDir "$stamp.md")
Write-Host ''
Write-Host $table
Write-Host $uploadTable
Write-Host "results: bench/results/$stamp.json, bench/results/$stamp.md"

if (-not $NoDocs) {
    if (-not $UploadOnly) { Update-PerformanceDoc -RepoRoot $RepoRoot -Section results -Table $table }
    Update-PerformanceDoc -RepoRoot $RepoRoot -Section upload -Table $uploadTable
}
