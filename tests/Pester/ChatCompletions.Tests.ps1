# Chat completions against the emulator's stand-in model: asking, streaming, function tools, conversations carried in
# History, and the stored completions (list, get, metadata, messages, delete).
Describe 'Chat completions against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'chat-tests'
        function script:Get-ChatPost([long] $Since) {
            @(Get-EmulatorLog $emu -Since $Since | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/chat/completions' })
        }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'Invoke-OpenAiChatCompletion writes a typed completion with the answer, usage and the conversation in History' {
        $c = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -SystemMessage 'Be brief.' -Message 'Hello there' -Confirm:$false
        $c | Should -BeOfType ([TrutoOpenAi.Core.Models.ChatCompletions.OpenAiChatCompletion])
        $c.Id | Should -BeLike 'chatcmpl-*'
        $c.Content | Should -Be 'You said: Hello there'
        $c.FinishReason | Should -Be 'stop'
        $c.Usage.TotalTokens | Should -Be ($c.Usage.PromptTokens + $c.Usage.CompletionTokens)
        $c.Usage.CompletionTokens | Should -BeGreaterThan 0
        $c.Created | Should -BeOfType ([DateTimeOffset])
        $c.History.Role | Should -Be @('system', 'user', 'assistant')
        $c.History.Content | Should -Be @('Be brief.', 'Hello there', 'You said: Hello there')
    }

    It 'a streamed completion equals the non-streamed one, its text reaches the host live and usage is kept' {
        $plain = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'stream me please, in several pieces' -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $streamed = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'stream me please, in several pieces' -Stream -Confirm:$false -InformationVariable live
        $streamed | Should -BeOfType ([TrutoOpenAi.Core.Models.ChatCompletions.OpenAiChatCompletion])
        $streamed.Content | Should -Be $plain.Content
        $streamed.FinishReason | Should -Be $plain.FinishReason
        $streamed.Model | Should -Be $plain.Model
        $streamed.Usage.PromptTokens | Should -Be $plain.Usage.PromptTokens
        $streamed.Usage.CompletionTokens | Should -Be $plain.Usage.CompletionTokens
        $streamed.History.Content | Should -Be $plain.History.Content
        $pieces = @($live | Where-Object { $_.Tags -contains 'PSHOST' } | ForEach-Object { $_.MessageData.Message })
        $pieces.Count | Should -BeGreaterThan 2 -Because 'the text arrives in several deltas'
        ($pieces -join '') | Should -Be $plain.Content
        $post = Get-ChatPost $since
        $post[0].body.stream | Should -BeTrue
        $post[0].body.stream_options.include_usage | Should -BeTrue
    }

    It '-StreamEvent writes the typed chunks, the last carrying the usage' {
        $events = @(Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'one two three' -StreamEvent -Confirm:$false)
        $events | ForEach-Object { $_ | Should -BeOfType ([TrutoOpenAi.Core.Streaming.OpenAiStreamEvent]) }
        ($events.Type | Select-Object -Unique) | Should -Be 'chat.completion.chunk'
        (@($events | ForEach-Object Delta) -join '') | Should -Be 'You said: one two three'
        $events[-1].Payload.GetProperty('choices').GetArrayLength() | Should -Be 0
        $events[-1].Payload.GetProperty('usage').GetProperty('total_tokens').GetInt32() | Should -BeGreaterThan 0
    }

    It 'piping a completion continues its History with the same model' {
        $first = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -SystemMessage 'Be brief.' -Message 'first' -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $second = $first | Invoke-OpenAiChatCompletion -Message 'second' -Confirm:$false
        $second.Content | Should -Be 'You said: second'
        $sent = (Get-ChatPost $since)[0].body
        $sent.model | Should -Be 'gpt-4o-mini'
        $sent.messages.role | Should -Be @('system', 'user', 'assistant', 'user')
        $sent.messages.content | Should -Be @('Be brief.', 'first', 'You said: first', 'second')
        $second.History.Count | Should -Be 5
        $third = $second | Invoke-OpenAiChatCompletion -SystemMessage 'Be verbose.' -Message 'third' -Confirm:$false
        $third.History[0].Content | Should -Be 'Be verbose.'
        @($third.History | Where-Object Role -eq 'system').Count | Should -Be 1
    }

    It 'a PowerShell function tool is called and its answer reaches the model, also while streaming' {
        function global:Get-TestWeather { param([Parameter(Mandatory)][string] $City, [int] $Days = 1) "Sunny in $City for $Days day(s)" }
        try {
            $since = Get-EmulatorSeq $emu
            $c = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'Get-TestWeather City=Paris Days=2' -Function Get-TestWeather -InvokeFunction Auto -Confirm:$false
            $c.Content | Should -Be 'Get-TestWeather returned: Sunny in Paris for 2 day(s)'
            $posts = Get-ChatPost $since
            $posts.Count | Should -Be 2
            $posts[0].body.tools[0].function.name | Should -Be 'Get-TestWeather'
            $posts[0].body.tools[0].function.parameters.required | Should -Be 'City'
            $call = $posts[1].body.messages[1].tool_calls[0]
            $posts[1].body.messages[2].role | Should -Be 'tool'
            $posts[1].body.messages[2].tool_call_id | Should -Be $call.id
            $posts[1].body.messages[2].content | Should -Be 'Sunny in Paris for 2 day(s)'
            $c.History.Role | Should -Be @('user', 'assistant', 'tool', 'assistant')

            $s = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'Get-TestWeather City=Rome' -Function Get-TestWeather -InvokeFunction Auto -Stream -Confirm:$false -InformationVariable live
            $s.Content | Should -BeLike 'Get-TestWeather returned: Sunny in Rome for * day(s)'
            (@($live | Where-Object { $_.Tags -contains 'PSHOST' } | ForEach-Object { $_.MessageData.Message }) -join '') | Should -Be $s.Content
        } finally { Remove-Item function:Get-TestWeather }
    }

    It 'without -InvokeFunction the completion carries the tool calls, streamed ones gathered by index, and nothing runs' {
        function global:Get-TestAlpha { param([string] $X) throw 'must not run' }
        function global:Get-TestBeta { param([string] $Y) throw 'must not run' }
        try {
            $message = 'Get-TestAlpha X=one and Get-TestBeta Y="two words"'
            $plain = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message $message -Function Get-TestAlpha, Get-TestBeta -Confirm:$false
            $plain.FinishReason | Should -Be 'tool_calls'
            $plain.FunctionCalls.Name | Should -Be @('Get-TestAlpha', 'Get-TestBeta')
            ($plain.FunctionCalls[1].Arguments | ConvertFrom-Json).Y | Should -Be 'two words'
            $streamed = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message $message -Function Get-TestAlpha, Get-TestBeta -Stream -Confirm:$false
            $streamed.FinishReason | Should -Be 'tool_calls'
            @($streamed.FunctionCalls | ForEach-Object { "$($_.CallId) $($_.Name) $($_.Arguments)" }) |
                Should -Be @($plain.FunctionCalls | ForEach-Object { "$($_.CallId) $($_.Name) $($_.Arguments)" })
            $streamed.Usage.TotalTokens | Should -Be $plain.Usage.TotalTokens
        } finally { Remove-Item function:Get-TestAlpha, function:Get-TestBeta }
    }

    It 'a function that throws sends its error to the model as the tool output and warns' {
        function global:Get-TestBroken { param([string] $X) throw 'disk on fire' }
        try {
            $c = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'Get-TestBroken X=1' -Function Get-TestBroken -InvokeFunction Auto -Stream -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue -InformationAction Ignore
            $c.Content | Should -Be 'Get-TestBroken returned: Error: disk on fire'
            $warned | Should -Not -BeNullOrEmpty
            "$warned" | Should -Match 'disk on fire'
        } finally { Remove-Item function:Get-TestBroken }
    }

    It 'a function loop that does not end stops at -MaxToolRound with an error' {
        function global:Get-TestLoop { 'again' }
        try {
            $since = Get-EmulatorSeq $emu
            $c = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message '[always-call] Get-TestLoop' -Function Get-TestLoop -InvokeFunction Auto -MaxToolRound 3 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
            $c | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiToolLoopLimit*'
            $err[0].TargetObject.FunctionCalls.Name | Should -Be 'Get-TestLoop'
            (Get-ChatPost $since).Count | Should -Be 3
        } finally { Remove-Item function:Get-TestLoop }
    }

    It 'structured output follows the JSON schema' {
        $schema = @{ type = 'object'; properties = @{ name = @{ type = 'string' }; age = @{ type = 'integer'; minimum = 1; maximum = 9 } }; required = @('name', 'age') }
        $since = Get-EmulatorSeq $emu
        $c = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'Describe name=Ada' -JsonSchema $schema -SchemaName person -Confirm:$false
        $value = $c.Content | ConvertFrom-Json
        $value.name | Should -Be 'Ada'
        $value.age | Should -BeGreaterOrEqual 1
        $value.age | Should -BeLessOrEqual 9
        $format = (Get-ChatPost $since)[0].body.response_format
        $format.type | Should -Be 'json_schema'
        $format.json_schema.name | Should -Be 'person'
    }

    It 'a completion cut at -MaxCompletionTokens is an ErrorRecord carrying it' {
        Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h' -MaxCompletionTokens 5 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiChatCompletionIncomplete*'
        $err[0].TargetObject.FinishReason | Should -Be 'length'
        $err[0].TargetObject.Content | Should -BeLike 'You said:*'
    }

    It 'a stream that stops early is an error carrying the completion as far as it arrived' {
        Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message '[drop-stream:4] a long enough answer to be cut' -Stream -Confirm:$false -InformationAction Ignore -ErrorVariable err -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiStreamInterrupted*'
        $partial = $err[0].TargetObject
        $partial | Should -BeOfType ([TrutoOpenAi.Core.Models.ChatCompletions.OpenAiChatCompletion])
        $partial.Content | Should -Not -BeNullOrEmpty
        'You said: [drop-stream:4] a long enough answer to be cut'.StartsWith($partial.Content) | Should -BeTrue -Because "'$($partial.Content)' is the start of the answer"
        $partial.FinishReason | Should -BeNullOrEmpty
    }

    It 'Stop() on a streaming pipeline ends it while the server still holds the stream open, and the emulator sees it closed' {
        # [hold] makes the emulator wait (up to 2 minutes) after the first text chunk: the stream is open until the client closes it.
        $since = Get-EmulatorSeq $emu
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($ModuleManifest).AddStatement()
            $null = $ps.AddCommand('Invoke-OpenAiChatCompletion').AddParameter('Model', 'gpt-4o-mini').AddParameter('Message', '[hold] keep streaming').
                AddParameter('Stream', $true).AddParameter('Connection', (Get-OpenAiConnection -Name 'chat-tests')).AddParameter('Confirm', $false)
            $async = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ($ps.Streams.Information.Count -eq 0 -and -not $async.IsCompleted -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $ps.Streams.Information.Count | Should -BeGreaterThan 0 -Because 'the first text arrived before the stream was held'
            $async.IsCompleted | Should -BeFalse -Because 'the server holds the stream open'
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            (@($ps.Streams.Information | ForEach-Object { $_.MessageData.Message }) -join '') | Should -Be 'You '
            # The emulator's own report (GET /_emulator/streams waits for the stream to end): closed by the client, mid-stream.
            $report = @(Invoke-EmulatorControl GET streams -Query @{ since = $since; wait_seconds = 25 } -Emulator $emu)
            $report.state | Should -Be 'closed_by_client'
            $report.held | Should -BeTrue
        } finally { $ps.Dispose() }
    }

    It 'sends -Image inline as an image_url part, with the other request options' {
        $png = Join-Path $TestDrive 'dot.png'
        [IO.File]::WriteAllBytes($png, [byte[]](0x89, 0x50, 0x4E, 0x47, 1, 2, 3))
        $since = Get-EmulatorSeq $emu
        $c = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'What is this?' -Image $png, 'https://example.com/cat.jpg' -Temperature 0.5 -N 2 -ReasoningEffort low -Confirm:$false
        $c.Choices.Count | Should -Be 2
        $body = (Get-ChatPost $since)[0].body
        $body.temperature | Should -Be 0.5
        $body.n | Should -Be 2
        $body.reasoning_effort | Should -Be 'low'
        $parts = $body.messages[0].content
        $parts[0].text | Should -Be 'What is this?'
        $parts[1].image_url.url | Should -Be ('data:image/png;base64,' + [Convert]::ToBase64String([IO.File]::ReadAllBytes($png)))
        $parts[2].image_url.url | Should -Be 'https://example.com/cat.jpg'
    }

    It 'bad input is refused before any request' {
        $since = Get-EmulatorSeq $emu
        Invoke-OpenAiChatCompletion -Message 'x' -Confirm:$false -ErrorVariable e1 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Messages @{ role = 'wizard'; content = 'hi' } -Confirm:$false -ErrorVariable e3 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Messages @{ role = 'tool'; content = 'hi' } -Confirm:$false -ErrorVariable e4 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -Tool @{ type = 'file_search' } -Confirm:$false -ErrorVariable e5 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -Tool @{ type = 'function'; function = @{ parameters = @{} } } -Confirm:$false -ErrorVariable e6 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -JsonSchema '{"type":"banana"}' -Confirm:$false -ErrorVariable e7 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -Image (Join-Path $TestDrive 'missing.png') -Confirm:$false -ErrorVariable e8 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -Image file-abc -Confirm:$false -ErrorVariable e9 -ErrorAction SilentlyContinue
        $many = @{}; 1..17 | ForEach-Object { $many["k$_"] = 'v' }
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -Metadata $many -Confirm:$false -ErrorVariable e10 -ErrorAction SilentlyContinue
        Invoke-OpenAiChatCompletion -Model m -Message 'x' -Function No-SuchCommand -Confirm:$false -ErrorVariable e11 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiMissingModel*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiMissingInput*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidMessage*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidMessage*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTool*'
        $e6[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTool*'
        $e7[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidJsonSchema*'
        $e8[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiImageNotFound*'
        $e9[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidImage*'
        $e10[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidMetadata*'
        $e11[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiFunctionNotFound*'
        foreach ($e in $e1, $e2, $e3, $e4, $e5, $e6, $e7, $e8, $e9, $e10, $e11) { $e[0].CategoryInfo.Category | Should -Be 'InvalidArgument' }
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }

    Context 'stored completions' {
        BeforeAll {
            $script:tag = [guid]::NewGuid().ToString('n').Substring(0, 8)
            $script:stored = @(1..3 | ForEach-Object {
                    Invoke-OpenAiChatCompletion -Model gpt-4o-mini -SystemMessage 'Be brief.' -Message "stored $_" -Store -Metadata @{ run = $tag; n = "$_" } -Confirm:$false })
            $null = Invoke-OpenAiChatCompletion -Model gpt-4.1-mini -Message 'other model' -Store -Metadata @{ run = $tag } -Confirm:$false
            $null = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'not stored' -Metadata @{ run = $tag } -Confirm:$false
        }

        It 'Get-OpenAiChatCompletion lists only stored completions, filtered by model and metadata, in either order' {
            $all = @(Get-OpenAiChatCompletion -Metadata @{ run = $tag })
            $all.Count | Should -Be 4
            $mine = @(Get-OpenAiChatCompletion -Model gpt-4o-mini -Metadata @{ run = $tag })
            $mine.Id | Should -Be $stored.Id
            $mine[0].Metadata['n'] | Should -Be '1'
            (Get-OpenAiChatCompletion -Model gpt-4o-mini -Metadata @{ run = $tag } -Order Descending).Id | Should -Be ($stored.Id[2, 1, 0])
            @(Get-OpenAiChatCompletion -Metadata @{ run = $tag; n = '2' }).Id | Should -Be $stored[1].Id
            $since = Get-EmulatorSeq $emu
            @(Get-OpenAiChatCompletion -Model gpt-4o-mini -Metadata @{ run = $tag } -PageSize 1 -First 2).Id | Should -Be $stored.Id[0, 1]
            $lists = @(Get-EmulatorLog $emu -Since $since)
            $lists.Count | Should -Be 2
            $lists[0].query | Should -Match 'metadata%5Brun%5D=|metadata\[run\]='
        }

        It 'Get-OpenAiChatCompletion gets by id, from the pipeline too, and an unknown id is a not-found error' {
            $one = Get-OpenAiChatCompletion -Id $stored[0].Id
            $one.Content | Should -Be 'You said: stored 1'
            ($stored[1] | Get-OpenAiChatCompletion).Id | Should -Be $stored[1].Id
            Get-OpenAiChatCompletion -Id 'chatcmpl-nope' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound*'
        }

        It 'Get-OpenAiChatCompletionMessage pages the messages it was asked with' {
            $messages = @($stored[2] | Get-OpenAiChatCompletionMessage -PageSize 1)
            $messages | ForEach-Object { $_ | Should -BeOfType ([TrutoOpenAi.Core.Models.ChatCompletions.OpenAiChatMessage]) }
            $messages.Role | Should -Be @('system', 'user')
            $messages.Content | Should -Be @('Be brief.', 'stored 3')
            $messages.Id | Should -Be @("$($stored[2].Id)-0", "$($stored[2].Id)-1")
            $messages.CompletionId | Should -Be @($stored[2].Id, $stored[2].Id)
            (Get-OpenAiChatCompletionMessage -CompletionId $stored[2].Id -Order Descending -First 1).Role | Should -Be 'user'
        }

        It 'a stored completion piped from Get-OpenAiChatCompletion continues from its stored messages' {
            $since = Get-EmulatorSeq $emu
            $next = Get-OpenAiChatCompletion -Id $stored[0].Id | Invoke-OpenAiChatCompletion -Message 'and then?' -Confirm:$false
            $next.Content | Should -Be 'You said: and then?'
            $sent = (Get-ChatPost $since)[0].body
            $sent.model | Should -Be 'gpt-4o-mini'
            $sent.messages.content | Should -Be @('Be brief.', 'stored 1', 'You said: stored 1', 'and then?')
        }

        It 'Set-OpenAiChatCompletion replaces the metadata, by id and from the pipeline' {
            $changed = Set-OpenAiChatCompletion -Id $stored[0].Id -Metadata @{ run = $tag; reviewed = 'yes' } -PassThru -Confirm:$false
            $changed.Metadata['reviewed'] | Should -Be 'yes'
            $changed.Metadata.ContainsKey('n') | Should -BeFalse
            (Get-OpenAiChatCompletion -Id $stored[0].Id).Metadata['reviewed'] | Should -Be 'yes'
            $stored[1] | Set-OpenAiChatCompletion -Metadata @{ run = $tag; n = 'two' } -Confirm:$false | Should -BeNullOrEmpty
            @(Get-OpenAiChatCompletion -Metadata @{ run = $tag; n = 'two' }).Id | Should -Be $stored[1].Id
            $since = Get-EmulatorSeq $emu
            Set-OpenAiChatCompletion -Id $stored[2].Id -Metadata @{ run = $tag } -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST').Count | Should -Be 0
        }

        It 'Remove-OpenAiChatCompletion deletes with -Force, honours -WhatIf and writes the deletion with -PassThru' {
            $since = Get-EmulatorSeq $emu
            Remove-OpenAiChatCompletion -Id $stored[2].Id -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
            $deletion = Remove-OpenAiChatCompletion -Id $stored[2].Id -Force -PassThru
            $deletion.Id | Should -Be $stored[2].Id
            $deletion.Deleted | Should -BeTrue
            $stored[1] | Remove-OpenAiChatCompletion -Force | Should -BeNullOrEmpty
            Get-OpenAiChatCompletion -Id $stored[2].Id -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound*'
            @(Get-OpenAiChatCompletion -Model gpt-4o-mini -Metadata @{ run = $tag }).Id | Should -Be $stored[0].Id
        }
    }
}
