# New-OpenAiTool: function tools (from a JSON schema or a PowerShell command) and the built-in tools of the Responses
# API, used by Invoke-OpenAiResponse -Tool and Invoke-OpenAiChatCompletion -Tool against the emulator's stand-in model.
Describe 'New-OpenAiTool against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'tools-tests'
        function global:Get-ToolWeather {
            param(
                [Parameter(Mandatory, HelpMessage = 'The city')][string] $City,
                [int] $Days = 1,
                [ValidateSet('C', 'F')][string] $Unit = 'C'
            )
            "Sunny in $City for $Days day(s)"
        }
    }
    AfterAll {
        Remove-Item function:Get-ToolWeather -ErrorAction Ignore
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'a tool made from a PowerShell function is called by the model, runs, and its answer reaches the model' {
        $tool = New-OpenAiTool -Command Get-ToolWeather -Description 'The weather of a city'
        $tool | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiTool])
        $tool.Type | Should -Be 'function'
        $tool.Name | Should -Be 'Get-ToolWeather'
        $tool.Command.Name | Should -Be 'Get-ToolWeather'
        $since = Get-EmulatorSeq $emu
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-ToolWeather City=Paris Days=2' -Tool $tool -InvokeFunction Auto -Confirm:$false
        $r.OutputText | Should -Be 'Get-ToolWeather returned: Sunny in Paris for 2 day(s)'
        $log = @(Get-EmulatorLog $emu -Since $since)
        $log.Count | Should -Be 2
        $sent = $log[0].body.tools[0]
        $sent.name | Should -Be 'Get-ToolWeather'
        $sent.description | Should -Be 'The weather of a city'
        $sent.parameters.required | Should -Be @('City')
        $sent.parameters.properties.City.description | Should -Be 'The city'
        $sent.parameters.properties.Days.type | Should -Be 'integer'
        $sent.parameters.properties.Unit.enum | Should -Be @('C', 'F')
        $log[1].body.input[0].type | Should -Be 'function_call_output'
        $log[1].body.input[0].output | Should -Be 'Sunny in Paris for 2 day(s)'
    }

    It 'piped from Get-Command, renamed with -Name, it still runs its command, also in a chat completion' {
        $tool = Get-Command Get-ToolWeather | New-OpenAiTool -Name weather
        $tool.Name | Should -Be 'weather'
        $chat = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'weather City=Lima Days=3' -Tool $tool -InvokeFunction Auto -Confirm:$false
        $chat.Content | Should -Be 'weather returned: Sunny in Lima for 3 day(s)'
        $chat.History.Role | Should -Be @('user', 'assistant', 'tool', 'assistant')
    }

    It '-Strict on a command requires every property, makes the optional ones nullable and allows no others' {
        $tool = New-OpenAiTool -Command Get-ToolWeather -Strict
        $json = $tool.ToJson() | ConvertFrom-Json
        $json.strict | Should -BeTrue
        $json.parameters.required | Should -Be @('City', 'Days', 'Unit')
        $json.parameters.additionalProperties | Should -BeFalse
        $tool.Definition['parameters']['properties']['Days']['type'].ToJsonString() | Should -Be '["integer","null"]'
        $tool.Definition['parameters']['properties']['City']['type'].ToJsonString() | Should -Be '"string"'
        $tool.Definition['parameters']['properties']['Unit']['enum'].ToJsonString() | Should -Be '["C","F",null]'
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-ToolWeather City=Oslo Days=4' -Tool $tool -InvokeFunction Auto -Confirm:$false
        $r.OutputText | Should -Be 'Get-ToolWeather returned: Sunny in Oslo for 4 day(s)'
    }

    It 'a function tool from a JSON schema is sent as given and its call comes back in FunctionCalls' {
        $tool = New-OpenAiTool lookup_order -Description 'Finds an order' -Parameters '{"type":"object","properties":{"number":{"type":"string"}},"required":["number"]}' -Strict
        $tool.Command | Should -BeNullOrEmpty
        $tool.ToJson() | Should -Be '{"type":"function","name":"lookup_order","description":"Finds an order","parameters":{"type":"object","properties":{"number":{"type":"string"}},"required":["number"]},"strict":true}'
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'lookup_order number=A-17' -Tool $tool -InvokeFunction Auto -Confirm:$false
        $r.FunctionCalls.Name | Should -Be 'lookup_order'
        ($r.FunctionCalls[0].Arguments | ConvertFrom-Json).number | Should -Be 'A-17'
        $chat = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'lookup_order number=B-2' -Tool $tool -Confirm:$false
        $chat.FunctionCalls.Name | Should -Be 'lookup_order'
    }

    It 'builds the built-in tools in the spec''s shapes, and Invoke-OpenAiResponse sends them as built' {
        $tools = @(
            New-OpenAiTool -FileSearch -VectorStoreId vs_1, vs_2 -MaxResults 5 -ScoreThreshold 0.5 -Filter @{ type = 'eq'; key = 'team'; value = 'support' }
            New-OpenAiTool -WebSearch -SearchContextSize low -AllowedDomain example.com -Country fr -City Paris -TimeZone Europe/Paris
            New-OpenAiTool -CodeInterpreter -FileId file-1 -MemoryLimit 4g
            New-OpenAiTool -CodeInterpreter -ContainerId cntr_1
            New-OpenAiTool -ImageGeneration -Model gpt-image-1 -Size 1024x1024 -Quality low -OutputFormat webp -Background transparent
            New-OpenAiTool -Mcp -ServerLabel docs -ServerUrl https://mcp.example.com/sse -AllowedTool search, fetch -RequireApproval never -ServerDescription 'Docs'
            New-OpenAiTool -Mcp -ServerLabel mail -ConnectorId connector_gmail
            New-OpenAiTool -Shell
            New-OpenAiTool -ApplyPatch
            New-OpenAiTool -Definition @{ type = 'computer_use_preview'; environment = 'browser'; display_width = 1024; display_height = 768 }
        )
        $tools.Type | Should -Be @('file_search', 'web_search', 'code_interpreter', 'code_interpreter', 'image_generation', 'mcp', 'mcp', 'shell', 'apply_patch', 'computer_use_preview')
        $json = $tools | ForEach-Object { $_.ToJson() | ConvertFrom-Json }
        $json[0].vector_store_ids | Should -Be @('vs_1', 'vs_2')
        $json[0].max_num_results | Should -Be 5
        $json[0].ranking_options.score_threshold | Should -Be 0.5
        $json[0].filters.key | Should -Be 'team'
        $json[1].search_context_size | Should -Be 'low'
        $json[1].filters.allowed_domains | Should -Be @('example.com')
        $json[1].user_location.type | Should -Be 'approximate'
        $json[1].user_location.country | Should -Be 'FR'
        $json[1].user_location.timezone | Should -Be 'Europe/Paris'
        $json[2].container.type | Should -Be 'auto'
        $json[2].container.file_ids | Should -Be @('file-1')
        $json[2].container.memory_limit | Should -Be '4g'
        $json[3].container | Should -Be 'cntr_1'
        $json[4].output_format | Should -Be 'webp'
        $json[5].server_url | Should -Be 'https://mcp.example.com/sse'
        $json[5].allowed_tools | Should -Be @('search', 'fetch')
        $json[5].require_approval | Should -Be 'never'
        $json[6].connector_id | Should -Be 'connector_gmail'
        $tools[5].Name | Should -Be 'docs'

        $since = Get-EmulatorSeq $emu
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'hello tools' -Tool $tools -Confirm:$false
        $r.OutputText | Should -Be 'You said: hello tools'
        $sent = @(Get-EmulatorLog $emu -Since $since)[0].body.tools
        ($sent | ForEach-Object { $_ | ConvertTo-Json -Depth 8 -Compress }) | Should -Be ($json | ForEach-Object { $_ | ConvertTo-Json -Depth 8 -Compress })
    }

    It 'bad input is an ErrorRecord with a stable id, and no tool' {
        $cases = @(
            @{ Id = 'OpenAiInvalidTool'; With = @{ Definition = @{ type = 'teleport' } } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Definition = '{"type":"file_search"}' } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Definition = @{ type = 'file_search'; vector_store_ids = @() } } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Definition = @{ type = 'mcp'; server_label = 'x' } } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Definition = '{not json' } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Name = 'has spaces' } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Mcp = $true; ServerLabel = 'x' } }
            @{ Id = 'OpenAiInvalidTool'; With = @{ Mcp = $true; ServerLabel = 'x'; ServerUrl = 'relative/path' } }
            @{ Id = 'OpenAiInvalidJsonSchema'; With = @{ Name = 'f'; Parameters = @{ type = 'object'; properties = @{ x = 'string' } } } }
            @{ Id = 'OpenAiInvalidJsonSchema'; With = @{ Name = 'f'; Parameters = @{ type = 'banana' } } }
            @{ Id = 'OpenAiInvalidJsonSchema'; With = @{ Name = 'f'; Parameters = @{ type = 'string' } } }
            @{ Id = 'OpenAiFunctionNotFound'; With = @{ Command = 'No-SuchCommandAnywhere' } }
            @{ Id = 'OpenAiInvalidArgument'; With = @{ CodeInterpreter = $true; ContainerId = 'cntr_1'; FileId = 'file-1' } }
        )
        foreach ($case in $cases) {
            $with = $case.With
            $because = $with | ConvertTo-Json -Compress -Depth 5
            $out = New-OpenAiTool @with -ErrorAction SilentlyContinue -ErrorVariable failure
            $out | Should -BeNullOrEmpty -Because $because
            $failure.Count | Should -Be 1 -Because $because
            $failure[0].FullyQualifiedErrorId | Should -BeLike "$($case.Id),*" -Because $because
        }
    }

    It 'the model cmdlets refuse bad tools before any request; chat completions refuse built-in tools' {
        $since = Get-EmulatorSeq $emu
        $search = New-OpenAiTool -WebSearch
        Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'x' -Tool $search -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable chat
        $chat[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTool,*'
        $chat[0].Exception.Message | Should -BeLike '*chat completions take only function tools*Invoke-OpenAiResponse*'
        Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'x' -Tool @{ type = 'file_search' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable missing
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTool,*'
        $missing[0].Exception.Message | Should -BeLike "*needs 'vector_store_ids'*"
        Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'x' -Tool @{ type = 'function'; name = 'f'; parameters = @{ type = 'object'; properties = @{ a = 1 } } } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable schema
        $schema[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidJsonSchema,*'
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }
}
