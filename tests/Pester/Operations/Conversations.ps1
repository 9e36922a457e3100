# How to perform each conversations operation (and the responses operations of the conversation helper's files), for Catalog.Tests.ps1.
@{
    create_a_openai_conversation              = { param($ctx) New-OpenAiConversation -Message 'catalog' -Confirm:$false | Out-Null }
    get_single_openai_conversation_by_id      = { param($ctx) New-OpenAiConversation -Confirm:$false | Get-OpenAiConversation | Out-Null }
    update_a_openai_conversation_by_id        = { param($ctx) New-OpenAiConversation -Confirm:$false | Set-OpenAiConversation -Metadata @{ k = 'v' } -Confirm:$false }
    delete_a_openai_conversation_by_id        = { param($ctx) New-OpenAiConversation -Confirm:$false | Remove-OpenAiConversation -Force }
    create_a_openai_conversation_item         = { param($ctx) New-OpenAiConversation -Confirm:$false | Add-OpenAiConversationItem -Message 'catalog' -Confirm:$false }
    list_all_openai_conversation_items        = { param($ctx) New-OpenAiConversation -Message 'catalog' -Confirm:$false | Get-OpenAiConversationItem | Out-Null }
    get_single_openai_conversation_item_by_id = { param($ctx) $c = New-OpenAiConversation -Message 'catalog' -Confirm:$false; $i = $c | Get-OpenAiConversationItem -First 1; Get-OpenAiConversationItem -ConversationId $c.Id -Id $i.Id | Out-Null }
    delete_a_openai_conversation_item_by_id   = { param($ctx) New-OpenAiConversation -Message 'catalog' -Confirm:$false | Get-OpenAiConversationItem | Remove-OpenAiConversationItem -Force }
    openai_response_input_items               = { param($ctx) Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'catalog' -Confirm:$false | Get-OpenAiResponseInputItem | Out-Null }
    'POST /responses/input_tokens'            = { param($ctx) Measure-OpenAiResponseInput -Model gpt-4o-mini -Message 'catalog' | Out-Null }
    'POST /responses/compact'                 = { param($ctx) Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'catalog' -Confirm:$false | Compress-OpenAiResponse -Confirm:$false | Out-Null }
}
