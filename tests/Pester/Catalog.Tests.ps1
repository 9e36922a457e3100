BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:operations = @(Get-OpenAiOperation | ForEach-Object {
        @{ Tool = $_.Tool; IsSeedTool = $_.IsSeedTool; Command = $_.Command; Method = $_.Method; Path = $_.Path; ParameterSet = $_.ParameterSet }
    })
    # Seed list operations whose page size the spec bounds, performed by a cmdlet that takes -PageSize (usage reports,
    # whose range depends on the bucket width, are checked in Usage.Tests.ps1).
    $rows = Import-Csv (Join-Path $RepoRoot 'src/TrutoOpenAi.Core/Catalog/operations.tsv') -Delimiter "`t"
    $script:pagedLists = @(foreach ($operation in $operations) {
        $row = $rows | Where-Object { $_.method -eq $operation.Method -and $_.path -eq $operation.Path }
        if ($operation.IsSeedTool -and $row.paging -ne 'None' -and $row.page_size -match '^\d+-(\d+)$' -and
            (Get-Command $operation.Command).Parameters.ContainsKey('PageSize')) {
            $operation + @{ Max = [int]$Matches[1]; Range = $row.page_size }
        }
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
        $script:tools = Import-Csv (Join-Path $RepoRoot 'src/TrutoOpenAi.Core/Catalog/operations.tsv') -Delimiter "`t"
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'declares only operations of the operation table, with the table''s tool name' {
        foreach ($operation in Get-OpenAiOperation) {
            $row = @($tools | Where-Object { $_.method -eq $operation.Method -and $_.path -eq $operation.Path })
            $row.Count | Should -Be 1 -Because "$($operation.Command) declares $($operation.Method) $($operation.Path), which should be a row of src/TrutoOpenAi.Core/Catalog/operations.tsv"
            $operation.Tool | Should -Be $row[0].tool -Because "[OpenAiOperation] on $($operation.Command) names a tool: it should be the table's"
            $operation.IsSeedTool | Should -Be ($row[0].seed -eq 'yes')
            $operation.NeedsAdminKey | Should -Be ($row[0].key -eq 'admin')
        }
    }

    It 'reports the table''s key kind and headers' {
        $permissions = Get-OpenAiOperation -Path '/fine_tuning/checkpoints/*/permissions' | Select-Object -First 1
        $permissions.KeyKind | Should -Be 'Admin'
        $permissions.NeedsAdminKey | Should -BeTrue
        $files = Get-OpenAiOperation -Tool list_all_openai_files
        $files.KeyKind | Should -Be 'Api'
        $files.PageSize | Should -Be '1-10000'
        $files.Headers | Should -BeNullOrEmpty
    }

    Context 'Invoke-OpenAiRequest' {
        BeforeAll {
            # Sends one request; returns its verbose text and what the emulator recorded of it.
            function Send-Traced([string] $Path) {
                $since = Get-EmulatorSeq $emu
                $verbose = Invoke-OpenAiRequest -Path $Path -Verbose -ErrorAction SilentlyContinue 4>&1 |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
                $sent = @(Get-EmulatorLog $emu -Since $since | Where-Object path -eq "/v1/$Path")
                $sent.Count | Should -Be 1 -Because "one request to /v1/$Path"
                [pscustomobject]@{ Verbose = ($verbose.Message -join "`n"); Sent = $sent[0] }
            }
        }

        It 'takes the key and headers of the operation it finds in the table' {
            $permissions = Send-Traced 'fine_tuning/checkpoints/ft-model-1/permissions'
            $permissions.Verbose | Should -Match 'list_all_openai_checkpoint_permissions .*Admin key'
            $permissions.Sent.auth_kind | Should -Be 'admin'

            $assistants = Send-Traced 'assistants'
            $assistants.Verbose | Should -Match 'list_all_openai_assistants .*Api key, headers OpenAI-Beta: assistants=v2'
            $assistants.Sent.auth_kind | Should -Be 'api'
            $assistants.Sent.headers.'openai-beta' | Should -Be 'assistants=v2'
        }

        It 'sends a path no operation matches with the API key and says so' {
            $unknown = Send-Traced 'models/gpt-4o/no-such-thing'
            $unknown.Verbose | Should -Match 'No operation of the table matches GET /models/gpt-4o/no-such-thing: sending it with the API key'
            $unknown.Sent.auth_kind | Should -Be 'api'
            $unknown.Sent.headers.'openai-beta' | Should -BeNullOrEmpty
        }
    }

    It 'declares each operation once per command and parameter set' {
        # Several commands may perform one operation (Get-OpenAiCost and Export-OpenAiCostReport both read the costs).
        $keys = @(Get-OpenAiOperation | ForEach-Object { "$($_.Command) $($_.ParameterSet) $($_.Method) $($_.Path)" })
        ($keys | Group-Object | Where-Object Count -gt 1).Name | Should -BeNullOrEmpty
    }

    It 'points at exported commands and existing parameter sets' {
        foreach ($operation in Get-OpenAiOperation) {
            $command = Get-Command $operation.Command -Module TrutoOpenAi -ErrorAction SilentlyContinue
            $command | Should -Not -BeNullOrEmpty -Because "$($operation.Command) should be exported"
            if ($operation.ParameterSet) { $command.ParameterSets.Name | Should -Contain $operation.ParameterSet }
        }
    }

    It '<Command> takes the page sizes the table gives <Tool> (<Range>) and refuses one more before any request' -ForEach $pagedLists {
        # The range comes from the spec through the operation table; no cmdlet keeps its own copy.
        $invoke = $invocations[$Tool]
        $project = New-OpenAiProject -Name "pagesize-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -Confirm:$false
        $pattern = '^/v1' + ([regex]::Replace($Path, '\{[^}]+\}', '[^/]+')) + '$'
        # A block made with GetNewClosure runs in a module of its own, which reads its own PSDefaultParameterValues.
        if ($invoke.Module) { $invoke.Module.SessionState.PSVariable.Set('PSDefaultParameterValues', $global:PSDefaultParameterValues) }
        try {
            $global:PSDefaultParameterValues["${Command}:PageSize"] = $Max + 1
            $Error.Clear()
            $since = Get-EmulatorSeq $emu
            try { & $invoke @{ Emulator = $emu; ProjectId = $project.Id } 2>$null } catch { }
            @($Error | Where-Object { "$($_.FullyQualifiedErrorId)" -like 'OpenAiInvalidPageSize,*' }).Count | Should -BeGreaterThan 0 -Because "-PageSize $($Max + 1) is above the $Range of $Tool"
            @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -eq 'GET' -and $_.path -match $pattern }).Count | Should -Be 0

            $global:PSDefaultParameterValues["${Command}:PageSize"] = $Max
            $since = Get-EmulatorSeq $emu
            & $invoke @{ Emulator = $emu; ProjectId = $project.Id }
            $sent = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -eq 'GET' -and $_.path -match $pattern -and $_.status -lt 400 })
            $sent.Count | Should -BeGreaterThan 0
            $sent[0].query | Should -Match "limit=$Max(&|$)"
        }
        finally { $global:PSDefaultParameterValues.Remove("${Command}:PageSize") }
    }

    It '<Tool> is really <Method> <Path> when <Command> runs' -ForEach $operations {
        # Operations beyond the 157 seed tools are keyed by their table name or by "METHOD /path" in the Operations files.
        $key = if ($IsSeedTool -or -not $invocations.ContainsKey("$Method $Path")) { $Tool } else { "$Method $Path" }
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
