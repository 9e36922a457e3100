# Tab completion (issue 13 item 7) through TabExpansion2, as a user's Tab key runs it, against emulators: connection
# names, model ids (a cached model list), project ids and names and role names (first page only, a short cache) from the
# connection on the command line, and MCP tool names from the operation table. Completers are [ArgumentCompleter]
# attributes, so nothing is registered (or run) at import.
Describe 'Tab completion' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        # The other emulator first, the main one last: it stays the current connection.
        $script:other = Start-OpenAiEmulator -Connect -Name 'completion-other' -SeedProjects 2
        $script:emu = Start-OpenAiEmulator -Connect -Name 'completion-main' -SeedProjects 3
        $null = New-OpenAiProject -Name 'Payments EU' -Confirm:$false
        $null = Invoke-EmulatorControl POST 'seed' -Body @{ projects = 150; name_prefix = 'bulk-' } -Emulator $emu

        # Cache lifetimes and the request timeout are internal settings: the tests pin them (an hour, two minutes), so no
        # assertion depends on how long a call takes on a busy machine.
        $source = [TrutoOpenAi.PowerShell.Completion.ModelIdCompleter].Assembly.GetType('TrutoOpenAi.PowerShell.Completion.CompletionSource', $true)
        $flags = [System.Reflection.BindingFlags]'NonPublic, Static'
        $script:ModelLifetime = $source.GetProperty('ModelLifetime', $flags)
        $script:DirectoryLifetime = $source.GetProperty('DirectoryLifetime', $flags)
        $script:RequestTimeout = $source.GetProperty('RequestTimeout', $flags)
        $script:Defaults = @{ Model = $ModelLifetime.GetValue($null); Directory = $DirectoryLifetime.GetValue($null); Timeout = $RequestTimeout.GetValue($null) }
        $RequestTimeout.SetValue($null, [TimeSpan]::FromMinutes(2))
        function script:Set-CacheLifetime([TimeSpan] $Value) { $ModelLifetime.SetValue($null, $Value); $DirectoryLifetime.SetValue($null, $Value) }
        Set-CacheLifetime ([TimeSpan]::FromHours(1))

        function script:Complete([string] $Line) {
            @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches)
        }
        # The /v1 requests a completion made (on the given emulator) since $Since.
        function script:Get-CompletionRequest($Emulator, [long] $Since) { @(Get-EmulatorRequest $Emulator -Since $Since) }
    }
    AfterAll {
        $ModelLifetime.SetValue($null, $Defaults.Model); $DirectoryLifetime.SetValue($null, $Defaults.Directory); $RequestTimeout.SetValue($null, $Defaults.Timeout)
        $script:other | Stop-OpenAiEmulator -Confirm:$false
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'completes connection names for -Connection on any cmdlet, and for Get-OpenAiConnection and Disconnect-OpenAi, without a request' {
        $since = Get-EmulatorSeq $emu
        $r = Complete 'Get-OpenAiProject -Connection completion-o'
        $r.CompletionText | Should -Be @('completion-other')
        $r[0].ToolTip | Should -BeLike "completion-other ($($other.BaseUri)*"
        (Complete 'Disconnect-OpenAi -Name completion-').CompletionText | Sort-Object | Should -Be @('completion-main', 'completion-other')
        (Complete 'Get-OpenAiConnection comp*main').CompletionText | Should -Be @('completion-main')
        Get-CompletionRequest $emu $since | Should -BeNullOrEmpty
    }

    It 'completes model ids from one GET /models, then from the cache for every -Model parameter' {
        $since = Get-EmulatorSeq $emu
        $r = Complete 'Invoke-OpenAiResponse -Model gpt-4o-m'
        $r.CompletionText | Should -Contain 'gpt-4o-mini'
        $r | ForEach-Object { $_.CompletionText | Should -BeLike 'gpt-4o-m*' }
        $r[0].ResultType | Should -Be 'ParameterValue'
        $requests = Get-CompletionRequest $emu $since
        @($requests).Count | Should -Be 1
        $requests[0].method | Should -Be 'GET'
        $requests[0].path | Should -Be '/v1/models'

        $since = Get-EmulatorSeq $emu
        (Complete 'New-OpenAiEmbedding -Model text-embedding-3-s').CompletionText | Should -Be @('text-embedding-3-small')
        (Complete 'Get-OpenAiModel -Id gpt-4o-mi').CompletionText | Should -Contain 'gpt-4o-mini'
        (Complete 'New-OpenAiFineTuningJob -Model gpt-4o-mini-2024').CompletionText | Should -Contain 'gpt-4o-mini-2024-07-18'
        Get-CompletionRequest $emu $since | Should -BeNullOrEmpty -Because 'the model list is cached per connection'
    }

    It 'asks again once the cache is older than its lifetime' {
        Set-CacheLifetime ([TimeSpan]::Zero)
        try {
            $since = Get-EmulatorSeq $emu
            $null = Complete 'Invoke-OpenAiResponse -Model gpt'
            $null = Complete 'Invoke-OpenAiResponse -Model gpt'
            @(Get-CompletionRequest $emu $since | Where-Object path -eq '/v1/models').Count | Should -Be 2
        } finally {
            Set-CacheLifetime ([TimeSpan]::FromHours(1))
        }
    }

    It 'completes project ids, found by name or id, from the first page of projects only (one request, limit 100)' {
        $projects = @(Get-OpenAiProject -Name 'tenant-*')
        $since = Get-EmulatorSeq $emu
        $r = Complete 'Get-OpenAiProjectUser -ProjectId tenant-0000'
        $r.CompletionText | Sort-Object | Should -Be @($projects.Id | Sort-Object)
        ($r | Where-Object CompletionText -eq $projects[0].Id).ListItemText | Should -Be "$($projects[0].Name) ($($projects[0].Id))"
        (Complete "Get-OpenAiProjectApiKey -ProjectId $($projects[1].Id)").CompletionText | Should -Be @($projects[1].Id)
        (Complete 'Get-OpenAiProject -Id tenant-00002').CompletionText | Should -Be @(($projects | Where-Object Name -eq 'tenant-00002').Id)

        # 155 projects: the completion reads one page of 100 and stops there.
        $all = Complete 'Get-OpenAiProjectUser -ProjectId '
        $all.Count | Should -Be 100
        $requests = @(Get-CompletionRequest $emu $since)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be '/v1/organization/projects'
        $requests[0].query_params.limit | Should -Be @('100')
    }

    It 'completes project names for Get-OpenAiProject -Name, quoting a name with a space' {
        (Complete 'Get-OpenAiProject -Name tenant-0000').CompletionText | Sort-Object | Should -Be @('tenant-00001', 'tenant-00002', 'tenant-00003')
        (Complete 'Get-OpenAiProject -Name Paym').CompletionText | Should -Be @("'Payments EU'")
        (Complete "Get-OpenAiProject -Name 'Paym").CompletionText | Should -Be @("'Payments EU'")
    }

    It 'uses the connection typed on the line: -Connection names another emulator' {
        $expected = @(Get-OpenAiProject -Connection completion-other | ForEach-Object Id | Sort-Object)
        $since = Get-EmulatorSeq $other
        $r = Complete 'Get-OpenAiProjectUser -Connection completion-other -ProjectId tenant-'
        $r.CompletionText | Sort-Object | Should -Be $expected
        $r.Count | Should -Be 2
        @(Get-CompletionRequest $other $since | Where-Object path -eq '/v1/organization/projects').Count | Should -Be 1
    }

    It 'completes role names (built-in and RBAC) and role ids by name, for the organization or the project on the line' {
        $names = (Complete 'Get-OpenAiRole -Name ').CompletionText
        foreach ($n in 'owner', 'reader', 'Owner', 'Reader') { $names | Should -Contain $n }
        $names | Should -Not -Contain 'member'
        $reader = Get-OpenAiRole -Name Reader -Type predefined
        $r = Complete 'Add-OpenAiGroupRole -GroupId group_x -RoleId Read'
        $r.CompletionText | Should -Be @($reader.Id)
        $r[0].ListItemText | Should -Be "Reader ($($reader.Id))"

        $project = Get-OpenAiProject -Name 'tenant-00001'
        $projectNames = (Complete "Get-OpenAiRole -ProjectId $($project.Id) -Name ").CompletionText
        foreach ($n in 'owner', 'member', 'Member', 'Viewer') { $projectNames | Should -Contain $n }
        $viewer = $project | Get-OpenAiRole -Name Viewer
        (Complete "Add-OpenAiProjectGroup -ProjectId $($project.Id) -GroupId group_x -RoleId View").CompletionText | Should -Be @($viewer.Id)
    }

    It 'completes MCP tool names from the operation table, narrowed by -ReadOnly and -Area, without a request' {
        $since = Get-EmulatorSeq $emu
        (Complete 'Start-OpenAiMcpServer -Tool list_all_openai_us').CompletionText | Should -Contain 'list_all_openai_users'
        $tools = (Complete 'Start-OpenAiMcpServer -ExcludeTool delete_').CompletionText
        $tools.Count | Should -BeGreaterThan 0
        (Complete 'Start-OpenAiMcpServer -ReadOnly -Tool delete_').CompletionText | Should -BeNullOrEmpty
        $projectsOnly = (Complete 'Start-OpenAiMcpServer -Area Projects -Tool ').CompletionText
        $projectsOnly.Count | Should -BeGreaterThan 0
        $projectsOnly | Should -Not -Contain 'list_all_openai_users'
        Get-CompletionRequest $emu $since | Should -BeNullOrEmpty
    }

    It 'offers nothing, and writes no error, when the connection cannot answer' {
        $gone = Start-OpenAiEmulator -Connect -Name 'completion-gone'
        Get-OpenAiConnection -Name 'completion-main' | Connect-OpenAi
        $gone | Stop-OpenAiEmulator -Confirm:$false
        $Error.Clear()
        # Stop-OpenAiEmulator removed its connection: a -Connection naming it, and one built by hand to the stopped port.
        Complete 'Get-OpenAiProjectUser -Connection completion-gone -ProjectId ' | Should -BeNullOrEmpty
        Connect-OpenAi -Name 'completion-dead' -BaseUri $gone.BaseUri -AdminKey $gone.AdminKey -ApiKey $gone.ApiKey
        try {
            Complete 'Get-OpenAiProjectUser -ProjectId ' | Should -BeNullOrEmpty
            Complete 'Invoke-OpenAiResponse -Model gpt' | Should -BeNullOrEmpty
        } finally {
            Disconnect-OpenAi -Name 'completion-dead'
            Get-OpenAiConnection -Name 'completion-main' | Connect-OpenAi
        }
        $Error | Should -BeNullOrEmpty
    }

    It 'every parameter that takes a project, role or model id carries its completer' {
        # A new cmdlet's -ProjectId, -RoleId or -Model (or an -Id aliased ProjectId/RoleId) gets
        # [ArgumentCompleter(typeof(Completion.ProjectCompleter/RoleCompleter/ModelIdCompleter))] on its property.
        $missing = foreach ($command in Get-Command -Module TrutoOpenAi -CommandType Cmdlet) {
            foreach ($p in $command.Parameters.Values) {
                $takes = $p.Name -in 'ProjectId', 'RoleId', 'Model' -or @($p.Aliases | Where-Object { $_ -in 'ProjectId', 'RoleId' }).Count
                if (-not $takes -or $p.ParameterType -notin [string], [string[]]) { continue }
                if (-not @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }).Count) { "$($command.Name) -$($p.Name)" }
            }
        }
        $missing | Should -BeNullOrEmpty
    }
}
