# The Assistants family (assistants, threads, messages, runs, steps; retired by OpenAI on 2026-08-26) against the emulator:
# the beta header on every request, runs on the emulator clock, bad input, and the retirement error in retired mode.
Describe 'Assistants family against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        # The retired emulator first, the ordinary one last: it stays the current connection.
        $script:retired = Start-OpenAiEmulator -AssistantsRetired -Connect -Name 'assistants-retired'
        $script:retiredConnection = Get-OpenAiConnection -Name 'assistants-retired'
        $script:emu = Start-OpenAiEmulator -Connect -Name 'assistants-tests'
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
        Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
        $script:lookup = @{ type = 'function'; function = @{ name = 'get_weather'; parameters = @{ type = 'object'; properties = @{ city = @{ type = 'string' } }; required = @('city') } } }
        $script:plain = New-OpenAiAssistant -Model gpt-4o-mini -Name plain -Instructions 'Answer briefly.' -Confirm:$false
        $script:withTool = New-OpenAiAssistant -Model gpt-4o-mini -Name weather -Tool $lookup -Confirm:$false
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        $script:retired | Stop-OpenAiEmulator -Confirm:$false
    }

    Context 'Every request carries OpenAI-Beta: assistants=v2' {
        It 'Each cmdlet of the family sends the beta header (the emulator''s request log shows it on every request)' {
            $since = Get-EmulatorSeq $emu
            $a = New-OpenAiAssistant -Model gpt-4o-mini -Name header -Tool $lookup -Confirm:$false
            $a = $a | Set-OpenAiAssistant -Description 'checks headers' -Confirm:$false -PassThru
            $null = Get-OpenAiAssistant -First 1; $null = $a | Get-OpenAiAssistant
            $t = New-OpenAiThread -Message 'get_weather city=Oslo' -Confirm:$false
            $null = $t | Get-OpenAiThread; $null = $t | Set-OpenAiThread -Metadata @{ k = 'v' } -Confirm:$false -PassThru
            $m = $t | Add-OpenAiThreadMessage 'get_weather city=Bergen' -Confirm:$false
            $null = $m | Get-OpenAiThreadMessage; $null = $m | Set-OpenAiThreadMessage -Metadata @{ k = 'v' } -Confirm:$false -PassThru
            $r = $t | New-OpenAiThreadRun -AssistantId $a.Id -Confirm:$false
            $null = $r | Set-OpenAiThreadRun -Metadata @{ k = 'v' } -Confirm:$false -PassThru
            Set-EmulatorClock @{ advance_seconds = 3 }
            $r = $r | Wait-OpenAiThreadRun
            $outputs = @{}; foreach ($call in $r.ToolCalls) { $outputs[$call.Id] = 'sunny' }
            $null = $r | Submit-OpenAiThreadRunToolOutput -ToolOutput $outputs -Confirm:$false
            $null = $t | Get-OpenAiThreadRun; $null = $r | Get-OpenAiThreadRunStep | Get-OpenAiThreadRunStep
            $null = $t | New-OpenAiThreadRun -AssistantId $plain.Id -Confirm:$false -ErrorAction SilentlyContinue
            $null = $t | Get-OpenAiThreadRun -First 1 | Stop-OpenAiThreadRun -Confirm:$false -ErrorAction SilentlyContinue
            $m | Remove-OpenAiThreadMessage -Confirm:$false; $t | Remove-OpenAiThread -Confirm:$false; $a | Remove-OpenAiAssistant -Confirm:$false
            $family = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.path -match '^/v1/(assistants|threads)' })
            ($family.method | Sort-Object -Unique) | Should -Be @('DELETE', 'GET', 'POST')
            $family.Count | Should -BeGreaterThan 20
            $family | ForEach-Object { $_.headers.'openai-beta' | Should -Be 'assistants=v2' -Because "$($_.method) $($_.path)" }
            @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.path -match '^/v1/(assistants|threads)' -and $_.status -ge 400 -and $_.status -ne 400 }).Count | Should -Be 0
        }

        It 'The emulator refuses a request without the header, as the API did (400 invalid_beta)' {
            $key = ConvertFrom-SecureString $emu.ApiKey -AsPlainText
            $answer = Invoke-WebRequest -Uri "$($emu.BaseUri.ToString().TrimEnd('/'))/assistants" -Headers @{ Authorization = "Bearer $key" } -SkipHttpErrorCheck
            $answer.StatusCode | Should -Be 400
            $apiError = ($answer.Content | ConvertFrom-Json).error
            $apiError.code | Should -Be 'invalid_beta'
            $apiError.message | Should -BeLike "*OpenAI-Beta: assistants=v2*"
        }
    }

    Context 'Retirement' {
        It 'Against the retired API each cmdlet writes OpenAiApiRetired saying the API was retired on 2026-08-26 and naming the cmdlets that replace it' {
            $cases = @(
                @{ Run = { Get-OpenAiAssistant -Connection $retiredConnection }; Names = 'Invoke-OpenAiResponse' }
                @{ Run = { New-OpenAiAssistant -Model gpt-4o-mini -Connection $retiredConnection -Confirm:$false }; Names = 'Invoke-OpenAiResponse' }
                @{ Run = { New-OpenAiThread -Message hi -Connection $retiredConnection -Confirm:$false }; Names = 'New-OpenAiConversation' }
                @{ Run = { Get-OpenAiThread -Id thread_gone -Connection $retiredConnection }; Names = 'Get-OpenAiConversation' }
                @{ Run = { Add-OpenAiThreadMessage -ThreadId thread_gone -Content hi -Connection $retiredConnection -Confirm:$false }; Names = 'Add-OpenAiConversationItem' }
                @{ Run = { Get-OpenAiThreadMessage -ThreadId thread_gone -Connection $retiredConnection }; Names = 'Get-OpenAiConversationItem' }
                @{ Run = { New-OpenAiThreadRun -ThreadId thread_gone -AssistantId asst_gone -Connection $retiredConnection -Confirm:$false }; Names = 'Invoke-OpenAiResponse -ConversationId' }
                @{ Run = { Wait-OpenAiThreadRun -ThreadId thread_gone -Id run_gone -Connection $retiredConnection }; Names = 'Wait-OpenAiResponse' }
                @{ Run = { Get-OpenAiThreadRunStep -ThreadId thread_gone -RunId run_gone -Connection $retiredConnection }; Names = 'Get-OpenAiResponse' }
            )
            $ErrorActionPreference = 'Continue'
            foreach ($case in $cases) {
                $out = @(& $case.Run 2>&1)
                $failure = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
                $out.Count | Should -Be 1 -Because "$($case.Run) writes one error and nothing else"
                $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiApiRetired,*' -Because $case.Run
                $failure[0].CategoryInfo.Category | Should -Be 'NotImplemented'
                $failure[0].Exception.Message | Should -BeLike '*Assistants API was retired on 2026-08-26*'
                $failure[0].Exception.Message | Should -BeLike "*$($case.Names)*"
                $failure[0].ErrorDetails.RecommendedAction | Should -BeLike "*$($case.Names)*"
                $failure[0].Exception.InnerException.StatusCode | Should -Be 404
            }
        }

        It 'A missing object on the live API stays OpenAiNotFound: only a gone endpoint is a retirement' {
            Get-OpenAiAssistant -Id asst_missing -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            $failure[0].Exception.Message | Should -BeLike "*No assistant found with id 'asst_missing'*"
        }

        It 'The first line of each family cmdlet''s help says the API was retired on 2026-08-26' {
            $family = 'Get-OpenAiAssistant', 'New-OpenAiAssistant', 'Set-OpenAiAssistant', 'Remove-OpenAiAssistant',
                'Get-OpenAiThread', 'New-OpenAiThread', 'Set-OpenAiThread', 'Remove-OpenAiThread',
                'Get-OpenAiThreadMessage', 'Add-OpenAiThreadMessage', 'Set-OpenAiThreadMessage', 'Remove-OpenAiThreadMessage',
                'Get-OpenAiThreadRun', 'New-OpenAiThreadRun', 'Set-OpenAiThreadRun', 'Stop-OpenAiThreadRun', 'Wait-OpenAiThreadRun',
                'Get-OpenAiThreadRunStep', 'Submit-OpenAiThreadRunToolOutput'
            foreach ($name in $family) {
                (Get-Help $name).Synopsis | Should -BeLike 'Retired by OpenAI on 2026-08-26 (*' -Because $name
            }
        }
    }

    Context 'Assistants, threads and messages' {
        It 'New-OpenAiAssistant sends model, instructions and tools and writes a typed assistant; Set and Get follow' {
            $plain | Should -BeOfType ([TrutoOpenAi.Core.Models.Assistants.OpenAiAssistant])
            $plain.Id | Should -BeLike 'asst_*'
            $plain.AssistantId | Should -Be $plain.Id
            $withTool.Tools[0].GetProperty('function').GetProperty('name').GetString() | Should -Be 'get_weather'
            ($plain | Set-OpenAiAssistant -Name renamed -Confirm:$false -PassThru).Name | Should -Be 'renamed'
            (Get-OpenAiAssistant -Id $plain.Id).Name | Should -Be 'renamed'
            (@(Get-OpenAiAssistant -PageSize 1)).Id | Should -Contain $plain.Id
            $since = Get-EmulatorSeq $emu
            Set-OpenAiAssistant -Id $plain.Id -ErrorAction SilentlyContinue -ErrorVariable failure -PassThru
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'A thread keeps its messages in order; Add-OpenAiThreadMessage appends piped strings; Set and Remove act on one message' {
            $t = New-OpenAiThread -Message 'one' -Metadata @{ topic = 'order' } -Confirm:$false
            $t.ThreadId | Should -Be $t.Id
            'two', 'three' | Add-OpenAiThreadMessage -ThreadId $t.Id -Confirm:$false | Out-Null
            $messages = @($t | Get-OpenAiThreadMessage -Order Ascending)
            $messages.Text | Should -Be @('one', 'two', 'three')
            $messages[0].Role | Should -Be 'user'
            (@($t | Get-OpenAiThreadMessage)).Text | Should -Be @('three', 'two', 'one')
            ($messages[1] | Set-OpenAiThreadMessage -Metadata @{ seen = 'yes' } -Confirm:$false -PassThru).Metadata.seen | Should -Be 'yes'
            $messages[1] | Remove-OpenAiThreadMessage -Confirm:$false
            (@($t | Get-OpenAiThreadMessage -Order Ascending)).Text | Should -Be @('one', 'three')
            ($t | Set-OpenAiThread -Metadata @{ topic = 'changed' } -Confirm:$false -PassThru).Metadata.topic | Should -Be 'changed'
            ($t | Remove-OpenAiThread -Confirm:$false -PassThru).Deleted | Should -BeTrue
            Get-OpenAiThread -Id $t.Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'An id of the wrong kind is refused before any request: a thread id where a run id is expected' {
            $t = New-OpenAiThread -Confirm:$false
            $since = Get-EmulatorSeq $emu
            Get-OpenAiThreadRun -ThreadId $t.Id -RunId $t.Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWrongIdKind,*'
            $failure[0].Exception.Message | Should -BeLike "*'$($t.Id)' is a thread id, not a run id*"
            Stop-OpenAiThreadRun -ThreadId $t.Id -Id $t.Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable stopFailure
            $stopFailure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWrongIdKind,*'
            Wait-OpenAiThreadRun $t.Id $t.Id -ErrorAction SilentlyContinue -ErrorVariable waitFailure
            $waitFailure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWrongIdKind,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }
    }

    Context 'Runs' {
        It 'A run goes queued, in_progress, completed with the clock, writes the assistant''s message and records a step' {
            $t = New-OpenAiThread -Message 'Solve 3x + 11 = 14' -Confirm:$false
            $run = $t | New-OpenAiThreadRun -AssistantId $plain.Id -Confirm:$false
            $run | Should -BeOfType ([TrutoOpenAi.Core.Models.Assistants.OpenAiThreadRun])
            $run.Status | Should -Be 'queued'
            $run.RunId | Should -Be $run.Id
            Set-EmulatorClock @{ advance_seconds = 1 }
            ($run | Get-OpenAiThreadRun).Status | Should -Be 'in_progress'
            Set-EmulatorClock @{ advance_seconds = 1 }
            $done = $run | Wait-OpenAiThreadRun
            $done.Status | Should -Be 'completed'
            $done.CompletedAt | Should -BeOfType ([DateTimeOffset])
            $answer = $t | Get-OpenAiThreadMessage -RunId $run.Id
            $answer.Role | Should -Be 'assistant'
            $answer.RunId | Should -Be $run.Id
            $answer.Text | Should -Be 'You said: Solve 3x + 11 = 14'
            $steps = @($done | Get-OpenAiThreadRunStep)
            $steps.Count | Should -Be 1
            $steps[0].Type | Should -Be 'message_creation'
            $steps[0].StepDetails.GetProperty('message_creation').GetProperty('message_id').GetString() | Should -Be $answer.Id
            ($steps[0] | Get-OpenAiThreadRunStep).Id | Should -Be $steps[0].Id
        }

        It 'A function the user''s message names puts the run in requires_action; the outputs submitted finish it, and the steps record the call and its output' {
            $t = New-OpenAiThread -Message 'get_weather city=Oslo' -Confirm:$false
            $run = $t | New-OpenAiThreadRun -AssistantId $withTool.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 2 }
            $waiting = $run | Wait-OpenAiThreadRun
            $waiting.Status | Should -Be 'requires_action'
            $waiting.ToolCalls.Count | Should -Be 1
            $call = $waiting.ToolCalls[0]
            $call.Function.Name | Should -Be 'get_weather'
            ($call.Function.Arguments | ConvertFrom-Json).city | Should -Be 'Oslo'

            $since = Get-EmulatorSeq $emu
            $waiting | Submit-OpenAiThreadRunToolOutput -ToolOutput @{ call_unknown = 'x' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
            $failure[0].Exception.Message | Should -BeLike "*$($call.Id)*call_unknown*"
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).Count | Should -Be 0

            $resumed = $waiting | Submit-OpenAiThreadRunToolOutput -ToolOutput @{ $call.Id = '21 degrees' } -Confirm:$false
            $resumed.Status | Should -Be 'queued'
            (Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).body.tool_outputs[0].output | Should -Be '21 degrees'
            Set-EmulatorClock @{ advance_seconds = 2 }
            ($resumed | Wait-OpenAiThreadRun).Status | Should -Be 'completed'
            ($t | Get-OpenAiThreadMessage -RunId $run.Id).Text | Should -Be 'get_weather returned: 21 degrees'
            $steps = @($run | Get-OpenAiThreadRunStep)
            $steps.Type | Should -Be @('message_creation', 'tool_calls')
            $steps[1].Status | Should -Be 'completed'
            $steps[1].StepDetails.GetProperty('tool_calls')[0].GetProperty('function').GetProperty('output').GetString() | Should -Be '21 degrees'
        }

        It 'A message to a thread with an active run is refused with the API''s own message' {
            $t = New-OpenAiThread -Message 'Bergen' -Confirm:$false
            $run = $t | New-OpenAiThreadRun -AssistantId $withTool.Id -Confirm:$false
            $t | Add-OpenAiThreadMessage 'one more' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $failure[0].Exception.Message | Should -BeLike "*Can't add messages to $($t.Id) while a run $($run.Id) is active*"
        }

        It 'Stop-OpenAiThreadRun cancels an active run (cancelling, then cancelled); a run already ended is refused before any request' {
            $t = New-OpenAiThread -Message 'Paris' -Confirm:$false
            $run = $t | New-OpenAiThreadRun -AssistantId $withTool.Id -Confirm:$false
            ($run | Stop-OpenAiThreadRun -Confirm:$false -PassThru).Status | Should -Be 'cancelling'
            Set-EmulatorClock @{ advance_seconds = 1 }
            $run | Wait-OpenAiThreadRun -WarningVariable warned -WarningAction SilentlyContinue | ForEach-Object Status | Should -Be 'cancelled'
            $warned[0] | Should -BeLike '*cancelled*'
            $since = Get-EmulatorSeq $emu
            $run | Stop-OpenAiThreadRun -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiRunAlreadyEnded,*'
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).Count | Should -Be 0
        }

        It 'Failed, incomplete and expired runs are OpenAiThreadRunFailed errors carrying last_error, never quiet objects' {
            $t = New-OpenAiThread -Message 'hi' -Confirm:$false
            $failedRun = $t | New-OpenAiThreadRun -AssistantId $plain.Id -Model no-such-model -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 2 }
            $failedRun | Wait-OpenAiThreadRun -ErrorAction SilentlyContinue -ErrorVariable failed | Should -BeNullOrEmpty
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiThreadRunFailed,*'
            $failed[0].Exception.ErrorCode | Should -Be 'invalid_prompt'
            $failed[0].Exception.Message | Should -BeLike '*(failed): invalid_prompt: The model*no-such-model*does not exist*'
            $failed[0].TargetObject.LastError.Code | Should -Be 'invalid_prompt'

            $long = New-OpenAiThread -Message ('word ' * 300) -Confirm:$false
            $short = $long | New-OpenAiThreadRun -AssistantId $plain.Id -MaxCompletionTokens 256 -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 2 }
            $short | Wait-OpenAiThreadRun -ErrorAction SilentlyContinue -ErrorVariable incomplete | Should -BeNullOrEmpty
            $incomplete[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiThreadRunFailed,*'
            $incomplete[0].Exception.Message | Should -BeLike '*(incomplete)*max_completion_tokens*'
            # The spec's floor (CreateRunRequest.max_completion_tokens minimum 256): the cmdlet refuses less, and so does the API.
            { $long | New-OpenAiThreadRun -AssistantId $plain.Id -MaxCompletionTokens 255 -Confirm:$false } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
            Invoke-OpenAiRequest -Method POST -Path "threads/$($long.Id)/runs" -Body @{ assistant_id = $plain.Id; max_completion_tokens = 255 } -ErrorVariable low -ErrorAction SilentlyContinue
            $low[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $low[0].Exception.Message | Should -BeLike '*max_completion_tokens*>= 256*'

            $asked = New-OpenAiThread -Message '[fail] please' -Confirm:$false | New-OpenAiThreadRun -AssistantId $plain.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 2 }
            $asked | Wait-OpenAiThreadRun -ErrorAction SilentlyContinue -ErrorVariable serverError | Should -BeNullOrEmpty
            $serverError[0].Exception.ErrorCode | Should -Be 'server_error'
            $serverError[0].Exception.Message | Should -BeLike '*server_error: The stand-in model was asked to fail.*'

            $slow = New-OpenAiThread -Message 'get_weather city=Rome' -Confirm:$false | New-OpenAiThreadRun -AssistantId $withTool.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 601 }
            $slow | Wait-OpenAiThreadRun -ErrorAction SilentlyContinue -ErrorVariable expired | Should -BeNullOrEmpty
            $expired[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiThreadRunFailed,*'
            $expired[0].TargetObject.Status | Should -Be 'expired'
        }
    }
}
