# Help-example world: the assistants family. 'Weather' (a get_weather function tool) and a scratch assistant; a thread
# with a completed run, and another whose run waits for a tool output (requires_action).
@{
    Order = 26   # before Platform (30): its clock moves (35 s) end the runs made here (queued 1 s, in_progress 1 s)
    Setup = {
        param($World)
        $lookup = @{ type = 'function'; function = @{ name = 'get_weather'; description = 'The weather in a city.'
                parameters = @{ type = 'object'; properties = @{ city = @{ type = 'string' } }; required = @('city') } } }
        $assistant = New-OpenAiAssistant -Model gpt-4o-mini -Name 'Weather' -Instructions 'Answer briefly.' -Tool $lookup -Confirm:$false
        $World.AssistantId = $assistant.Id
        $null = New-OpenAiAssistant -Model gpt-4o-mini -Name 'test-scratch' -Confirm:$false
        $thread = New-OpenAiThread -Message 'What is 2 + 2?' -Metadata @{ customer = '41' } -Confirm:$false
        $World.ThreadId = $thread.Id
        $World.ThreadRunId = ($thread | New-OpenAiThreadRun -AssistantId $assistant.Id -Confirm:$false).Id
        $waiting = New-OpenAiThread -Message 'get_weather city=Oslo' -Confirm:$false
        $World.WaitingThreadId = $waiting.Id
        $null = $waiting | New-OpenAiThreadRun -AssistantId $assistant.Id -Confirm:$false
    }
    Placeholders = [ordered]@{
        'asst_abc123\b'    = { param($World) $World.AssistantId }
        # thread_abc123 is the thread whose run completed, except in examples that look for runs waiting on tool outputs.
        'thread_abc123\b'  = { param($World, $Code) if ($Code -match 'requires_action') { $World.WaitingThreadId } else { $World.ThreadId } }
        '\brun_abc123\b'   = { param($World) $World.ThreadRunId }
    }
}
