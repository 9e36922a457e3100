BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:operations = @(Get-OpenAiOperation | ForEach-Object {
        @{ Tool = $_.Tool; Command = $_.Command; Method = $_.Method; Path = $_.Path; ParameterSet = $_.ParameterSet }
    })
}

Describe 'Get-OpenAiOperation' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'catalog-tests' -SeedProjects 3
        # Every area contributes a file of tool -> how to run it.
        $script:invocations = @{}
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot 'Operations') -Filter *.ps1) {
            $table = & $file.FullName
            foreach ($key in $table.Keys) { $script:invocations[$key] = $table[$key] }
        }
        $script:tools = Import-Csv (Join-Path $RepoRoot 'src/TrutoOpenAi.Core/Catalog/tools.tsv') -Delimiter "`t"
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'names only tools of the product, with the product''s method and path' {
        foreach ($operation in Get-OpenAiOperation | Where-Object Tool) {
            $tool = $tools | Where-Object tool -eq $operation.Tool
            $tool | Should -Not -BeNullOrEmpty -Because "$($operation.Tool) should be one of the 157 tools"
            $operation.Method | Should -Be $tool.method
            $operation.Path | Should -Be $tool.path
        }
    }

    It 'names each tool once' {
        $named = @(Get-OpenAiOperation | Where-Object Tool | ForEach-Object Tool)
        ($named | Group-Object | Where-Object Count -gt 1).Name | Should -BeNullOrEmpty
    }

    It 'points at exported commands and existing parameter sets' {
        foreach ($operation in Get-OpenAiOperation) {
            $command = Get-Command $operation.Command -Module TrutoOpenAi -ErrorAction SilentlyContinue
            $command | Should -Not -BeNullOrEmpty -Because "$($operation.Command) should be exported"
            if ($operation.ParameterSet) { $command.ParameterSets.Name | Should -Contain $operation.ParameterSet }
        }
    }

    It '<Tool> is really <Method> <Path> when <Command> runs' -ForEach $operations {
        # Operations beyond the 157 tools (Tool '') are keyed "METHOD /path" in the Operations files.
        $key = if ($Tool) { $Tool } else { "$Method $Path" }
        $invoke = $invocations[$key]
        $invoke | Should -Not -BeNullOrEmpty -Because "tests/Pester/Operations/*.ps1 should say how to run $key"
        $project = New-OpenAiProject -Name "catalog-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -Confirm:$false
        $since = Get-EmulatorSeq $emu
        & $invoke @{ Emulator = $emu; ProjectId = $project.Id }
        $pattern = '^/v1' + ([regex]::Replace($Path, '\{[^}]+\}', '[^/]+')) + '$'
        $matching = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -eq $Method -and $_.path -match $pattern -and $_.status -lt 400 })
        $matching.Count | Should -BeGreaterThan 0 -Because "$Command should have sent $Method $Path"
    }
}
