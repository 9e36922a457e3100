# How to perform each guardrail operation (admin key), for Catalog.Tests.ps1: "METHOD /path" -> scriptblock taking the test
# context. Each block runs the command once; the test then checks the method and path the emulator recorded.
@{
    'GET /organization/data_retention'                                  = { param($ctx) Get-OpenAiOrganizationDataRetention | Out-Null }
    'POST /organization/data_retention'                                 = { param($ctx)
        $now = (Get-OpenAiOrganizationDataRetention).RetentionType
        $other = if ($now -eq 'zero_data_retention') { 'modified_abuse_monitoring' } else { 'zero_data_retention' }
        Set-OpenAiOrganizationDataRetention -RetentionType $other -Confirm:$false
    }
    'GET /organization/projects/{project_id}/data_retention'            = { param($ctx) Get-OpenAiProjectDataRetention -ProjectId $ctx.ProjectId | Out-Null }
    'POST /organization/projects/{project_id}/data_retention'           = { param($ctx) Set-OpenAiProjectDataRetention -ProjectId $ctx.ProjectId -RetentionType zero_data_retention -Confirm:$false }
    'GET /organization/projects/{project_id}/model_permissions'         = { param($ctx) Get-OpenAiProjectModelPermission -ProjectId $ctx.ProjectId | Out-Null }
    'POST /organization/projects/{project_id}/model_permissions'        = { param($ctx) Set-OpenAiProjectModelPermission -ProjectId $ctx.ProjectId -Allow gpt-4o-mini -Confirm:$false }
    'DELETE /organization/projects/{project_id}/model_permissions'      = { param($ctx) Remove-OpenAiProjectModelPermission -ProjectId $ctx.ProjectId -Confirm:$false }
    'GET /organization/projects/{project_id}/hosted_tool_permissions'   = { param($ctx) Get-OpenAiProjectHostedToolPermission -ProjectId $ctx.ProjectId | Out-Null }
    'POST /organization/projects/{project_id}/hosted_tool_permissions'  = { param($ctx) Set-OpenAiProjectHostedToolPermission -ProjectId $ctx.ProjectId -Disable web_search -Confirm:$false }
}
