# Shared by the bench scripts (dot-sourced): medians, the machine facts printed above each table, and the replacement
# of a table between its markers in docs/performance.md.

function Get-Median([double[]] $Values) {
    $v = @($Values | Sort-Object)
    if ($v.Count -eq 0) { return [double]::NaN }
    if ($v.Count % 2) { return $v[($v.Count - 1) / 2] }
    return ($v[$v.Count / 2 - 1] + $v[$v.Count / 2]) / 2
}

# The 1, 5 and 15 minute load averages, e.g. "0.52 1.10 2.03" ('n/a' where /proc/loadavg does not exist).
function Get-Load { if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' ' } else { 'n/a' } }

function Get-CpuName {
    if (Test-Path /proc/cpuinfo) { ((Get-Content /proc/cpuinfo | Where-Object { $_ -like 'model name*' } | Select-Object -First 1) -split ':', 2)[1].Trim() }
    else { $env:PROCESSOR_IDENTIFIER }
}

# Replaces the text between <!-- bench:<Section>:start --> and <!-- bench:<Section>:end --> in docs/performance.md.
function Update-PerformanceDoc([string] $RepoRoot, [string] $Section, [string] $Table) {
    $doc = Join-Path $RepoRoot 'docs/performance.md'
    $text = Get-Content -Raw -LiteralPath $doc
    $pattern = "(?s)(<!-- bench:$([regex]::Escape($Section)):start -->\r?\n).*?(\r?\n<!-- bench:$([regex]::Escape($Section)):end -->)"
    if ($text -notmatch $pattern) { Write-Warning "docs/performance.md has no bench:$Section markers: not updated."; return }
    $body = $Table.TrimEnd()
    $text = [regex]::Replace($text, $pattern, { param($m) $m.Groups[1].Value + $body + $m.Groups[2].Value })
    [IO.File]::WriteAllText($doc, $text)
    Write-Host "docs/performance.md: $Section table updated."
}
