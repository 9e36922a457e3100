# How to perform each usage, costs and spend operation, for Catalog.Tests.ps1: tool name (or 'METHOD path' for the
# operations beyond the 157 tools) -> scriptblock taking the test context ($ctx.Emulator, $ctx.ProjectId).
@{
    list_all_openai_completions               = { param($ctx) Get-OpenAiUsageCompletion -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_embeddings                = { param($ctx) Get-OpenAiUsageEmbedding -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_moderations               = { param($ctx) Get-OpenAiUsageModeration -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_images                    = { param($ctx) Get-OpenAiUsageImage -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_audio_speeches            = { param($ctx) Get-OpenAiUsageAudioSpeech -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_audio_transcriptions      = { param($ctx) Get-OpenAiUsageAudioTranscription -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_vector_store              = { param($ctx) Get-OpenAiUsageVectorStore -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_code_interpreter_sessions = { param($ctx) Get-OpenAiUsageCodeInterpreterSession -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    list_all_openai_costs                     = { param($ctx) Get-OpenAiCost -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    'GET /organization/usage/file_search_calls' = { param($ctx) Get-OpenAiUsageFileSearchCall -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    'GET /organization/usage/web_search_calls'  = { param($ctx) Get-OpenAiUsageWebSearchCall -StartTime (Get-Date).AddDays(-2) -First 1 | Out-Null }
    'GET /organization/costs'                   = { param($ctx) Export-OpenAiCostReport -Path (Join-Path ([IO.Path]::GetTempPath()) "catalog-$([guid]::NewGuid()).html") -StartTime (Get-Date).AddDays(-2) -Confirm:$false }

    'GET /organization/spend_alerts'            = { param($ctx) Get-OpenAiSpendAlert | Out-Null }
    'POST /organization/spend_alerts'           = { param($ctx) New-OpenAiSpendAlert -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Out-Null }
    'GET /organization/spend_alerts/{alert_id}' = { param($ctx) New-OpenAiSpendAlert -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Get-OpenAiSpendAlert | Out-Null }
    'POST /organization/spend_alerts/{alert_id}' = { param($ctx) New-OpenAiSpendAlert -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Set-OpenAiSpendAlert -Threshold 11 -Confirm:$false }
    'DELETE /organization/spend_alerts/{alert_id}' = { param($ctx) New-OpenAiSpendAlert -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Remove-OpenAiSpendAlert -Confirm:$false }
    'GET /organization/projects/{project_id}/spend_alerts' = { param($ctx) Get-OpenAiSpendAlert -ProjectId $ctx.ProjectId | Out-Null }
    'POST /organization/projects/{project_id}/spend_alerts' = { param($ctx) New-OpenAiSpendAlert -ProjectId $ctx.ProjectId -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Out-Null }
    'GET /organization/projects/{project_id}/spend_alerts/{alert_id}' = { param($ctx) New-OpenAiSpendAlert -ProjectId $ctx.ProjectId -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Get-OpenAiSpendAlert | Out-Null }
    'POST /organization/projects/{project_id}/spend_alerts/{alert_id}' = { param($ctx) New-OpenAiSpendAlert -ProjectId $ctx.ProjectId -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Set-OpenAiSpendAlert -Recipient 'b@example.com' -Confirm:$false }
    'DELETE /organization/projects/{project_id}/spend_alerts/{alert_id}' = { param($ctx) New-OpenAiSpendAlert -ProjectId $ctx.ProjectId -Threshold 10 -Recipient 'a@example.com' -Confirm:$false | Remove-OpenAiSpendAlert -Confirm:$false }

    'GET /organization/spend_limit'             = { param($ctx) Set-OpenAiSpendLimit -Threshold 100 -Confirm:$false; Get-OpenAiSpendLimit | Out-Null }
    'POST /organization/spend_limit'            = { param($ctx) Set-OpenAiSpendLimit -Threshold 100 -Confirm:$false }
    'DELETE /organization/spend_limit'          = { param($ctx) Set-OpenAiSpendLimit -Threshold 100 -Confirm:$false; Remove-OpenAiSpendLimit -Confirm:$false }
    'GET /organization/projects/{project_id}/spend_limit' = { param($ctx) Set-OpenAiSpendLimit -ProjectId $ctx.ProjectId -Threshold 5 -Confirm:$false; Get-OpenAiSpendLimit -ProjectId $ctx.ProjectId | Out-Null }
    'POST /organization/projects/{project_id}/spend_limit' = { param($ctx) Set-OpenAiSpendLimit -ProjectId $ctx.ProjectId -Threshold 5 -Confirm:$false }
    'DELETE /organization/projects/{project_id}/spend_limit' = { param($ctx) Set-OpenAiSpendLimit -ProjectId $ctx.ProjectId -Threshold 5 -Confirm:$false; Remove-OpenAiSpendLimit -ProjectId $ctx.ProjectId -Confirm:$false }
}
