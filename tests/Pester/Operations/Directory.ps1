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
    # RBAC operations beyond the 157 tools, keyed "METHOD /path".
    'GET /organization/roles'                              = { param($ctx) Get-OpenAiRole | Out-Null }
    'GET /organization/roles/{role_id}'                    = { param($ctx) Get-OpenAiRole -Type predefined -First 1 | ForEach-Object { Get-OpenAiRole -RoleId $_.Id } | Out-Null }
    'GET /projects/{project_id}/roles'                     = { param($ctx) Get-OpenAiRole -ProjectId $ctx.ProjectId | Out-Null }
    'GET /projects/{project_id}/roles/{role_id}'           = { param($ctx) Get-OpenAiRole -ProjectId $ctx.ProjectId -Type predefined -First 1 | ForEach-Object { Get-OpenAiRole -ProjectId $ctx.ProjectId -RoleId $_.Id } | Out-Null }
    'GET /organization/users/{user_id}/roles'              = { param($ctx) Get-OpenAiUser -First 1 | Get-OpenAiUserRole | Out-Null }
    'POST /organization/users/{user_id}/roles'             = { param($ctx)
        $r = Get-OpenAiRole -Name Reader -Type predefined; $u = Get-OpenAiUser -Role reader -First 1
        $u | Remove-OpenAiUserRole -RoleId $r.Id -Confirm:$false -ErrorAction SilentlyContinue
        $u | Add-OpenAiUserRole -RoleId $r.Id -Confirm:$false | Out-Null }
    'GET /organization/users/{user_id}/roles/{role_id}'    = { param($ctx)
        $r = Get-OpenAiRole -Name Owner -Type predefined; $u = Get-OpenAiUser -Role owner -First 1
        $u | Add-OpenAiUserRole -RoleId $r.Id -Confirm:$false -ErrorAction SilentlyContinue | Out-Null
        Get-OpenAiUserRole -UserId $u.UserId -RoleId $r.Id | Out-Null }
    'DELETE /organization/users/{user_id}/roles/{role_id}' = { param($ctx)
        $r = Get-OpenAiRole -Name Reader -Type predefined; $u = Get-OpenAiUser -Role owner -First 1
        $u | Add-OpenAiUserRole -RoleId $r.Id -Confirm:$false | Remove-OpenAiUserRole -Confirm:$false }
    'GET /projects/{project_id}/users/{user_id}/roles'     = { param($ctx) Get-OpenAiProjectUser -ProjectId $ctx.ProjectId | Get-OpenAiUserRole | Out-Null }
    'POST /projects/{project_id}/users/{user_id}/roles'    = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Viewer
        Get-OpenAiProjectUser -ProjectId $ctx.ProjectId -First 1 | Add-OpenAiUserRole -RoleId $r.Id -Confirm:$false | Out-Null }
    'GET /projects/{project_id}/users/{user_id}/roles/{role_id}' = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Viewer
        $a = Get-OpenAiProjectUser -ProjectId $ctx.ProjectId -First 1 | Add-OpenAiUserRole -RoleId $r.Id -Confirm:$false
        Get-OpenAiUserRole -UserId $a.UserId -ProjectId $a.ProjectId -RoleId $a.RoleId | Out-Null }
    'DELETE /projects/{project_id}/users/{user_id}/roles/{role_id}' = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Viewer
        Get-OpenAiProjectUser -ProjectId $ctx.ProjectId -First 1 | Add-OpenAiUserRole -RoleId $r.Id -Confirm:$false | Remove-OpenAiUserRole -Confirm:$false }
}
