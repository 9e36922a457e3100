# The public surface of every exported cmdlet (tests/Pester/surface/public-surface.txt, taken from main before the
# shared cmdlet shapes of issue 9) may grow but not change: a parameter, type, set, position, pipeline binding, alias
# or OutputType of the snapshot that is gone fails, unless tests/Pester/surface/allowed-changes.txt lists it with a
# reason. Take additions into the snapshot with `dotnet pwsh tests/Pester/surface/PublicSurface.ps1 -Update` (after a build).
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'surface/PublicSurface.ps1')
    $script:snapshot = @(Get-Content -LiteralPath (Join-Path $PSScriptRoot 'surface/public-surface.txt') | Where-Object { $_ })
    $script:allowed = Read-SurfaceAllowList (Join-Path $PSScriptRoot 'surface/allowed-changes.txt')
    $script:current = @(Get-PublicSurface)
}

Describe 'Public surface' {
    It 'the snapshot describes the module (it is not empty and names Get-OpenAiProject -Id)' {
        $snapshot.Count | Should -BeGreaterThan 500
        $snapshot | Should -Contain 'Get-OpenAiProject -Id Alias ProjectId'
    }

    It 'every parameter, set, position, pipeline binding, alias and output type of the snapshot is still there (or allowed to go)' {
        $gone = @(Get-SurfaceGoneFact -Snapshot $snapshot -Current $current -Allowed $allowed)
        $gone | Should -BeNullOrEmpty -Because 'a removed or changed fact breaks scripts; list it in surface/allowed-changes.txt with a reason if it is meant'
    }

    It 'a moved position, a lost alias, a lost pipeline binding and a new mandatory parameter all show as gone facts' {
        # Guards the guard: the same command in two versions, the second breaking callers in four ways.
        $before = New-Module -Name SurfaceProbe -ScriptBlock {
            function Get-Probe {
                [CmdletBinding()] [OutputType([string])]
                param([Parameter(Position = 0, ValueFromPipelineByPropertyName)][Alias('ProbeId')][string] $Id, [string] $Name)
            }
        } | Import-Module -PassThru
        $old = @(Get-PublicSurface -Module SurfaceProbe -CommandType Function)
        Remove-Module SurfaceProbe
        $after = New-Module -Name SurfaceProbe -ScriptBlock {
            function Get-Probe {
                [CmdletBinding()] [OutputType([string])]
                param([Parameter(Position = 1)][string] $Id, [Parameter(Mandatory)][string] $Name, [string] $Extra)
            }
        } | Import-Module -PassThru
        $new = @(Get-PublicSurface -Module SurfaceProbe -CommandType Function)
        Remove-Module SurfaceProbe
        $gone = @(Get-SurfaceGoneFact -Snapshot $old -Current $new)
        $gone | Should -Contain 'Get-Probe -Id [*] Position 0'
        $gone | Should -Contain 'Get-Probe -Id Alias ProbeId'
        $gone | Should -Contain 'Get-Probe -Id [*] ValueFromPipelineByPropertyName'
        $gone | Should -Contain 'Get-Probe [*] Mandatory'
        $new | Should -Contain 'Get-Probe -Extra Type System.String'
        $old | Should -Not -Contain 'Get-Probe -Extra Type System.String'
    }

    It 'a single-set command may move its parameters into one new set; splitting them across sets is a gone fact' {
        $old = 'Remove-X [*] Mandatory Id', 'Remove-X -Id [*] In', 'Remove-X -Id [*] Position 0', 'Remove-X -Force [*] In'
        $kept = 'Remove-X DefaultParameterSet InputObject', 'Remove-X [ById] Mandatory Id', 'Remove-X -Id [ById] In', 'Remove-X -Id [ById] Position 0',
            'Remove-X [InputObject] Mandatory InputObject', 'Remove-X -Force [*] In'
        @(Get-SurfaceGoneFact -Snapshot $old -Current $kept) | Should -BeNullOrEmpty
        $split = 'Remove-X [ById] Mandatory Id', 'Remove-X -Id [ById] In', 'Remove-X [Other] Mandatory', 'Remove-X -Id [Other] Position 0', 'Remove-X -Force [*] In'
        @(Get-SurfaceGoneFact -Snapshot $old -Current $split) | Should -HaveCount 3
        $newMandatory = 'Remove-X [ById] Mandatory Id,Name', 'Remove-X -Id [ById] In', 'Remove-X -Id [ById] Position 0', 'Remove-X -Force [*] In'
        @(Get-SurfaceGoneFact -Snapshot $old -Current $newMandatory) | Should -HaveCount 3
    }

    It 'every allowed change names a fact of the snapshot' {
        $stale = @($allowed.Keys | Where-Object { $_ -notin $snapshot })
        $stale | Should -BeNullOrEmpty -Because 'an allow-list entry must excuse a real fact of public-surface.txt'
    }
}
