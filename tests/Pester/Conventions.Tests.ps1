# The cmdlet conventions of CONVENTIONS.md, checked over every exported cmdlet so a new one cannot drift.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:cmdlets = @(Get-Command -Module TrutoOpenAi -CommandType Cmdlet | ForEach-Object {
        $attribute = $_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        @{
            Name          = $_.Name
            Verb          = $_.Verb
            Type          = $_.ImplementingType
            ShouldProcess = $attribute.SupportsShouldProcess
            Impact        = [string]$attribute.ConfirmImpact
        }
    })
    # Verbs that change state somewhere; Stop-OpenAiEmulator stops a local process, not an API resource.
    # New-OpenAiTool builds a local object (a tool definition) and changes nothing.
    $script:changing = @($cmdlets | Where-Object { $_.Verb -in 'New', 'Set', 'Remove', 'Add', 'Stop', 'Disable', 'Enable', 'Complete', 'Suspend', 'Resume' -and $_.Name -ne 'New-OpenAiTool' })
    $script:destructive = @($cmdlets | Where-Object { $_.Verb -in 'Remove', 'Stop', 'Disable' -and $_.Name -ne 'Stop-OpenAiEmulator' })
    # Issue 13.6: unattended scripts skip the prompt with -Force; every Remove/Set/Stop can write what it changed.
    $script:highImpact = @($cmdlets | Where-Object { $_.ShouldProcess -and $_.Impact -eq 'High' })
    $script:passThru = @($cmdlets | Where-Object { $_.Verb -in 'Remove', 'Set', 'Stop' })
    # The parameters of every exported cmdlet that users see (DontShow ones are kept only for old scripts).
    $script:visibleParameters = @(Get-Command -Module TrutoOpenAi -CommandType Cmdlet | ForEach-Object {
        $command = $_
        foreach ($parameter in $command.Parameters.Values) {
            $hidden = @($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }).Count -gt 0
            if (-not $hidden) { @{ Command = $command.Name; Verb = $command.Verb; Name = $parameter.Name; Type = $parameter.ParameterType; Parameter = $parameter } }
        }
    })
}

Describe 'Cmdlet conventions' {
    It '<Name> declares its output type' -ForEach $cmdlets {
        $Type.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $false) | Should -Not -BeNullOrEmpty
    }

    It '<Name> supports -WhatIf and -Confirm' -ForEach $changing {
        $ShouldProcess | Should -BeTrue
    }

    It '<Name> asks for confirmation by default (ConfirmImpact High)' -ForEach $destructive {
        $Impact | Should -Be 'High'
    }

    It '<Name> takes -Force to skip the confirmation (ConfirmImpact High)' -ForEach $highImpact {
        $Type.GetProperty('Force').PropertyType | Should -Be ([System.Management.Automation.SwitchParameter])
        (Get-Command $Name).Parameters.Keys | Should -Contain 'Force'
    }

    It '<Name> takes -PassThru' -ForEach $passThru {
        (Get-Command $Name).Parameters['PassThru'].ParameterType | Should -Be ([System.Management.Automation.SwitchParameter])
    }

    It 'every sort parameter is -Order Ascending|Descending' {
        $sortNames = 'Order', 'Sort', 'SortOrder', 'Ascending', 'Descending', 'Direction'   # the sort direction; -OrderBy (a sort key) is another thing
        foreach ($p in $visibleParameters | Where-Object { $_.Name -in $sortNames -or @($_.Parameter.Aliases | Where-Object { $_ -in $sortNames }).Count }) {
            $p.Name | Should -Be 'Order' -Because "$($p.Command) -$($p.Name) sorts: one sort parameter name across cmdlets"
            $set = @($p.Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] })
            $set.ValidValues | Should -Be @('Ascending', 'Descending') -Because "$($p.Command) -Order takes Ascending or Descending"
        }
    }

    It 'every time-range parameter of a Get- cmdlet is -StartTime or -EndTime' {
        $timeTypes = [datetime], [datetimeoffset], [Nullable[datetime]], [Nullable[datetimeoffset]]
        foreach ($p in $visibleParameters | Where-Object { $_.Verb -eq 'Get' -and $_.Type -in $timeTypes }) {
            $p.Name | Should -BeIn @('StartTime', 'EndTime') -Because "$($p.Command) -$($p.Name) bounds a time range: one naming across cmdlets (aliases may keep old names)"
        }
    }

    It 'the old names of renamed parameters still work as aliases' {
        (Get-Command Get-OpenAiAuditLog).Parameters['StartTime'].Aliases | Should -Contain 'After'
        (Get-Command Get-OpenAiAuditLog).Parameters['EndTime'].Aliases | Should -Contain 'Before'
        (Get-Command Get-OpenAiCertificate).Parameters.Keys | Should -Contain 'Ascending'
        (Get-Command Get-OpenAiAdminApiKey).Parameters.Keys | Should -Contain 'Descending'
    }

    It 'every exported cmdlet uses an approved verb and the OpenAi noun prefix' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module TrutoOpenAi -CommandType Cmdlet) {
            $approved | Should -Contain $command.Verb
            $command.Noun | Should -BeLike 'OpenAi*'
        }
    }

    It 'every API cmdlet takes -Connection' {
        $local = 'Connect-OpenAi', 'Get-OpenAiConnection', 'Disconnect-OpenAi', 'Start-OpenAiEmulator', 'Stop-OpenAiEmulator', 'Get-OpenAiOperation', 'New-OpenAiTool'
        foreach ($command in Get-Command -Module TrutoOpenAi -CommandType Cmdlet | Where-Object Name -notin $local) {
            $command.Parameters.Keys | Should -Contain 'Connection' -Because "$($command.Name) calls the API"
        }
    }
}
