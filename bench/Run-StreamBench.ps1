#Requires -Version 7.4
<#
.SYNOPSIS
    Measures streaming against a raw HttpClient SSE reader, in one run: time to the first streamed token, and how soon
    the server sees the connection closed after Stop().

.DESCRIPTION
    Run once out/TrutoOpenAi is staged (dotnet pwsh ./build.ps1 Build); it takes a few minutes:

        dotnet pwsh ./bench/Run-StreamBench.ps1 [-Rounds 5] [-Reps 40] [-StopReps 10] [-NoDocs]

    Builds bench/RawBaseline (into out/bench/RawBaseline), starts the staged emulator on loopback (request recording
    off), then, in rounds that alternate the contenders:

      first token  module    Invoke-OpenAiResponse -Stream 6>&1 | ForEach-Object { ... }: the time from the call to
                             the first text delta written to the host (redirected into the pipeline), warm, -Reps times
                   baseline  RawBaseline sse: one HttpClient, POST /v1/responses stream=true, the body read line by line,
                             the first response.output_text.delta data line parsed (source-generated System.Text.Json);
                             for scale, the same request not streamed with Invoke-RestMethod
      Stop()       module    Invoke-OpenAiResponse -Stream in a [powershell] on a warm runspace, the emulator holding
                             the stream open after the first delta ("[hold]"); once GET /_emulator/streams says it is
                             held, Stop(); the figure is the emulator's ended_at_ms (when it saw the connection closed,
                             real time) minus the time just before Stop(), -StopReps times
                   baseline  RawBaseline sse-stop: the same held stream read by HttpClient, then its token cancelled
                             and the response disposed; the same figure from the same emulator report

    Medians; results go to bench/results/stream-<timestamp>.json and the table between the bench:stream markers of
    docs/performance.md (unless -NoDocs). Nothing here passes or fails on wall time; the Stop() goal (under 0.5 s)
    is reported as met or missed for this run.
#>
[CmdletBinding()]
param(
    [int] $Rounds = 5,
    [int] $Reps = 40,
    [int] $StopReps = 10,
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
Import-Module $Psd1 -Force
$ResultsDir = Join-Path $PSScriptRoot 'results'
$null = New-Item -ItemType Directory -Force -Path $ResultsDir
$loadStart = Get-Load
$Dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source

Write-Host '== Building bench/RawBaseline (Release, into out/bench/RawBaseline)'
$RawOut = Join-Path $RepoRoot 'out/bench/RawBaseline'
& $Dotnet build (Join-Path $PSScriptRoot 'RawBaseline/RawBaseline.csproj') -c Release -o $RawOut -nologo -v q | Out-Host
if ($LASTEXITCODE -ne 0) { throw 'Building bench/RawBaseline failed.' }
$RawDll = Join-Path $RawOut 'RawBaseline.dll'

$emu = Start-OpenAiEmulator -Connect -Name 'stream-bench'
$connection = Get-OpenAiConnection -Name 'stream-bench'
$base = ([string]$emu.BaseUri).TrimEnd('/')
$control = $base -replace '/v1$', '/_emulator'
$null = Invoke-RestMethod -Method Post -Uri "$control/config" -ContentType 'application/json' -Body '{"record":false}'
$env:RAWBASELINE_KEY = [System.Net.NetworkCredential]::new('', $emu.ApiKey).Password
$nowMs = { ([DateTime]::UtcNow - [DateTime]::UnixEpoch).TotalMilliseconds }

function Invoke-Raw([string] $Mode, [string[]] $Arguments) {
    $lines = & $Dotnet $RawDll $Mode --base $base @Arguments
    if ($LASTEXITCODE -ne 0) { throw "RawBaseline $Mode failed (exit $LASTEXITCODE)." }
    @($lines | Where-Object { $_.StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
}


function Measure-FirstToken {
    # Time to the first text delta on the host (6>&1 brings the host text into the pipeline as it is written), and to the end.
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $first = $null
    Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Tell me about streaming in a few words' -Stream -Confirm:$false -Connection $connection 6>&1 |
        ForEach-Object { if ($null -eq $first -and $_ -is [System.Management.Automation.InformationRecord]) { $first = $sw.Elapsed.TotalMilliseconds } }
    if ($null -eq $first) { throw 'no text reached the host' }
    [pscustomobject]@{ FirstMs = $first; TotalMs = $sw.Elapsed.TotalMilliseconds }
}

# GET /_emulator/streams as a list (Invoke-RestMethod writes a JSON array as one object: unroll it).
function Get-Stream([string] $Query = '') { @(Invoke-RestMethod -Uri "$control/streams$Query" | ForEach-Object { $_ } | Where-Object { $null -ne $_ }) }

# For scale: the same request, not streamed, with Invoke-RestMethod (what a script without the module would write).
$irmHeaders = @{ Authorization = "Bearer $env:RAWBASELINE_KEY" }
$irmBody = '{"model":"gpt-4o-mini","input":"Tell me about streaming in a few words"}'
function Measure-Irm {
    $sw = [Diagnostics.Stopwatch]::StartNew()
    $null = Invoke-RestMethod -Method Post -Uri "$base/responses" -Headers $irmHeaders -ContentType 'application/json' -Body $irmBody
    $sw.Elapsed.TotalMilliseconds
}

function Get-LastStreamSeq {
    $all = Get-Stream
    if ($all.Count -and $null -ne $all[-1]) { [long]$all[-1].seq } else { [long]0 }
}

# One runspace with the module imported, reused by every Stop() measurement (the pipeline under test is warm).
$runspace = [runspacefactory]::CreateRunspace()
$runspace.Open()
$init = [powershell]::Create(); $init.Runspace = $runspace
$null = $init.AddCommand('Import-Module').AddArgument($Psd1).Invoke(); $init.Dispose()

function Measure-Stop {
    $since = Get-LastStreamSeq
    $ps = [powershell]::Create(); $ps.Runspace = $runspace
    try {
        $null = $ps.AddCommand('Invoke-OpenAiResponse').AddParameter('Model', 'gpt-4o-mini').AddParameter('Message', '[hold] stop me').
            AddParameter('Stream', $true).AddParameter('Connection', $connection).AddParameter('Confirm', $false).AddParameter('InformationAction', 'Ignore')
        $async = $ps.BeginInvoke()
        $held = Get-Stream "?since=$since&wait_for=held&wait_seconds=30"
        if ($held.Count -ne 1 -or -not $held[0].held -or $async.IsCompleted) { throw 'the stream was not held open' }
        $stopAt = & $nowMs
        $ps.Stop()
        $stoppedMs = (& $nowMs) - $stopAt
        $ended = Get-Stream "?since=$since&wait_seconds=30"
        if ($ended.Count -ne 1 -or $ended[0].state -ne 'closed_by_client') {
            throw "expected one stream closed by the client, got $($ended.state) (events sent $($ended.events_sent); pipeline $($ps.InvocationStateInfo.State) $($ps.InvocationStateInfo.Reason); errors: $($ps.Streams.Error -join '; '))"
        }
        [pscustomobject]@{ ClosedSeenMs = $ended[0].ended_at_ms - $stopAt; StopReturnedMs = $stoppedMs }
    }
    finally { $ps.Dispose() }
}

try {
    Write-Host '== Warm-up'
    1..20 | ForEach-Object { $null = Measure-FirstToken; $null = Measure-Irm }
    1..3 | ForEach-Object { $null = Measure-Stop }

    $m1 = [Collections.Generic.List[double]]::new(); $m1Total = [Collections.Generic.List[double]]::new()
    $b1 = [Collections.Generic.List[double]]::new(); $b1Total = [Collections.Generic.List[double]]::new()
    $m2 = [Collections.Generic.List[double]]::new(); $m2Returned = [Collections.Generic.List[double]]::new()
    $b2 = [Collections.Generic.List[double]]::new()
    $irm = [Collections.Generic.List[double]]::new()
    $ratios = [Collections.Generic.List[double]]::new()
    for ($r = 1; $r -le $Rounds; $r++) {
        $mod = @(1..$Reps | ForEach-Object { Measure-FirstToken })
        $raw = Invoke-Raw 'sse' @('--reps', "$Reps")
        1..$Reps | ForEach-Object { $irm.Add((Measure-Irm)) }
        $mFirst = Get-Median $mod.FirstMs; $bFirst = Get-Median $raw.first_item_ms
        $mod.FirstMs | ForEach-Object { $m1.Add($_) }; $mod.TotalMs | ForEach-Object { $m1Total.Add($_) }
        $raw.first_item_ms | ForEach-Object { $b1.Add($_) }; $raw.seconds | ForEach-Object { $b1Total.Add($_ * 1000) }
        $ratios.Add($mFirst / $bFirst)
        $stops = @(1..$StopReps | ForEach-Object { Measure-Stop })
        $rawStops = Invoke-Raw 'sse-stop' @('--reps', "$StopReps", '--control', $control)
        $stops.ClosedSeenMs | ForEach-Object { $m2.Add($_) }; $stops.StopReturnedMs | ForEach-Object { $m2Returned.Add($_) }
        $rawStops.first_item_ms | ForEach-Object { $b2.Add($_) }
        Write-Host ('round {0}: first token module {1:0.00} ms, raw {2:0.00} ms; close seen after Stop() {3:0.0} ms, raw cancel {4:0.0} ms' -f `
                $r, $mFirst, $bFirst, (Get-Median $stops.ClosedSeenMs), (Get-Median $rawStops.first_item_ms))
    }

    $f = [Globalization.CultureInfo]::InvariantCulture
    $first = Get-Median $m1; $firstRaw = Get-Median $b1; $ratio = Get-Median $ratios
    $total = Get-Median $m1Total; $totalRaw = Get-Median $b1Total; $irmMs = Get-Median $irm
    $stop = Get-Median $m2; $stopRaw = Get-Median $b2; $returned = Get-Median $m2Returned
    $stopMax = ($m2 | Measure-Object -Maximum).Maximum
    $loadEnd = Get-Load
    $cpu = Get-CpuName
    $commit = (git -C $RepoRoot rev-parse --short HEAD 2>$null)
    $result = [ordered]@{
        rounds = $Rounds; reps = $Reps; stop_reps = $StopReps
        first_token_module_ms = $m1; first_token_raw_ms = $b1; stream_module_ms = $m1Total; stream_raw_ms = $b1Total; first_token_ratio_per_round = $ratios
        stop_close_seen_module_ms = $m2; stop_returned_module_ms = $m2Returned; stop_close_seen_raw_ms = $b2; invoke_restmethod_ms = $irm
        load_start = $loadStart; load_end = $loadEnd; commit = $commit; when = [DateTime]::UtcNow.ToString('o')
    }
    $stamp = [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss')
    $result | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath (Join-Path $ResultsDir "stream-$stamp.json")

    $goal = if ($stopMax -lt 500) { 'met (every one of {0} stops)' -f $m2.Count } elseif ($stop -lt 500) { 'met by the median (slowest {0:0} ms)' -f $stopMax } else { '**missed**' }
    $table = @(
        "Measured $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $f)) UTC on $cpu, $([Environment]::ProcessorCount) cores; PowerShell $($PSVersionTable.PSVersion); commit $commit. Load average (1/5/15 min) $loadStart at the start, $loadEnd at the end. Medians of $Rounds rounds x $Reps streams (Stop(): x $StopReps), module and baseline alternating in the same run."
        ''
        '| # | measurement | module | baseline | ratio | goal |'
        '|---|---|---|---|---|---|'
        ('| 8 | time to the first streamed token, warm (`Invoke-OpenAiResponse -Stream`, first text on the host) | {0:0.00} ms | raw HttpClient SSE reader: {1:0.00} ms | {2:0.00} x (median of per-round ratios) | (information) |' -f $first, $firstRaw, $ratio)
        ('| 8b | the same stream read to its end (typed OpenAiResponse written) | {0:0.00} ms | raw reader to the end: {1:0.00} ms | {2:0.00} x | (information) |' -f $total, $totalRaw, ($total / $totalRaw))
        ('| 8c | (for scale) the same request not streamed, `Invoke-RestMethod`, whole answer | | {0:0.00} ms | | (information) |' -f $irmMs)
        ('| 9 | Stop() on a streaming pipeline until the emulator sees the connection closed | {0:0.0} ms (Stop() returned after {1:0.0} ms; slowest {2:0.0} ms) | raw HttpClient cancel + dispose: {3:0.0} ms | {4:+0.0;-0.0} ms | < 500 ms: {5} |' -f $stop, $returned, $stopMax, $stopRaw, ($stop - $stopRaw), $goal)
    ) -join "`n"
    Write-Host "`n$table"
    if (-not $NoDocs) { Update-PerformanceDoc -RepoRoot $RepoRoot -Section stream -Table $table }
}
finally {
    $runspace.Dispose()
    Remove-Item env:RAWBASELINE_KEY -ErrorAction Ignore
    $emu | Stop-OpenAiEmulator -Confirm:$false
}
