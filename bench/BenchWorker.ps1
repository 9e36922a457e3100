#Requires -Version 7.4
<#
.SYNOPSIS
    One benchmark scenario in a fresh pwsh, started by bench/Run-Bench.ps1. Not meant to be run by hand.

.DESCRIPTION
    Imports the staged module, connects to the emulator Run-Bench.ps1 started (admin key from the BENCH_ADMIN_KEY
    environment variable, never the command line), runs one scenario and writes one JSON object per measurement on
    stdout (lines starting with '{'). Every timed section excludes process start and import, and runs after a warm-up
    in the same process, unless the scenario is about exactly that (Memory).
#>
param(
    [Parameter(Mandatory)]
    [ValidateSet('List', 'Irm', 'FirstItem', 'PerCall', 'Memory', 'Parallel', 'Upload')]
    [string] $Scenario,
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $BaseUri,
    [int] $Count = 100000,
    [int] $Reps = 1,
    [int] $PageSize = 100,
    [int] $Tenants = 50,
    [int] $Throttle = 8,
    # Upload: the size of the sparse file to send through New-OpenAiFile's Uploads flow, in MB (0: the baseline, which
    # sends a 1 KB file through the same flow, so the process has loaded and run everything but the bulk of the bytes).
    [long] $SizeMB = 0
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
Set-StrictMode -Version 3.0

$adminKey = $env:BENCH_ADMIN_KEY
if (-not $adminKey) { throw 'BENCH_ADMIN_KEY is not set.' }
$secure = ConvertTo-SecureString $adminKey -AsPlainText -Force

function Out-Result([hashtable] $Values) {
    $Values['scenario'] = $Scenario
    [Console]::Out.WriteLine(($Values | ConvertTo-Json -Compress -Depth 4))
}

function Get-Seconds([scriptblock] $Block) {
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    $result = & $Block
    $sw.Stop()
    return [pscustomobject]@{ Seconds = $sw.Elapsed.TotalSeconds; Result = $result }
}

function Invoke-WarmUp([scriptblock] $Block, [double] $Seconds = 10) {
    # Repeats $Block until $Seconds have passed (at least once), so tiered compilation has settled before timing.
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    do { & $Block } while ($sw.Elapsed.TotalSeconds -lt $Seconds)
}

function Invoke-IrmList([int] $Limit, [int] $Max) {
    # The few lines a script author writes without the module: Invoke-RestMethod following has_more/after.
    $headers = @{ Authorization = "Bearer $adminKey" }
    $after = $null
    $n = 0
    do {
        $uri = "$BaseUri/organization/projects?limit=$Limit"
        if ($after) { $uri += "&after=$after" }
        $page = Invoke-RestMethod -Uri $uri -Headers $headers
        foreach ($item in $page.data) {
            if ($n -ge $Max) { break }
            $item
            $n++
        }
        $after = $page.last_id
    } while ($page.has_more -and $n -lt $Max)
}

Import-Module $Module
if ($Scenario -eq 'Upload') {
    if (-not $env:BENCH_API_KEY) { throw 'BENCH_API_KEY is not set.' }
    Connect-OpenAi -Name bench -BaseUri $BaseUri -ApiKey (ConvertTo-SecureString $env:BENCH_API_KEY -AsPlainText -Force)
} else {
    Connect-OpenAi -Name bench -BaseUri $BaseUri -AdminKey $secure
}

switch ($Scenario) {
    'List' {
        # Warm-up, by time: JIT and tiered compilation of the whole path. pwsh has far more hot code to tier than the
        # raw baseline; a fixed 20,000-item warm-up left the first timed listing at a third of the steady-state rate.
        Invoke-WarmUp { $null = Get-OpenAiProject -PageSize $PageSize -First 20000 | Measure-Object }
        for ($r = 0; $r -lt $Reps; $r++) {
            $m = Get-Seconds { (Get-OpenAiProject -PageSize $PageSize -First $Count | Measure-Object).Count }
            Out-Result @{ rep = $r; items = $m.Result; seconds = $m.Seconds; items_per_second = $m.Result / $m.Seconds }
        }
    }
    'Irm' {
        $null = Invoke-IrmList -Limit $PageSize -Max 2000 | Measure-Object
        for ($r = 0; $r -lt $Reps; $r++) {
            $m = Get-Seconds { (Invoke-IrmList -Limit $PageSize -Max $Count | Measure-Object).Count }
            Out-Result @{ rep = $r; items = $m.Result; seconds = $m.Seconds; items_per_second = $m.Result / $m.Seconds }
        }
    }
    'FirstItem' {
        # How soon the first item of the (whole, 200,000-item) listing reaches the pipeline; Select-Object -First 1
        # then stops it. Against one raw Invoke-RestMethod of the same page, measured here too.
        $headers = @{ Authorization = "Bearer $adminKey" }
        $sw = [System.Diagnostics.Stopwatch]::new()
        $cold = $null
        for ($r = -20; $r -lt $Reps; $r++) {
            $sw.Restart()
            $first = $null
            Get-OpenAiProject -PageSize $PageSize | Select-Object -First 1 | ForEach-Object { if ($null -eq $first) { $first = $sw.Elapsed.TotalMilliseconds } }
            if ($null -eq $cold) { $cold = $first }
            $sw.Restart()
            $null = Invoke-RestMethod -Uri "$BaseUri/organization/projects?limit=$PageSize" -Headers $headers
            $irm = $sw.Elapsed.TotalMilliseconds
            if ($r -ge 0) { Out-Result @{ rep = $r; first_item_ms = $first; irm_one_request_ms = $irm } }
        }
        Out-Result @{ rep = -1; cold_first_item_ms = $cold }
    }
    'PerCall' {
        $ids = @(Get-OpenAiProject -PageSize 100 -First $Count | ForEach-Object Id)
        $headers = @{ Authorization = "Bearer $adminKey" }
        Invoke-WarmUp -Seconds 6 {
            $null = $ids[0..199] | Get-OpenAiProject
            foreach ($id in $ids[0..199]) { $null = Get-OpenAiProject -Id $id }
        }
        foreach ($id in $ids[0..99]) { $null = Invoke-RestMethod -Uri "$BaseUri/organization/projects/$id" -Headers $headers }
        for ($r = 0; $r -lt $Reps; $r++) {
            $piped = Get-Seconds { ($ids | Get-OpenAiProject | Measure-Object).Count }
            $calls = Get-Seconds { $n = 0; foreach ($id in $ids) { if ((Get-OpenAiProject -Id $id).Id -eq $id) { $n++ } }; $n }
            $irm = Get-Seconds { $n = 0; foreach ($id in $ids) { if ((Invoke-RestMethod -Uri "$BaseUri/organization/projects/$id" -Headers $headers).id -eq $id) { $n++ } }; $n }
            Out-Result @{
                rep = $r; calls = $ids.Count
                piped_seconds = $piped.Seconds; piped_ok = $piped.Result
                loop_seconds = $calls.Seconds; loop_ok = $calls.Result
                irm_seconds = $irm.Seconds; irm_ok = $irm.Result
            }
        }
    }
    'Memory' {
        # A fresh process per count: the peak working set says how much the whole run ever held.
        [GC]::Collect()
        $before = [System.Diagnostics.Process]::GetCurrentProcess()
        $baseWs = $before.WorkingSet64
        $m = Get-Seconds { (Get-OpenAiProject -PageSize $PageSize -First $Count | Measure-Object).Count }
        $p = [System.Diagnostics.Process]::GetCurrentProcess()
        $p.Refresh()
        Out-Result @{
            items = $m.Result; seconds = $m.Seconds
            peak_working_set = $p.PeakWorkingSet64; working_set_before = $baseWs
            gc_heap_after = [GC]::GetTotalMemory($false); gc_count0 = [GC]::CollectionCount(0); gc_count2 = [GC]::CollectionCount(2)
        }
    }
    'Parallel' {
        # 50 named connections to the one emulator (one per tenant), as a runbook over tenants would hold them.
        $names = 1..$Tenants | ForEach-Object { 'tenant-{0:d2}' -f $_ }
        foreach ($n in $names) { Connect-OpenAi -Name $n -BaseUri $BaseUri -AdminKey $secure }
        $per = $Count
        $parallel = {
            $names | ForEach-Object -ThrottleLimit $Throttle -Parallel {
                Import-Module $using:Module
                (Get-OpenAiProject -Connection $_ -PageSize $using:PageSize -First $using:per | Measure-Object).Count
            } | Measure-Object -Sum
        }
        $single = {
            $names | ForEach-Object { (Get-OpenAiProject -Connection 'tenant-01' -PageSize $PageSize -First $per | Measure-Object).Count } | Measure-Object -Sum
        }
        $null = & $single
        $null = & $parallel
        for ($r = 0; $r -lt $Reps; $r++) {
            $s = Get-Seconds { (& $single).Sum }
            $p = Get-Seconds { (& $parallel).Sum }
            Out-Result @{
                rep = $r; tenants = $Tenants; throttle = $Throttle; per_tenant = $per
                single_items = $s.Result; single_seconds = $s.Seconds; single_items_per_second = $s.Result / $s.Seconds
                parallel_items = $p.Result; parallel_seconds = $p.Seconds; parallel_items_per_second = $p.Result / $p.Seconds
            }
        }
    }
    'Upload' {
        # A fresh process per size: the peak working set (VmHWM) says how much the whole run ever held. The file is sparse
        # (SetLength), so making it costs no disk writes; its parts are read from disk and streamed as they are sent.
        $path = Join-Path ([IO.Path]::GetTempPath()) "truto-bench-upload-$PID.jsonl"
        $bytes = if ($SizeMB -gt 0) { $SizeMB * 1MB } else { 1KB }
        $stream = [IO.File]::Create($path)
        try { $stream.SetLength($bytes) } finally { $stream.Dispose() }
        try {
            $m = Get-Seconds { New-OpenAiFile -Path $path -Purpose batch -Chunked -Confirm:$false }
            if ($m.Result.Bytes -ne $bytes) { throw "The uploaded file has $($m.Result.Bytes) bytes, expected $bytes." }
            $null = Remove-OpenAiFile -Id $m.Result.Id -Confirm:$false
            $p = [System.Diagnostics.Process]::GetCurrentProcess()
            $p.Refresh()
            Out-Result @{ size_mb = $SizeMB; bytes = $bytes; seconds = $m.Seconds; peak_working_set = $p.PeakWorkingSet64; gc_count2 = [GC]::CollectionCount(2) }
        } finally {
            Remove-Item -LiteralPath $path -ErrorAction Ignore
        }
    }
}
