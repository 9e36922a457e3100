#Requires -Version 7.4
<#
.SYNOPSIS
    Measures the batch workflow (Invoke-OpenAiBatch) against the script a user would write without it, in one run.

.DESCRIPTION
    Run once out/TrutoOpenAi is staged (dotnet pwsh ./build.ps1 Build):

        dotnet pwsh ./bench/Run-BatchBench.ps1 [-Lines 10000] [-Rounds 3] [-NoDocs]

    Starts the staged emulator on loopback and a background loop that moves its clock 5 s every 50 ms, so a batch
    goes validating -> in_progress -> completed in well under a second for both contenders alike. Then, in rounds that
    alternate the two, it runs -Lines /v1/responses requests end to end:

      module    $questions | Invoke-OpenAiResponse -AsBatchRequest | Invoke-OpenAiBatch | Measure-Object
                (requests built, JSONL written, uploaded, batch created, waited for, output downloaded, parsed and
                matched back to each input in order)
      baseline  the same steps written by hand with the web cmdlets: ConvertTo-Json lines into a file,
                Invoke-RestMethod -Form upload, POST /batches, a GET loop, the output file's content split into lines,
                ConvertFrom-Json each, matched by custom_id through a hashtable, one object per input in order

    Both poll every 0.1 s. The emulator runs every line through its stand-in model while creating the batch; that
    server time is inside both measurements (and reported on its own), so the ratio shows the client side. Medians
    over the rounds; results go to bench/results/batch-<timestamp>.json and the table between the bench:batch markers
    of docs/performance.md (unless -NoDocs). Nothing here passes or fails on wall time.
#>
[CmdletBinding()]
param(
    [int] $Lines = 10000,
    [int] $Rounds = 3,
    [switch] $NoDocs,
    [string] $Stage
)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'BenchCommon.ps1')
Set-StrictMode -Version 3.0
$ProgressPreference = 'SilentlyContinue'

$RepoRoot = Split-Path -Parent $PSScriptRoot
if (-not $Stage) { $Stage = Join-Path $RepoRoot 'out/TrutoOpenAi' }
Import-Module (Join-Path $Stage 'TrutoOpenAi.psd1') -Force
$ResultsDir = Join-Path $PSScriptRoot 'results'
$null = New-Item -ItemType Directory -Force -Path $ResultsDir
$loadStart = Get-Load

$emu = Start-OpenAiEmulator -Connect -Name 'batch-bench'
$control = ([string]$emu.BaseUri) -replace '/v1/?$', '/_emulator'
$null = Invoke-RestMethod -Method Post -Uri "$control/config" -ContentType 'application/json' -Body '{"record":false}'
$ticker = [powershell]::Create()
$null = $ticker.AddScript({
        param($Control)
        while ($true) {
            try { $null = Invoke-RestMethod -Method Post -Uri "$Control/clock" -ContentType 'application/json' -Body '{"advance_seconds":5}' } catch { }
            Start-Sleep -Milliseconds 50
        }
    }).AddArgument($control)
$tick = $ticker.BeginInvoke()

$headers = @{ Authorization = "Bearer $([System.Net.NetworkCredential]::new('', $emu.ApiKey).Password)" }
$base = ([string]$emu.BaseUri).TrimEnd('/')
$questions = 1..$Lines | ForEach-Object { "Question number $_ about our refund policy" }

function Invoke-Module {
    $lines = $questions | Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest
    $lines | Invoke-OpenAiBatch -PollInterval 0.1 | Measure-Object | ForEach-Object Count
}

function Invoke-Baseline {
    # What a script author writes with the web cmdlets alone.
    $path = Join-Path ([IO.Path]::GetTempPath()) "batch-bench-$([guid]::NewGuid().ToString('n')).jsonl"
    try {
        $i = 0
        $byId = @{}
        $jsonl = foreach ($q in $questions) {
            $id = "q-$i"; $byId[$id] = $i; $i++
            @{ custom_id = $id; method = 'POST'; url = '/v1/responses'; body = @{ model = 'gpt-4o-mini'; input = $q } } | ConvertTo-Json -Compress -Depth 5
        }
        Set-Content -LiteralPath $path -Value $jsonl
        $file = Invoke-RestMethod -Method Post -Uri "$base/files" -Headers $headers -Form @{ purpose = 'batch'; file = Get-Item -LiteralPath $path }
        $batch = Invoke-RestMethod -Method Post -Uri "$base/batches" -Headers $headers -ContentType 'application/json' `
            -Body (@{ input_file_id = $file.id; endpoint = '/v1/responses'; completion_window = '24h' } | ConvertTo-Json)
        while ($batch.status -notin 'completed', 'failed', 'expired', 'cancelled') {
            Start-Sleep -Milliseconds 100
            $batch = Invoke-RestMethod -Uri "$base/batches/$($batch.id)" -Headers $headers
        }
        $content = (Invoke-WebRequest -Uri "$base/files/$($batch.output_file_id)/content" -Headers $headers).Content
        if ($content -is [byte[]]) { $content = [Text.Encoding]::UTF8.GetString($content) }
        $results = [object[]]::new($questions.Count)
        foreach ($line in $content.Split("`n", [StringSplitOptions]::RemoveEmptyEntries)) {
            $r = $line | ConvertFrom-Json
            $n = $byId[$r.custom_id]
            $text = ($r.response.body.output | Where-Object type -eq 'message' | ForEach-Object { $_.content.text }) -join ''
            $results[$n] = [pscustomobject]@{ Input = $questions[$n]; Output = $text }
        }
        $results | Measure-Object | ForEach-Object Count
    }
    finally { Remove-Item -LiteralPath $path -ErrorAction Ignore }
}

function Measure-Once([scriptblock] $Work) {
    $null = Invoke-RestMethod -Method Post -Uri "$control/reset" -ContentType 'application/json' -Body '{}'
    [GC]::Collect()
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $count = & $Work
    $watch.Stop()
    if ($count -ne $Lines) { throw "expected $Lines results, got $count" }
    $watch.Elapsed.TotalSeconds
}

function Measure-Server {
    # The emulator's own share: create a batch of the same lines (it runs them all while creating), timed alone.
    $null = Invoke-RestMethod -Method Post -Uri "$control/reset" -ContentType 'application/json' -Body '{}'
    $path = Join-Path ([IO.Path]::GetTempPath()) "batch-bench-$([guid]::NewGuid().ToString('n')).jsonl"
    try {
        $n = 0
        Set-Content -LiteralPath $path -Value ($questions | ForEach-Object { '{"custom_id":"s-' + ($n++) + '","method":"POST","url":"/v1/responses","body":{"model":"gpt-4o-mini","input":"' + $_ + '"}}' })
        $file = Invoke-RestMethod -Method Post -Uri "$base/files" -Headers $headers -Form @{ purpose = 'batch'; file = Get-Item -LiteralPath $path }
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = Invoke-RestMethod -Method Post -Uri "$base/batches" -Headers $headers -ContentType 'application/json' `
            -Body (@{ input_file_id = $file.id; endpoint = '/v1/responses'; completion_window = '24h' } | ConvertTo-Json)
        $watch.Elapsed.TotalSeconds
    }
    finally { Remove-Item -LiteralPath $path -ErrorAction Ignore }
}

try {
    Write-Host "Warm-up (2,000 lines each)"
    $all = $questions; $questions = @($all[0..([Math]::Min(1999, $all.Count - 1))]); $script:Lines = $questions.Count
    $null = Measure-Once { Invoke-Module }; $null = Measure-Once { Invoke-Baseline }
    $questions = $all; $script:Lines = $all.Count

    $module = [System.Collections.Generic.List[double]]::new()
    $baseline = [System.Collections.Generic.List[double]]::new()
    $server = [System.Collections.Generic.List[double]]::new()
    for ($r = 1; $r -le $Rounds; $r++) {
        $module.Add((Measure-Once { Invoke-Module }))
        $baseline.Add((Measure-Once { Invoke-Baseline }))
        $server.Add((Measure-Server))
        Write-Host ("round {0}: module {1:0.00} s, baseline {2:0.00} s, emulator creating the batch {3:0.00} s" -f $r, $module[-1], $baseline[-1], $server[-1])
    }
    $m = Get-Median $module; $b = Get-Median $baseline; $s = Get-Median $server
    $ratios = for ($i = 0; $i -lt $Rounds; $i++) { $baseline[$i] / $module[$i] }
    $ratio = Get-Median $ratios
    $loadEnd = Get-Load
    $cpu = Get-CpuName
    $commit = (git -C $RepoRoot rev-parse --short HEAD 2>$null)
    $result = [ordered]@{
        lines = $Lines; rounds = $Rounds; module_s = $module; baseline_s = $baseline; emulator_create_s = $server
        module_median_s = $m; baseline_median_s = $b; emulator_median_s = $s; speedup_median = $ratio
        load_start = $loadStart; load_end = $loadEnd; commit = $commit; when = [DateTime]::UtcNow.ToString('o')
    }
    $stamp = [DateTime]::UtcNow.ToString('yyyyMMdd-HHmmss')
    $result | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath (Join-Path $ResultsDir "batch-$stamp.json")

    $f = [Globalization.CultureInfo]::InvariantCulture
    $table = @(
        "Measured $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $f)) UTC on $cpu, $([Environment]::ProcessorCount) cores; PowerShell $($PSVersionTable.PSVersion); commit $commit. Load average (1/5/15 min) $loadStart at the start, $loadEnd at the end. Medians of $Rounds rounds, each contender alternating in the same run."
        ''
        '| measurement | module | baseline | ratio |'
        '|---|---|---|---|'
        ('| {0:N0} /v1/responses requests end to end (build, write, upload, create, wait, download, match in order) | {1:0.00} s ({2:N0} lines/s) | web cmdlets by hand: {3:0.00} s ({4:N0} lines/s) | {5:0.00} x the baseline''s speed (median of per-round baseline/module time) |' -f $Lines, $m, ($Lines / $m), $b, ($Lines / $b), $ratio)
        ('| of which the emulator running every line through the stand-in model while creating the batch | {0:0.00} s | same | (information) |' -f $s)
    ) -join "`n"
    Write-Host "`n$table"
    if (-not $NoDocs) { Update-PerformanceDoc -RepoRoot $RepoRoot -Section batch -Table $table }
}
finally {
    $ticker.Stop(); $ticker.Dispose()
    $emu | Stop-OpenAiEmulator -Confirm:$false
}
