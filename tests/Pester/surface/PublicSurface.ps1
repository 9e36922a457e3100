<#
The public surface of the module's exported cmdlets as a sorted list of facts, one a line, so a change to it is a
line that disappears and an addition is a line that appears:

    Get-OpenAiProject OutputType TrutoOpenAi.Core.Models.OpenAiProject
    Get-OpenAiProject DefaultParameterSet List
    Get-OpenAiProject [ById] Mandatory Id
    Get-OpenAiProject -Id Type System.String[]
    Get-OpenAiProject -Id Alias ProjectId
    Get-OpenAiProject -Id [ById] Position 0
    Get-OpenAiProject -Id [ById] ValueFromPipelineByPropertyName

"[Set] Mandatory a,b" lists the mandatory parameters of each set on one line, so a new mandatory parameter in an
existing set (which breaks callers) changes that line. "-P [Set] In" says P belongs to the set (a parameter that
leaves a set breaks callers). Common parameters (-Verbose, -ErrorAction...) are left out.

Dot-source it and call Get-PublicSurface (the staged module must be imported), or run it with -Update to rewrite the
snapshot from the staged module: dotnet pwsh tests/Pester/surface/PublicSurface.ps1 -Update (it refuses to drop a
fact that allowed-changes.txt does not excuse). The snapshot is the baseline
that tests/Pester/Surface.Tests.ps1 compares against: additions pass, a fact of the snapshot that is gone fails
unless tests/Pester/surface/allowed-changes.txt lists it with a reason.
#>
param([switch] $Update)

function Get-PublicSurface {
    [CmdletBinding()]
    param([string] $Module = 'TrutoOpenAi', [System.Management.Automation.CommandTypes] $CommandType = 'Cmdlet')
    $common = [System.Collections.Generic.HashSet[string]]::new([string[]]@(
            [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
                Where-Object { $_ -notin 'WhatIf', 'Confirm' }), [System.StringComparer]::OrdinalIgnoreCase)
    $typeName = {
        param([type] $t)
        if ($t.IsGenericType -and $t.GetGenericTypeDefinition() -eq [System.Nullable`1]) { return ($t.GetGenericArguments()[0].FullName + '?') }
        $t.FullName
    }
    $lines = [System.Collections.Generic.List[string]]::new()
    foreach ($command in Get-Command -Module $Module -CommandType $CommandType) {
        $name = $command.Name
        foreach ($output in $command.OutputType) {
            $lines.Add("$name OutputType $(if ($output.Type) { & $typeName $output.Type } else { $output.Name })")
        }
        $attribute = if ($command.ImplementingType) { $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0] } else { $command.CmdletBinding }
        if ($attribute -is [System.Management.Automation.CmdletCommonMetadataAttribute] -and $attribute.DefaultParameterSetName) { $lines.Add("$name DefaultParameterSet $($attribute.DefaultParameterSetName)") }
        if ($attribute -is [System.Management.Automation.CmdletCommonMetadataAttribute] -and $attribute.SupportsShouldProcess) { $lines.Add("$name ConfirmImpact $($attribute.ConfirmImpact)") }
        foreach ($alias in Get-Alias -Definition $name -ErrorAction SilentlyContinue | Where-Object { $_.Source -eq $Module -or $_.ModuleName -eq $Module }) {
            $lines.Add("$name CommandAlias $($alias.Name)")
        }
        foreach ($set in $command.ParameterSets) {
            $setName = if ($set.Name -eq '__AllParameterSets') { '*' } else { $set.Name }
            $mandatory = @($set.Parameters | Where-Object { $_.IsMandatory -and -not $common.Contains($_.Name) } | ForEach-Object Name | Sort-Object)
            $lines.Add("$name [$setName] Mandatory $($mandatory -join ',')".TrimEnd())
        }
        foreach ($parameter in $command.Parameters.Values) {
            if ($common.Contains($parameter.Name)) { continue }
            $p = "$name -$($parameter.Name)"
            $lines.Add("$p Type $(& $typeName $parameter.ParameterType)")
            foreach ($alias in $parameter.Aliases) { $lines.Add("$p Alias $alias") }
            foreach ($entry in $parameter.ParameterSets.GetEnumerator()) {
                $setName = if ($entry.Key -eq '__AllParameterSets') { '*' } else { $entry.Key }
                $data = $entry.Value
                $lines.Add("$p [$setName] In")
                if ($data.Position -ge 0) { $lines.Add("$p [$setName] Position $($data.Position)") }
                if ($data.ValueFromPipeline) { $lines.Add("$p [$setName] ValueFromPipeline") }
                if ($data.ValueFromPipelineByPropertyName) { $lines.Add("$p [$setName] ValueFromPipelineByPropertyName") }
                if ($data.ValueFromRemainingArguments) { $lines.Add("$p [$setName] ValueFromRemainingArguments") }
            }
        }
    }
    # Ordinal sort: the file is the same on every machine and culture.
    $sorted = [string[]]$lines.ToArray()
    [System.Array]::Sort($sorted, [System.StringComparer]::Ordinal)
    $sorted | Select-Object -Unique
}

function Get-SurfaceGoneFact {
    <#
    The facts of -Snapshot that -Current no longer has and -Allowed does not excuse. A command that had one parameter
    set ([*]) and now has named sets keeps its old calls working when one of its new sets has everything [*] had (but
    the allowed removals): its "[*] X" facts are then kept by "[<that set>] X" (e.g. Remove-* gaining an -InputObject
    set beside its old -Id set).
    #>
    param([string[]] $Snapshot, [string[]] $Current, [hashtable] $Allowed = @{})
    $now = [System.Collections.Generic.HashSet[string]]::new([string[]]$Current, [System.StringComparer]::Ordinal)
    $setsNow = @{}
    foreach ($fact in $Current) {
        if ($fact -match '^(\S+) \[([^\]]+)\] Mandatory') { if (-not $setsNow[$Matches[1]]) { $setsNow[$Matches[1]] = @() }; $setsNow[$Matches[1]] += $Matches[2] }
    }
    $hadNamedSets = @{}
    $allSetFacts = @{}
    foreach ($fact in $Snapshot) {
        $command = ($fact -split ' ', 2)[0]
        if ($fact -match '^\S+ \[([^\]]+)\] Mandatory' -and $Matches[1] -ne '*') { $hadNamedSets[$command] = $true }
        if ($fact.Contains(' [*] ')) { if (-not $allSetFacts[$command]) { $allSetFacts[$command] = @() }; $allSetFacts[$command] += $fact }
    }
    # For each single-set command, the first new set that keeps every one of its [*] facts (a parameter of all sets counts as in it).
    $keptIn = @{}
    foreach ($command in $allSetFacts.Keys) {
        if ($hadNamedSets[$command]) { continue }
        foreach ($set in @($setsNow[$command])) {
            if (-not $set -or $set -eq '*') { continue }
            $missing = @($allSetFacts[$command] | Where-Object {
                $fact = $_
                if ($Allowed.ContainsKey($fact)) { return $false }
                if ($fact -match ' \[\*\] Mandatory ') { return -not $now.Contains($fact.Replace(' [*] ', " [$set] ")) }
                -not $now.Contains($fact) -and -not $now.Contains($fact.Replace(' [*] ', " [$set] "))
            })
            if ($missing.Count -eq 0) { $keptIn[$command] = $set; break }
        }
    }
    foreach ($fact in $Snapshot) {
        if ($now.Contains($fact) -or $Allowed.ContainsKey($fact)) { continue }
        $command = ($fact -split ' ', 2)[0]
        if ($fact.Contains(' [*] ') -and $keptIn[$command]) { continue }
        $fact
    }
}

function Read-SurfaceAllowList {
    <# The allowed removals: "<fact> # <reason>" per line; blank lines and lines starting with # are comments. #>
    param([string] $Path)
    $allowed = @{}
    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line -match '^\s*(#|$)') { continue }
        $fact, $reason = $line -split '\s+#\s+', 2
        if (-not $reason) { throw "allowed-changes.txt: '$line' gives no reason (write '<fact> # <reason>')." }
        $allowed[$fact.Trim()] = $reason.Trim()
    }
    $allowed
}

if ($Update) {
    $OutFile = Join-Path $PSScriptRoot 'public-surface.txt'
    $manifest = if ($env:TRUTO_MODULE_PATH) { Join-Path $env:TRUTO_MODULE_PATH 'TrutoOpenAi.psd1' } else { Join-Path $PSScriptRoot '../../../out/TrutoOpenAi/TrutoOpenAi.psd1' }
    Import-Module (Resolve-Path $manifest).Path -Force -ErrorAction Stop
    $facts = @(Get-PublicSurface)
    if (Test-Path -LiteralPath $OutFile) {
        # Refuse to drop a fact from the baseline that the allow-list does not excuse: removals are decisions.
        $allowed = Read-SurfaceAllowList (Join-Path (Split-Path $OutFile) 'allowed-changes.txt')
        $gone = @(Get-SurfaceGoneFact -Snapshot @(Get-Content -LiteralPath $OutFile | Where-Object { $_ }) -Current $facts -Allowed $allowed)
        if ($gone) { throw "The public surface lost $($gone.Count) fact(s) not in allowed-changes.txt:`n$($gone -join "`n")" }
        # Facts the allow-list excuses stay in the baseline (the list must keep naming facts of the snapshot).
        $current = [System.Collections.Generic.HashSet[string]]::new([string[]]$facts)
        $facts += @(Get-Content -LiteralPath $OutFile | Where-Object { $_ -and $allowed.ContainsKey($_) -and -not $current.Contains($_) })
    }
    [System.IO.File]::WriteAllText($OutFile, (($facts -join "`n") + "`n"))
    Write-Host "public surface: $($facts.Count) facts -> $OutFile"
}
