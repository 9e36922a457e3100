# How to perform each project operation, for Catalog.Tests.ps1: tool name -> scriptblock taking the test context
# ($ctx.Emulator, $ctx.ProjectId: a fresh active project). Each block runs the command once; the test then checks
# the method and path the emulator recorded against Get-OpenAiOperation's entry.
@{
    list_all_openai_projects        = { param($ctx) Get-OpenAiProject -First 1 | Out-Null }
    get_single_openai_project_by_id = { param($ctx) Get-OpenAiProject -Id $ctx.ProjectId | Out-Null }
    create_a_openai_project         = { param($ctx) New-OpenAiProject -Name 'catalog-new' -Confirm:$false | Out-Null }
    update_a_openai_project_by_id   = { param($ctx) Set-OpenAiProject -Id $ctx.ProjectId -Name 'catalog-renamed' -Confirm:$false }
    openai_projects_archive         = { param($ctx) Disable-OpenAiProject -Id $ctx.ProjectId -Confirm:$false }
}
