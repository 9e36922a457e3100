# Help-example world: chat completions. One stored completion tagged team=support (the id behind chatcmpl-abc123), and
# one tagged stage=test for the removal examples.
@{
    Order = 45
    Setup = {
        param($World)
        $support = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -SystemMessage 'Answer briefly.' -Message 'How do I reset my password?' -Store -Metadata @{ team = 'support' } -Confirm:$false
        $World.ChatCompletionId = $support.Id
        $null = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'scratch' -Store -Metadata @{ stage = 'test' } -Confirm:$false
    }
    Placeholders = [ordered]@{
        'chatcmpl-abc123\b' = { param($World) $World.ChatCompletionId }
    }
}
