BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Start-OpenAiMcpServer' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:catalog = (Get-Content -Raw (Join-Path $RepoRoot 'src/TrutoOpenAi.Core/Catalog/tools.json') | ConvertFrom-Json).tools
        $script:tsv = Import-Csv (Join-Path $RepoRoot 'src/TrutoOpenAi.Core/Catalog/operations.tsv') -Delimiter "`t"
    }

    It 'lists every operation of the table: the 157 seed tools and the others' {
        $names = @(Start-OpenAiMcpServer -ListTools | ForEach-Object Name)
        @($tsv | Where-Object seed -eq 'yes').Count | Should -Be 157
        $names.Count | Should -Be $tsv.Count
        Compare-Object ($names | Sort-Object) ($tsv.tool | Sort-Object) | Should -BeNullOrEmpty
    }

    It 'narrows the tools with -ReadOnly and -Area' {
        $tools = @(Start-OpenAiMcpServer -ListTools -ReadOnly -Area Projects)
        $tools.Name | Should -Contain 'list_all_openai_projects'
        $tools.Name | Should -Not -Contain 'create_a_openai_project'
        $tools | ForEach-Object { $_.Area | Should -Be 'Projects'; $_.ReadOnly | Should -BeTrue }
    }

    It 'narrows the tools with -Kind and -Tool patterns' {
        $tools = @(Start-OpenAiMcpServer -ListTools -Kind write -Tool '*project*' -ExcludeTool 'delete_*')
        $tools.Name | Should -Contain 'create_a_openai_project'
        $tools.Name | Should -Not -Contain 'list_all_openai_projects'
        $tools.Name | Where-Object { $_ -like 'delete_*' } | Should -BeNullOrEmpty
    }

    It 'makes every catalog tool reachable as a cmdlet or marks it as not yet' {
        $byTool = @{}
        foreach ($op in Get-OpenAiOperation | Where-Object Tool) { $byTool[$op.Tool] = $op.Command }
        # Every tool a cmdlet claims is a catalog tool.
        foreach ($tool in $byTool.Keys) { $catalog.name | Should -Contain $tool }
        $toolMap = Join-Path $RepoRoot 'docs/tool-map.md'
        $toolMap | Should -Exist
        $rows = @{}
        if (Test-Path $toolMap) {
            foreach ($line in Get-Content $toolMap) {
                if ($line -match '^\| ([a-z0-9_]+) \|') { $rows[$Matches[1]] = $line }
            }
        }
        foreach ($tool in $catalog) {
            $covered = $byTool.ContainsKey($tool.name)
            if ($rows.Count) {
                $rows.ContainsKey($tool.name) | Should -BeTrue -Because "docs/tool-map.md should have a row for $($tool.name)"
                $cells = @($rows[$tool.name].Trim('|').Split('|') | ForEach-Object Trim)
                if ($covered) { $cells[4] | Should -BeLike "*$($byTool[$tool.name])*" }
                else { $cells[4] | Should -Be 'not yet' }
                $cells[6] | Should -Be 'yes' -Because "the MCP server serves $($tool.name)"
            }
        }
    }

    It 'serves MCP on stdio for the current connection, keys handed through the environment' {
        $manifest = Join-Path $RepoRoot 'out/TrutoOpenAi/TrutoOpenAi.psd1'
        $script = "Import-Module '$manifest'; Start-OpenAiEmulator -Connect -SeedProjects 3 | Out-Null; Start-OpenAiMcpServer -LogLevel Warning"
        $start = [System.Diagnostics.ProcessStartInfo]::new((Get-Process -Id $PID).Path)
        foreach ($argument in @('-NoProfile', '-NonInteractive', '-Command', $script)) { $start.ArgumentList.Add($argument) }
        if ((Split-Path -Leaf $start.FileName) -match '^dotnet') { $start.ArgumentList.Insert(0, 'pwsh') }
        $start.RedirectStandardInput = $true
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $process = [System.Diagnostics.Process]::Start($start)
        try {
            $send = {
                param($message)
                $process.StandardInput.WriteLine(($message | ConvertTo-Json -Depth 10 -Compress))
                $process.StandardInput.Flush()
            }
            $receive = {
                param([int] $id)
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while ([DateTime]::UtcNow -lt $deadline) {
                    $task = $process.StandardOutput.ReadLineAsync()
                    if (-not $task.Wait(60000)) { break }
                    $line = $task.Result
                    if ($null -eq $line) { break }
                    if ($line -notmatch '^\{') { continue }
                    $message = $line | ConvertFrom-Json
                    if ($message.id -eq $id) { return $message }
                }
                throw "No answer to request $id. stderr: $($process.StandardError.ReadToEnd())"
            }
            & $send @{ jsonrpc = '2.0'; id = 1; method = 'initialize'; params = @{ protocolVersion = '2025-06-18'; capabilities = @{}; clientInfo = @{ name = 'pester'; version = '1.0' } } }
            $init = & $receive 1
            $init.result.serverInfo.name | Should -Be 'TrutoOpenAi'
            & $send @{ jsonrpc = '2.0'; method = 'notifications/initialized' }
            & $send @{ jsonrpc = '2.0'; id = 2; method = 'tools/call'; params = @{ name = 'list_all_openai_projects'; arguments = @{ limit = 2 } } }
            $call = & $receive 2
            $call.result.isError | Should -Not -BeTrue
            $page = $call.result.content[0].text | ConvertFrom-Json
            $page.result_count | Should -Be 2
            $page.next_cursor | Should -Not -BeNullOrEmpty
        }
        finally {
            $process.StandardInput.Close()
            if (-not $process.WaitForExit(20000)) { $process.Kill($true) }
            $process.Dispose()
        }
    }
}
