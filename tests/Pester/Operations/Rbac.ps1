# How to perform each RBAC role and group operation, for Catalog.Tests.ps1 (see Projects.ps1). These operations are
# beyond the 157 tools: keyed "METHOD /path" like the RBAC entries of Directory.ps1.
@{
    'POST /organization/roles'                       = { param($ctx) New-OpenAiRole -Name "cat-$([guid]::NewGuid().ToString('n').Substring(0,8))" -Permission api.organization.read -Confirm:$false | Out-Null }
    'POST /organization/roles/{role_id}'             = { param($ctx)
        New-OpenAiRole -Name "cat-$([guid]::NewGuid().ToString('n').Substring(0,8))" -Permission api.organization.read -Confirm:$false |
            Set-OpenAiRole -Description 'changed' -Confirm:$false }
    'DELETE /organization/roles/{role_id}'           = { param($ctx)
        New-OpenAiRole -Name "cat-$([guid]::NewGuid().ToString('n').Substring(0,8))" -Permission api.organization.read -Confirm:$false | Remove-OpenAiRole -Confirm:$false }
    'POST /projects/{project_id}/roles'              = { param($ctx) New-OpenAiRole -ProjectId $ctx.ProjectId -Name 'Deployer' -Permission api.project.read -Confirm:$false | Out-Null }
    'POST /projects/{project_id}/roles/{role_id}'    = { param($ctx)
        New-OpenAiRole -ProjectId $ctx.ProjectId -Name 'Deployer' -Permission api.project.read -Confirm:$false | Set-OpenAiRole -Name 'Releaser' -Confirm:$false }
    'DELETE /projects/{project_id}/roles/{role_id}'  = { param($ctx)
        New-OpenAiRole -ProjectId $ctx.ProjectId -Name 'Deployer' -Permission api.project.read -Confirm:$false | Remove-OpenAiRole -Confirm:$false }

    'GET /organization/groups'                       = { param($ctx) Get-OpenAiGroup | Out-Null }
    'GET /organization/groups/{group_id}'            = { param($ctx) New-OpenAiGroup -Name 'cat-get' -Confirm:$false | Get-OpenAiGroup | Out-Null }
    'POST /organization/groups'                      = { param($ctx) New-OpenAiGroup -Name 'cat-new' -Confirm:$false | Out-Null }
    'POST /organization/groups/{group_id}'           = { param($ctx) New-OpenAiGroup -Name 'cat-set' -Confirm:$false | Set-OpenAiGroup -Name 'cat-renamed' -Confirm:$false }
    'DELETE /organization/groups/{group_id}'         = { param($ctx) New-OpenAiGroup -Name 'cat-remove' -Confirm:$false | Remove-OpenAiGroup -Confirm:$false }

    'GET /organization/groups/{group_id}/users'      = { param($ctx) New-OpenAiGroup -Name 'cat-users' -Confirm:$false | Get-OpenAiGroupUser | Out-Null }
    'POST /organization/groups/{group_id}/users'     = { param($ctx)
        $g = New-OpenAiGroup -Name 'cat-add-user' -Confirm:$false
        Get-OpenAiUser -First 1 | Add-OpenAiGroupUser -GroupId $g.Id -Confirm:$false }
    'GET /organization/groups/{group_id}/users/{user_id}' = { param($ctx)
        $g = New-OpenAiGroup -Name 'cat-get-user' -Confirm:$false
        Get-OpenAiUser -First 1 | Add-OpenAiGroupUser -GroupId $g.Id -Confirm:$false -PassThru | Out-Null }
    'DELETE /organization/groups/{group_id}/users/{user_id}' = { param($ctx)
        $g = New-OpenAiGroup -Name 'cat-remove-user' -Confirm:$false
        Get-OpenAiUser -First 1 | Add-OpenAiGroupUser -GroupId $g.Id -Confirm:$false -PassThru | Remove-OpenAiGroupUser -Confirm:$false }

    'GET /organization/groups/{group_id}/roles'      = { param($ctx) New-OpenAiGroup -Name 'cat-roles' -Confirm:$false | Get-OpenAiGroupRole | Out-Null }
    'POST /organization/groups/{group_id}/roles'     = { param($ctx)
        $r = Get-OpenAiRole -Name Reader -Type predefined
        New-OpenAiGroup -Name 'cat-add-role' -Confirm:$false | Add-OpenAiGroupRole -RoleId $r.Id -Confirm:$false | Out-Null }
    'GET /organization/groups/{group_id}/roles/{role_id}' = { param($ctx)
        $r = Get-OpenAiRole -Name Reader -Type predefined
        $a = New-OpenAiGroup -Name 'cat-get-role' -Confirm:$false | Add-OpenAiGroupRole -RoleId $r.Id -Confirm:$false
        Get-OpenAiGroupRole -GroupId $a.GroupId -RoleId $a.RoleId | Out-Null }
    'DELETE /organization/groups/{group_id}/roles/{role_id}' = { param($ctx)
        $r = Get-OpenAiRole -Name Reader -Type predefined
        New-OpenAiGroup -Name 'cat-remove-role' -Confirm:$false | Add-OpenAiGroupRole -RoleId $r.Id -Confirm:$false | Remove-OpenAiGroupRole -Confirm:$false }

    'GET /organization/projects/{project_id}/groups' = { param($ctx) Get-OpenAiProjectGroup -ProjectId $ctx.ProjectId | Out-Null }
    'POST /organization/projects/{project_id}/groups' = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined
        New-OpenAiGroup -Name 'cat-project' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $r.Id -Confirm:$false | Out-Null }
    'GET /organization/projects/{project_id}/groups/{group_id}' = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined
        $pg = New-OpenAiGroup -Name 'cat-project-get' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $r.Id -Confirm:$false
        Get-OpenAiProjectGroup -ProjectId $pg.ProjectId -GroupId $pg.GroupId | Out-Null }
    'DELETE /organization/projects/{project_id}/groups/{group_id}' = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined
        New-OpenAiGroup -Name 'cat-project-remove' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $r.Id -Confirm:$false | Remove-OpenAiProjectGroup -Confirm:$false }

    'GET /projects/{project_id}/groups/{group_id}/roles' = { param($ctx)
        $r = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined
        New-OpenAiGroup -Name 'cat-pg-roles' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $r.Id -Confirm:$false | Get-OpenAiGroupRole | Out-Null }
    'POST /projects/{project_id}/groups/{group_id}/roles' = { param($ctx)
        $member = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined; $viewer = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Viewer
        New-OpenAiGroup -Name 'cat-pg-add' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $member.Id -Confirm:$false |
            Add-OpenAiGroupRole -RoleId $viewer.Id -Confirm:$false | Out-Null }
    'GET /projects/{project_id}/groups/{group_id}/roles/{role_id}' = { param($ctx)
        $member = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined
        $pg = New-OpenAiGroup -Name 'cat-pg-get' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $member.Id -Confirm:$false
        Get-OpenAiGroupRole -GroupId $pg.GroupId -ProjectId $pg.ProjectId -RoleId $member.Id | Out-Null }
    'DELETE /projects/{project_id}/groups/{group_id}/roles/{role_id}' = { param($ctx)
        $member = Get-OpenAiRole -ProjectId $ctx.ProjectId -Name Member -Type predefined
        New-OpenAiGroup -Name 'cat-pg-remove' -Confirm:$false | Add-OpenAiProjectGroup -ProjectId $ctx.ProjectId -RoleId $member.Id -Confirm:$false |
            Get-OpenAiGroupRole | Remove-OpenAiGroupRole -Confirm:$false }
}
