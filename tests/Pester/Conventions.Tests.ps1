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
    $script:changing = @($cmdlets | Where-Object { $_.Verb -in 'New', 'Set', 'Remove', 'Add', 'Stop', 'Disable', 'Enable', 'Complete', 'Suspend', 'Resume' })
    $script:destructive = @($cmdlets | Where-Object { $_.Verb -in 'Remove', 'Stop', 'Disable' -and $_.Name -ne 'Stop-OpenAiEmulator' })
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

    It 'every exported cmdlet uses an approved verb and the OpenAi noun prefix' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module TrutoOpenAi -CommandType Cmdlet) {
            $approved | Should -Contain $command.Verb
            $command.Noun | Should -BeLike 'OpenAi*'
        }
    }

    It 'every API cmdlet takes -Connection' {
        $local = 'Connect-OpenAi', 'Get-OpenAiConnection', 'Disconnect-OpenAi', 'Start-OpenAiEmulator', 'Stop-OpenAiEmulator', 'Get-OpenAiOperation'
        foreach ($command in Get-Command -Module TrutoOpenAi -CommandType Cmdlet | Where-Object Name -notin $local) {
            $command.Parameters.Keys | Should -Contain 'Connection' -Because "$($command.Name) calls the API"
        }
    }
}
