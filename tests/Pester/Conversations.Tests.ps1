# Conversations and their items against the emulator: create/get/set/remove, items added 20 per request in order,
# listing in both orders with paging, item removal, -WhatIf, and bad input refused before any request.
Describe 'Conversations against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'conversations-tests'
        # The requests this file's cmdlets sent since $Since, oldest first.
        function script:Get-Sent([long] $Since, [string] $Method) {
            @(Get-EmulatorLog $emu -Since $Since | Where-Object { $_.path -like '/v1/conversations*' -and (-not $Method -or $_.method -eq $Method) })
        }
        function script:Get-Transcript([string] $ConversationId) {
            @(Get-OpenAiConversationItem -ConversationId $ConversationId -Order Ascending | ForEach-Object Text)
        }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'New-OpenAiConversation writes a typed conversation with its metadata, and its messages are its first items' {
        $c = New-OpenAiConversation -Message 'Hello!', 'How are you?' -Metadata @{ topic = 'demo' } -Confirm:$false
        $c | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiConversation])
        $c.Id | Should -BeLike 'conv_*'
        $c.ConversationId | Should -Be $c.Id
        $c.CreatedAt | Should -BeOfType ([DateTimeOffset])
        $c.CreatedAt.Year | Should -BeGreaterThan 2020
        $c.Metadata['topic'] | Should -Be 'demo'
        $items = @(Get-OpenAiConversationItem -ConversationId $c.Id -Order Ascending)
        $items.Text | Should -Be @('Hello!', 'How are you?')
        $items.Role | Should -Be @('user', 'user')
        $items.ConversationId | Should -Be @($c.Id, $c.Id)
        (Get-OpenAiConversation -Id $c.Id).Metadata['topic'] | Should -Be 'demo'
    }

    It 'piped items are sent 20 per request, in input order' {
        $c = New-OpenAiConversation -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $texts = 1..45 | ForEach-Object { "note $_" }
        $texts | ForEach-Object { @{ role = 'user'; content = $_ } } | Add-OpenAiConversationItem -ConversationId $c.Id -Confirm:$false
        $posts = @(Get-Sent $since POST)
        $posts.Count | Should -Be 3
        $posts | ForEach-Object { $_.path } | Should -Be (@("/v1/conversations/$($c.Id)/items") * 3)
        $posts | ForEach-Object { @($_.body.items).Count } | Should -Be @(20, 20, 5)
        (@($posts | ForEach-Object { $_.body.items } | ForEach-Object content)) | Should -Be $texts
        Get-Transcript $c.Id | Should -Be $texts
    }

    It 'more than 20 items in one -Item array are split, never refused by the API, and -PassThru writes them with ids in order' {
        $c = New-OpenAiConversation -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $items = 1..25 | ForEach-Object { @{ type = 'message'; role = 'assistant'; content = "answer $_" } }
        $added = @(Add-OpenAiConversationItem -ConversationId $c.Id -Item $items -PassThru -Confirm:$false -ErrorVariable failed)
        $failed | Should -BeNullOrEmpty
        (Get-Sent $since POST | ForEach-Object { @($_.body.items).Count }) | Should -Be @(20, 5)
        $added.Count | Should -Be 25
        $added.Text | Should -Be (1..25 | ForEach-Object { "answer $_" })
        $added.Role | Select-Object -Unique | Should -Be 'assistant'
        $added | ForEach-Object { $_.Id | Should -Match '^msg_' }
        $added.ConversationId | Select-Object -Unique | Should -Be $c.Id
    }

    It 'piped strings are messages of -Role, and a piped conversation binds -ConversationId' {
        $c = New-OpenAiConversation -Confirm:$false
        'first', 'second' | Add-OpenAiConversationItem -ConversationId $c.Id -Confirm:$false
        $c | Add-OpenAiConversationItem -Message 'third' -Role developer -Confirm:$false
        $items = @($c | Get-OpenAiConversationItem -Order Ascending)
        $items.Text | Should -Be @('first', 'second', 'third')
        $items.Role | Should -Be @('user', 'user', 'developer')
    }

    It 'New-OpenAiConversation with more than 20 items creates with 20 and adds the rest in order' {
        $since = Get-EmulatorSeq $emu
        $texts = 1..30 | ForEach-Object { "line $_" }
        $c = New-OpenAiConversation -Message $texts -Confirm:$false
        $sent = @(Get-Sent $since POST)
        $sent.Count | Should -Be 2
        $sent[0].path | Should -Be '/v1/conversations'
        @($sent[0].body.items).Count | Should -Be 20
        $sent[1].path | Should -Be "/v1/conversations/$($c.Id)/items"
        @($sent[1].body.items).Count | Should -Be 10
        Get-Transcript $c.Id | Should -Be $texts
    }

    It 'items read from one conversation are copied into another without their ids' {
        $from = New-OpenAiConversation -Message 'alpha', 'beta' -Confirm:$false
        $to = New-OpenAiConversation -Confirm:$false
        $original = @($from | Get-OpenAiConversationItem -Order Ascending)
        $copies = @($original | Add-OpenAiConversationItem -ConversationId $to.Id -PassThru -Confirm:$false)
        $copies.Text | Should -Be @('alpha', 'beta')
        $copies.ConversationId | Select-Object -Unique | Should -Be $to.Id
        @($copies.Id | Where-Object { $_ -in $original.Id }) | Should -BeNullOrEmpty
        @(Get-OpenAiConversationItem -ConversationId $from.Id).Count | Should -Be 2
    }

    It 'Get-OpenAiConversationItem lists newest first by default, pages with -PageSize, and -First stops the requests' {
        $texts = 1..12 | ForEach-Object { "item $_" }
        $c = New-OpenAiConversation -Message $texts -Confirm:$false
        (@(Get-OpenAiConversationItem -ConversationId $c.Id).Text) | Should -Be ($texts[11..0])
        $since = Get-EmulatorSeq $emu
        (@(Get-OpenAiConversationItem -ConversationId $c.Id -Order Ascending -PageSize 5).Text) | Should -Be $texts
        $pages = @(Get-Sent $since GET)
        $pages.Count | Should -Be 3
        $pages[0].query | Should -Match 'order=asc'
        $pages[1].query | Should -Match 'after='
        $since = Get-EmulatorSeq $emu
        (@(Get-OpenAiConversationItem -ConversationId $c.Id -Order Ascending -First 3).Text) | Should -Be $texts[0..2]
        $one = @(Get-Sent $since GET)
        $one.Count | Should -Be 1
        $one[0].query | Should -Match 'limit=3'
    }

    It 'Get-OpenAiConversationItem -Id gets items, and an unknown id is an OpenAiNotFound error for that id only' {
        $c = New-OpenAiConversation -Message 'only' -Confirm:$false
        $item = $c | Get-OpenAiConversationItem -First 1
        $got = @(Get-OpenAiConversationItem -ConversationId $c.Id -Id 'msg_missing', $item.Id -ErrorVariable err -ErrorAction SilentlyContinue)
        $got.Count | Should -Be 1
        $got[0].Text | Should -Be 'only'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound*'
        $err[0].TargetObject | Should -Be 'msg_missing'
    }

    It 'Set-OpenAiConversation replaces the metadata, piped or by id' {
        $c = New-OpenAiConversation -Metadata @{ topic = 'demo'; stage = 'draft' } -Confirm:$false
        $changed = $c | Set-OpenAiConversation -Metadata @{ topic = 'support' } -PassThru -Confirm:$false
        $changed.Metadata.Keys | Should -Be @('topic')
        $changed.Metadata['topic'] | Should -Be 'support'
        Set-OpenAiConversation -Id $c.Id -Metadata @{ ticket = '42' } -Confirm:$false | Should -BeNullOrEmpty
        (Get-OpenAiConversation -Id $c.Id).Metadata['ticket'] | Should -Be '42'
    }

    It 'Remove-OpenAiConversation deletes, -WhatIf sends nothing, and the deleted conversation is not found' {
        $c = New-OpenAiConversation -Message 'bye' -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $c | Remove-OpenAiConversation -WhatIf
        @(Get-Sent $since DELETE).Count | Should -Be 0
        $deletion = $c | Remove-OpenAiConversation -Force -PassThru
        $deletion.Deleted | Should -BeTrue
        $deletion.Id | Should -Be $c.Id
        Get-OpenAiConversation -Id $c.Id -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound*'
    }

    It 'Remove-OpenAiConversationItem deletes piped items with one DELETE each and no lookup' {
        $c = New-OpenAiConversation -Message 'keep', 'drop', 'drop' -Confirm:$false
        $doomed = @($c | Get-OpenAiConversationItem | Where-Object Text -eq 'drop')
        $since = Get-EmulatorSeq $emu
        $answers = @($doomed | Remove-OpenAiConversationItem -Force -PassThru)
        $sent = @(Get-Sent $since)
        $sent.method | Should -Be @('DELETE', 'DELETE')
        $answers[-1] | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiConversation])
        Get-Transcript $c.Id | Should -Be @('keep')
        $since = Get-EmulatorSeq $emu
        $keep = $c | Get-OpenAiConversationItem -First 1
        Remove-OpenAiConversationItem -ConversationId $c.Id -Id $keep.Id -WhatIf
        @(Get-Sent $since DELETE).Count | Should -Be 0
    }

    It '-WhatIf on New and Add sends nothing' {
        $c = New-OpenAiConversation -Confirm:$false
        $since = Get-EmulatorSeq $emu
        New-OpenAiConversation -Message 'x' -WhatIf | Should -BeNullOrEmpty
        1..45 | ForEach-Object { "w $_" } | Add-OpenAiConversationItem -ConversationId $c.Id -WhatIf | Should -BeNullOrEmpty
        @(Get-Sent $since).Count | Should -Be 0
        @(Get-OpenAiConversationItem -ConversationId $c.Id).Count | Should -Be 0
    }

    It 'a failed request stops the adding: nothing after it is sent, so the order holds, and the items left out are counted' {
        $c = New-OpenAiConversation -Confirm:$false
        $since = Get-EmulatorSeq $emu
        $items = @(1..20 | ForEach-Object { @{ role = 'user'; content = "ok $_" } }) + @(@{ type = 'function_call_output'; call_id = 'call_1' }) +
            @(22..45 | ForEach-Object { @{ role = 'user'; content = "late $_" } })
        $items | Add-OpenAiConversationItem -ConversationId $c.Id -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        (Get-Sent $since POST).Count | Should -Be 2
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest*'
        $err[1].FullyQualifiedErrorId | Should -BeLike 'OpenAiItemsNotAdded*'
        $err[1].Exception.Message | Should -BeLike '5 item(s)*'
        (Get-Transcript $c.Id).Count | Should -Be 20
    }

    It 'bad input is refused before any request' {
        $c = New-OpenAiConversation -Confirm:$false
        $since = Get-EmulatorSeq $emu
        New-OpenAiConversation -Item @{ content = 'no role' } -Confirm:$false -ErrorVariable e1 -ErrorAction SilentlyContinue
        New-OpenAiConversation -Item @{ role = 'narrator'; content = 'x' } -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
        New-OpenAiConversation -Item '{not json' -Confirm:$false -ErrorVariable e3 -ErrorAction SilentlyContinue
        $tooMany = @{}; 1..17 | ForEach-Object { $tooMany["k$_"] = 'v' }
        New-OpenAiConversation -Metadata $tooMany -Confirm:$false -ErrorVariable e4 -ErrorAction SilentlyContinue
        Set-OpenAiConversation -Id $c.Id -Metadata @{ ('k' * 65) = 'v' } -Confirm:$false -ErrorVariable e5 -ErrorAction SilentlyContinue
        Add-OpenAiConversationItem -ConversationId $c.Id -Item @{ role = 'user' } -Confirm:$false -ErrorVariable e6 -ErrorAction SilentlyContinue
        Get-OpenAiConversationItem -ConversationId $c.Id -PageSize 101 -ErrorVariable e7 -ErrorAction SilentlyContinue
        Get-OpenAiConversation -Id 'conv/../x' -ErrorVariable e8 -ErrorAction SilentlyContinue
        $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidInputItem*'
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidInputItem*'
        $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidInputItem*'
        $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidMetadata*'
        $e5[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidMetadata*'
        $e6[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidInputItem*'
        $e6[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $e7[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidPageSize*'
        $e8 | Should -Not -BeNullOrEmpty
        @(Get-Sent $since).Count | Should -Be 0
    }

    It 'Invoke-OpenAiResponse -ConversationId answers within a conversation made here and appends to it' {
        $c = New-OpenAiConversation -Role system -Message 'Be brief.' -Confirm:$false
        $r = Invoke-OpenAiResponse -Model gpt-4o-mini -ConversationId $c.Id -Message 'Hello' -Confirm:$false
        $r.OutputText | Should -Be 'You said: Hello'
        Get-Transcript $c.Id | Should -Be @('Be brief.', 'Hello', 'You said: Hello')
    }

    Context 'Get-OpenAiResponseInputItem' {
        It 'lists a piped response''s input items, newest first by default and in sent order with -Order Ascending, each carrying ResponseId' {
            $inputs = 1..5 | ForEach-Object { @{ role = 'user'; content = "part $_" } }
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -InputItem $inputs -Confirm:$false
            $newest = @($r | Get-OpenAiResponseInputItem)
            $newest.Text | Should -Be (5..1 | ForEach-Object { "part $_" })
            $newest[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiResponseItem])
            $newest.ResponseId | Select-Object -Unique | Should -Be $r.Id
            $since = Get-EmulatorSeq $emu
            (@(Get-OpenAiResponseInputItem -ResponseId $r.Id -Order Ascending -PageSize 2).Text) | Should -Be (1..5 | ForEach-Object { "part $_" })
            $pages = @(Get-EmulatorLog $emu -Since $since | Where-Object path -eq "/v1/responses/$($r.Id)/input_items")
            $pages.Count | Should -Be 3
            $pages | ForEach-Object { $_.query | Should -Match 'order=asc' }
        }

        It 'input items pipe into a conversation in order, and an unknown response is an OpenAiNotFound error' {
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -InputItem @(@{ role = 'developer'; content = 'rules' }, @{ role = 'user'; content = 'question' }) -Confirm:$false
            $c = New-OpenAiConversation -Confirm:$false
            $r | Get-OpenAiResponseInputItem -Order Ascending | Add-OpenAiConversationItem -ConversationId $c.Id -Confirm:$false
            $items = @($c | Get-OpenAiConversationItem -Order Ascending)
            $items.Role | Should -Be @('developer', 'user')
            $items.Text | Should -Be @('rules', 'question')
            Get-OpenAiResponseInputItem -ResponseId 'resp_missing' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound*'
        }
    }

    Context 'Measure-OpenAiResponseInput and Compress-OpenAiResponse' {
        It 'Measure-OpenAiResponseInput counts what the response would be charged, one request per piped prompt, creating nothing' {
            $answered = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'How many tokens is this?' -Instructions 'Be brief.' -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $count = Measure-OpenAiResponseInput -Model gpt-4o-mini -Message 'How many tokens is this?' -Instructions 'Be brief.'
            $count | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiResponseInputTokens])
            $count.InputTokens | Should -Be $answered.Usage.InputTokens
            $counts = @('short', 'a much longer prompt with many more words in it to count' | Measure-OpenAiResponseInput -Model gpt-4o-mini)
            $counts.Count | Should -Be 2
            $counts[1].InputTokens | Should -BeGreaterThan $counts[0].InputTokens
            $sent = @(Get-EmulatorLog $emu -Since $since)
            $sent.path | Select-Object -Unique | Should -Be '/v1/responses/input_tokens'
            $sent.Count | Should -Be 3
        }

        It 'Measure-OpenAiResponseInput counts a conversation''s items too' {
            $c = New-OpenAiConversation -Message 'earlier words in this conversation', 'and some more of them' -Confirm:$false
            $alone = (Measure-OpenAiResponseInput -Model gpt-4o-mini -Message 'next').InputTokens
            $within = ($c | Measure-OpenAiResponseInput -Model gpt-4o-mini -Message 'next').InputTokens
            $within | Should -BeGreaterThan $alone
        }

        It 'Compress-OpenAiResponse compacts a piped response, and its Output carries the exchange into the next response' {
            $r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Plan the launch' -Confirm:$false
            $k = $r | Compress-OpenAiResponse -Confirm:$false
            $k | Should -BeOfType ([TrutoOpenAi.Core.Models.Responses.OpenAiCompaction])
            $k.CreatedAt | Should -BeOfType ([DateTimeOffset])
            $k.Output.Type | Should -Be @('message', 'compaction')
            $k.Output[0].Text | Should -Be 'Plan the launch'
            $k.Usage.InputTokens | Should -BeGreaterThan 0
            $since = Get-EmulatorSeq $emu
            $next = Invoke-OpenAiResponse -Model gpt-4o-mini -InputItem $k.Output -Message 'And then?' -Confirm:$false
            $next.Status | Should -Be 'completed'
            $sent = @(Get-EmulatorLog $emu -Since $since)
            @($sent[0].body.input | Where-Object type -eq 'compaction').Count | Should -Be 1
        }

        It 'bad input to Measure and Compress is refused before any request, and Compress -WhatIf sends nothing' {
            $since = Get-EmulatorSeq $emu
            Measure-OpenAiResponseInput -Model gpt-4o-mini -ErrorVariable e1 -ErrorAction SilentlyContinue
            Measure-OpenAiResponseInput -Model gpt-4o-mini -Message 'x' -ResponseId resp_1 -ConversationId conv_1 -ErrorVariable e2 -ErrorAction SilentlyContinue
            Compress-OpenAiResponse -ResponseId resp_1 -Confirm:$false -ErrorVariable e3 -ErrorAction SilentlyContinue
            Compress-OpenAiResponse -Model gpt-4o-mini -InputItem @{ role = 'pirate'; content = 'arr' } -Confirm:$false -ErrorVariable e4 -ErrorAction SilentlyContinue
            Compress-OpenAiResponse -Model gpt-4o-mini -Message 'x' -WhatIf | Should -BeNullOrEmpty
            $e1[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiMissingInput*'
            $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument*'
            $e3[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiMissingModel*'
            $e4[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidInputItem*'
            $e4[0].Exception.Message | Should -BeLike '-InputItem *'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }
    }

    Context 'Wait-OpenAiResponse' {
        BeforeAll {
            # Each request moves the emulator clock by -Seconds, so a background response (queued 1 s, in progress until
            # 3 s) ends after a known number of polls whatever the wall time; 0 stops the clock.
            function script:Set-ClockTick([int] $Seconds) { $null = Invoke-EmulatorControl POST 'clock' -Body @{ tick_seconds = $Seconds } -Emulator $emu }
        }
        AfterEach { Set-ClockTick 0 }

        It 'waits for a piped background response, showing its status, and writes it completed' {
            Set-ClockTick 1
            $bg = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'a background answer' -Background -Confirm:$false
            $bg.Status | Should -BeIn 'queued', 'in_progress'
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
                $null = $ps.AddCommand('Wait-OpenAiResponse').AddParameter('Id', $bg.Id).AddParameter('PollInterval', 0.05).AddParameter('Connection', (Get-OpenAiConnection -Current))
                $out = @($ps.Invoke())
                $ps.Streams.Error | Should -BeNullOrEmpty
                $out.Count | Should -Be 1
                $out[0].Status | Should -Be 'completed'
                $out[0].OutputText | Should -Be 'You said: a background answer'
                $progress = @($ps.Streams.Progress | Where-Object { $_.Activity -eq 'Wait-OpenAiResponse' -and $_.RecordType -eq 'Processing' })
                ($progress.StatusDescription | ForEach-Object { ($_ -split ' ')[0] } | Select-Object -Unique) | Should -Be @('in_progress', 'completed')
                $progress[0].CurrentOperation | Should -Be "Waiting for response $($bg.Id)"
            }
            finally { $ps.Dispose() }
        }

        It 'a failed, an incomplete and a cancelled response are OpenAiResponseFailed errors carrying the response' {
            Set-ClockTick 1
            $failed = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'please [fail]' -Background -Confirm:$false
            $short = Invoke-OpenAiResponse -Model gpt-4o-mini -Message ('word ' * 40) -MaxOutputTokens 16 -Background -Confirm:$false
            $stopped = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'never mind' -Background -Confirm:$false | Stop-OpenAiResponse -Force -PassThru
            $out = @($failed, $short, $stopped | Wait-OpenAiResponse -PollInterval 0.05 -ErrorVariable err -ErrorAction SilentlyContinue)
            $out | Should -BeNullOrEmpty
            $err.Count | Should -Be 3
            $err | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'OpenAiResponseFailed*' }
            # Several responses may be waited for at once: match the errors by the response they carry.
            $byId = @{}; foreach ($e in $err) { $byId[$e.TargetObject.Id] = $e }
            $byId[$failed.Id].TargetObject.Status | Should -Be 'failed'
            $byId[$failed.Id].Exception.ErrorCode | Should -Be 'server_error'
            $byId[$short.Id].TargetObject.Status | Should -Be 'incomplete'
            $byId[$short.Id].Exception.Message | Should -BeLike '*incomplete*max_output_tokens*'
            $byId[$short.Id].TargetObject.OutputText | Should -BeLike 'You said:*'
            $byId[$stopped.Id].TargetObject.Status | Should -Be 'cancelled'
            $byId[$stopped.Id].Exception.Message | Should -BeLike '*cancelled*'
        }

        It '-Timeout gives up with OpenAiWaitTimeout while the response goes on' {
            # The clock stands still (no tick, no wall time): the response stays queued however long the wait.
            $null = Invoke-EmulatorControl POST 'clock' -Body @{ now = (Invoke-EmulatorControl GET 'clock' -Emulator $emu).now } -Emulator $emu
            $bg = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'slow' -Background -Confirm:$false
            $bg | Wait-OpenAiResponse -Timeout 1 -PollInterval 0.2 -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWaitTimeout*'
            $err[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            (Get-OpenAiResponse -Id $bg.Id).Status | Should -Be 'queued'
        }
    }
}
