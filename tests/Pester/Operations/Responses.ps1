# How to perform each responses-area operation (responses, embeddings, moderations), for Catalog.Tests.ps1.
@{
    create_a_openai_response         = { param($ctx) Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'catalog' -Confirm:$false | Out-Null }
    get_single_openai_response_by_id = { param($ctx) Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'catalog' -Confirm:$false | Get-OpenAiResponse | Out-Null }
    delete_a_openai_response_by_id   = { param($ctx) Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'catalog' -Confirm:$false | Remove-OpenAiResponse -Confirm:$false }
    openai_response_cancel           = { param($ctx) Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'catalog' -Background -Confirm:$false | Stop-OpenAiResponse -Confirm:$false }
    'POST /embeddings'               = { param($ctx) 'catalog' | New-OpenAiEmbedding -Dimensions 4 -Confirm:$false | Out-Null }
    'POST /moderations'              = { param($ctx) 'catalog' | Test-OpenAiModeration | Out-Null }
}
