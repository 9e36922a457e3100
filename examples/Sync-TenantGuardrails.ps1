<#
.SYNOPSIS
Brings every tenant project to the guardrails of a desired-state file: allowed models, hosted tools, data retention.

.DESCRIPTION
Reads a .psd1 or .json file (see tenant-guardrails.psd1) that says, per tenant project (by name, wildcards allowed),
which models it may call, which hosted tools it may use and how long OpenAI keeps its data. The whole file is checked
before any request (unknown keys, tool types or retention types stop the script with nothing changed). Then, for each
project that matches an entry, the current guardrails are read and only what differs is set, in the order models,
tools, retention: a model id the API refuses fails that project before its tools and retention are touched.

Writes one result per project (Project, ProjectId, Status, Changes, Error). Status is Changed, Unchanged, WouldChange
(under -WhatIf) or Failed; Changes lists each setting as before -> after. Ends with a one-line summary, "nothing to
change" when every project already matches: running it twice in a row changes nothing the second time. Each project
succeeds or fails on its own; failures are also written as errors.

.PARAMETER Path
The desired-state file (.psd1 or .json).

.PARAMETER Connection
The connection to use (Get-OpenAiConnection, or the name given to Connect-OpenAi); the current one by default.

.EXAMPLE
./examples/Sync-TenantGuardrails.ps1 -Path ./examples/tenant-guardrails.psd1 -WhatIf
Shows what each tenant project would change, changing nothing.

.EXAMPLE
./examples/Sync-TenantGuardrails.ps1 ./examples/tenant-guardrails.psd1 | Where-Object Status -ne Unchanged | Format-List
Applies the file and shows what changed.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory, Position = 0)][string] $Path,
    [object] $Connection
)

$tools = [TrutoOpenAi.Core.Models.Guardrails.HostedTools]::All
$retentionTypes = [TrutoOpenAi.Core.Models.Guardrails.DataRetentionTypes]::Project
$keys = 'Project', 'AllowedModels', 'AllowedTools', 'Retention'

function Read-DesiredState([string] $File) {
    $full = (Resolve-Path -LiteralPath $File -ErrorAction Stop).Path
    $data = if ($full -like '*.json') { Get-Content -LiteralPath $full -Raw | ConvertFrom-Json -AsHashtable } else { Import-PowerShellDataFile -LiteralPath $full }
    if (-not $data.Tenants) { throw "$File has no Tenants list." }
    $n = 0
    foreach ($tenant in $data.Tenants) {
        $n++
        $where = "$File, tenant entry $n"
        $unknown = @($tenant.Keys | Where-Object { $_ -notin $keys })
        if ($unknown) { throw "${where}: unknown key(s) $($unknown -join ', '); the keys are $($keys -join ', ')." }
        if (-not $tenant.Project) { throw "${where}: Project (a project name, wildcards allowed) is missing." }
        if ($tenant.ContainsKey('AllowedTools')) {
            # Canonical spelling (the checks are case-insensitive), so the comparison with the API's answer is exact.
            $tenant.AllowedTools = @(foreach ($tool in @($tenant.AllowedTools | Where-Object { $null -ne $_ })) {
                $known = $tools | Where-Object { $_ -eq $tool }
                if (-not $known) { throw "${where}: '$tool' is not a hosted tool type ($($tools -join ', '))." }
                $known
            })
        }
        if ($tenant.ContainsKey('Retention')) {
            $known = $retentionTypes | Where-Object { $_ -eq $tenant.Retention }
            if (-not $known) { throw "${where}: Retention '$($tenant.Retention)' is not one of $($retentionTypes -join ', ')." }
            $tenant.Retention = $known
        }
        foreach ($model in @($tenant.AllowedModels)) {
            if ($null -ne $model -and [string]::IsNullOrWhiteSpace($model)) { throw "${where}: AllowedModels has a blank model id." }
        }
        $tenant
    }
}

function Test-SameSet($A, $B) {
    $left = @($A | Where-Object { $null -ne $_ } | Sort-Object -Unique)
    $right = @($B | Where-Object { $null -ne $_ } | Sort-Object -Unique)
    ($left -join "`n") -ceq ($right -join "`n")
}

function Sync-Project($Project, $Tenant, [hashtable] $On) {
    $changes = [System.Collections.Generic.List[string]]::new()
    $pending = $false
    $id = $Project.Id
    if ($Tenant.ContainsKey('AllowedModels')) {
        $models = @($Tenant.AllowedModels | Where-Object { $null -ne $_ })
        $now = Get-OpenAiProjectModelPermission -ProjectId $id @On
        if ($now.Mode -ne 'allow_list' -or -not (Test-SameSet $now.ModelIds $models)) {
            $after = [TrutoOpenAi.Core.Models.Guardrails.OpenAiProjectModelPermission]::Describe('allow_list', [string[]]$models)
            $changes.Add("models: $now -> $after")
            $set = Set-OpenAiProjectModelPermission -ProjectId $id -Allow $models -PassThru @On
            if (-not $set) { $pending = $true }
        }
    }
    if ($Tenant.ContainsKey('AllowedTools')) {
        $allowed = @($Tenant.AllowedTools | Where-Object { $null -ne $_ })
        $now = Get-OpenAiProjectHostedToolPermission -ProjectId $id @On
        if (-not (Test-SameSet $now.Enabled $allowed) -or @($tools | Where-Object { $_ -notin $now.Tools.Keys }).Count) {
            $changes.Add("tools: $now -> enabled: $([TrutoOpenAi.Core.Models.Guardrails.OpenAiProjectHostedToolPermission]::Describe([string[]]$allowed))")
            $set = Set-OpenAiProjectHostedToolPermission -ProjectId $id -Allow $allowed -PassThru @On
            if (-not $set) { $pending = $true }
        }
    }
    if ($Tenant.ContainsKey('Retention')) {
        $now = Get-OpenAiProjectDataRetention -ProjectId $id @On
        if ($now.RetentionType -ne $Tenant.Retention) {
            $changes.Add("retention: $($now.RetentionType) -> $($Tenant.Retention)")
            $set = Set-OpenAiProjectDataRetention -ProjectId $id -RetentionType $Tenant.Retention -PassThru @On
            if (-not $set) { $pending = $true }
        }
    }
    $status = if ($changes.Count -eq 0) { 'Unchanged' } elseif ($pending) { 'WouldChange' } else { 'Changed' }
    [pscustomobject]@{ PSTypeName = 'TrutoOpenAi.GuardrailSyncResult'; Project = $Project.Name; ProjectId = $id; Status = $status; Changes = $changes.ToArray(); Error = $null }
}

$tenants = @(Read-DesiredState $Path)
$on = @{ ErrorAction = 'Stop' }
if ($PSBoundParameters.ContainsKey('Connection')) { $on.Connection = $Connection }

$results = foreach ($project in Get-OpenAiProject @on) {
    $tenant = $tenants | Where-Object { $project.Name -like $_.Project } | Select-Object -First 1
    if (-not $tenant) { Write-Verbose "$($project.Name) ($($project.Id)) matches no tenant entry: left alone."; continue }
    try {
        Sync-Project $project $tenant $on
    } catch {
        $PSCmdlet.WriteError($_)
        [pscustomobject]@{ PSTypeName = 'TrutoOpenAi.GuardrailSyncResult'; Project = $project.Name; ProjectId = $project.Id; Status = 'Failed'; Changes = @(); Error = $_.Exception.Message }
    }
}
$results

$count = @($results).Count
$byStatus = @($results) | Group-Object Status | ForEach-Object { "$($_.Count) $($_.Name.ToLowerInvariant())" }
if ($count -eq 0) {
    Write-Host "No project matches a tenant entry of ${Path}."
} elseif (-not @($results | Where-Object Status -ne 'Unchanged').Count) {
    Write-Host "Nothing to change: all $count project(s) already match ${Path}."
} else {
    Write-Host "$count project(s): $($byStatus -join ', ')."
}
