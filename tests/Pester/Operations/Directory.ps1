# How to perform each organization-directory operation, for Catalog.Tests.ps1 (see Projects.ps1).
@{
    list_all_openai_users                = { param($ctx) Get-OpenAiUser -First 1 | Out-Null }
    get_single_openai_user_by_id         = { param($ctx) Get-OpenAiUser -First 1 | Get-OpenAiUser | Out-Null }
    update_a_openai_user_by_id           = { param($ctx) Get-OpenAiUser -Role owner -First 1 | Set-OpenAiUser -Role owner -Confirm:$false }
    delete_a_openai_user_by_id           = { param($ctx)
        $i = New-OpenAiInvite -Email "gone-$([guid]::NewGuid().ToString('n').Substring(0,8))@example.com" -Role reader -NoProject -Confirm:$false
        Invoke-RestMethod -Method Post -Uri "$($ctx.Emulator.ControlUri)seed" -ContentType 'application/json' -Body (@{ accept_invites = @($i.Id) } | ConvertTo-Json) | Out-Null
        Get-OpenAiUser -Email $i.Email | Remove-OpenAiUser -Confirm:$false }
    list_all_openai_me                   = { param($ctx) Get-OpenAiMe | Out-Null }
    list_all_openai_project_users        = { param($ctx) Get-OpenAiProjectUser -ProjectId $ctx.ProjectId | Out-Null }
    get_single_openai_project_user_by_id = { param($ctx) Get-OpenAiProjectUser -ProjectId $ctx.ProjectId -First 1 | ForEach-Object { Get-OpenAiProjectUser -ProjectId $_.ProjectId -UserId $_.UserId } | Out-Null }
    create_a_openai_project_user         = { param($ctx)
        $i = New-OpenAiInvite -Email "pu-$([guid]::NewGuid().ToString('n').Substring(0,8))@example.com" -Role reader -NoProject -Confirm:$false
        Invoke-RestMethod -Method Post -Uri "$($ctx.Emulator.ControlUri)seed" -ContentType 'application/json' -Body (@{ accept_invites = @($i.Id) } | ConvertTo-Json) | Out-Null
        Add-OpenAiProjectUser -ProjectId $ctx.ProjectId -Email $i.Email -Confirm:$false | Out-Null }
    update_a_openai_project_user_by_id   = { param($ctx) Get-OpenAiProjectUser -ProjectId $ctx.ProjectId -First 1 | Set-OpenAiProjectUser -Role owner -Confirm:$false }
    delete_a_openai_project_user_by_id   = { param($ctx) Get-OpenAiProjectUser -ProjectId $ctx.ProjectId -First 1 | Remove-OpenAiProjectUser -Confirm:$false }
    list_all_openai_invites              = { param($ctx) Get-OpenAiInvite -First 1 | Out-Null }
    get_single_openai_invite_by_id       = { param($ctx) New-OpenAiInvite -Email "get-$([guid]::NewGuid().ToString('n').Substring(0,8))@example.com" -Role reader -Confirm:$false | Get-OpenAiInvite | Out-Null }
    create_a_openai_invite               = { param($ctx) New-OpenAiInvite -Email "new-$([guid]::NewGuid().ToString('n').Substring(0,8))@example.com" -Role reader -Confirm:$false | Out-Null }
    delete_a_openai_invite_by_id         = { param($ctx) New-OpenAiInvite -Email "del-$([guid]::NewGuid().ToString('n').Substring(0,8))@example.com" -Role reader -Confirm:$false | Remove-OpenAiInvite -Confirm:$false }
}
