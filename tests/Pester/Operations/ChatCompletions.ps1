# How to perform each chat-completions operation, for Catalog.Tests.ps1.
$newStored = { Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'catalog' -Store -Confirm:$false }
@{
    create_a_openai_chat_completion          = { param($ctx) Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'catalog' -Confirm:$false | Out-Null }
    list_all_openai_chat_completions         = { param($ctx) & $newStored | Out-Null; Get-OpenAiChatCompletion -First 1 | Out-Null }.GetNewClosure()
    get_single_openai_chat_completion_by_id  = { param($ctx) & $newStored | Get-OpenAiChatCompletion | Out-Null }.GetNewClosure()
    update_a_openai_chat_completion_by_id    = { param($ctx) & $newStored | Set-OpenAiChatCompletion -Metadata @{ catalog = 'yes' } -Confirm:$false }.GetNewClosure()
    delete_a_openai_chat_completion_by_id    = { param($ctx) & $newStored | Remove-OpenAiChatCompletion -Force }.GetNewClosure()
    'GET /chat/completions/{completion_id}/messages' = { param($ctx) & $newStored | Get-OpenAiChatCompletionMessage | Out-Null }.GetNewClosure()
}
