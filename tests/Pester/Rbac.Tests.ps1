Describe 'RBAC roles and groups against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'rbac-tests' -SeedProjects 2 -SeedUsers 4
        $script:project = Get-OpenAiProject -Name 'tenant-00001'
        # Three contoso.com members: invited, then accepted through the emulator's seed API.
        $invites = 'ann', 'bob', 'cy' | ForEach-Object { New-OpenAiInvite -Email "$_@contoso.com" -Role reader -NoProject -Confirm:$false }
        Invoke-RestMethod -Method Post -Uri "$($emu.ControlUri)seed" -ContentType 'application/json' -Body (@{ accept_invites = @($invites.Id) } | ConvertTo-Json) | Out-Null
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    Context 'Start-OpenAiEmulator -SeedUsers' {
        It 'starts the emulator with that many reader members besides the owner' {
            $seeded = @(Get-OpenAiUser -Email 'user0000*@example.com')
            $seeded.Email | Should -Be @('user00001@example.com', 'user00002@example.com', 'user00003@example.com', 'user00004@example.com')
            $seeded | ForEach-Object { $_.Role | Should -Be 'reader' }
        }
    }

    Context 'Roles' {
        It 'New-OpenAiRole creates a custom organization role and writes the unified role Get-OpenAiRole writes' {
            $since = Get-EmulatorSeq $emu
            $role = New-OpenAiRole -Name 'Billing viewer' -Permission api.organization.read, api.usage.read -Description 'Reads usage.' -Confirm:$false
            $role | Should -BeOfType ([TrutoOpenAi.Core.Unified.Role])
            $role.Id | Should -BeLike 'role_*'
            $role.RoleId | Should -Be $role.Id
            $role.Type | Should -Be 'custom'
            $role.ApplicableIn | Should -Be 'organization'
            $role.Permissions | Should -Be @('api.organization.read', 'api.usage.read')
            $role.RemoteData.role_name | Should -BeNullOrEmpty
            $role.RemoteData.name | Should -Be 'Billing viewer'
            $post = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
            $post.Count | Should -Be 1
            $post[0].path | Should -Be '/v1/organization/roles'
            $post[0].body.role_name | Should -Be 'Billing viewer'
            $post[0].body.description | Should -Be 'Reads usage.'
            $listed = Get-OpenAiRole -Type custom -Name 'Billing*'
            $listed.Id | Should -Be $role.Id
            $listed.Permissions | Should -Be $role.Permissions
        }

        It 'New-OpenAiRole refuses a name already taken with the API error' {
            New-OpenAiRole -Name 'billing VIEWER' -Permission api.organization.read -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Param | Should -Be 'role_name'
        }

        It 'Get-OpenAiRole | Set-OpenAiRole replaces the permissions, renames, and writes only with -PassThru' {
            $role = Get-OpenAiRole -Name 'Billing viewer' -Type custom
            $quiet = $role | Set-OpenAiRole -Permission api.usage.read -Confirm:$false
            $quiet | Should -BeNullOrEmpty
            (Get-OpenAiRole -RoleId $role.Id).Permissions | Should -Be @('api.usage.read')
            $renamed = $role | Set-OpenAiRole -Name 'Usage viewer' -PassThru -Confirm:$false
            $renamed.Name | Should -Be 'Usage viewer'
            $renamed.Permissions | Should -Be @('api.usage.read')
            $renamed.Description | Should -Be 'Reads usage.'
        }

        It 'Set-OpenAiRole with nothing to change sends nothing' {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiRole -Name 'Usage viewer' | Set-OpenAiRole -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNothingToChange,*'
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST').Count | Should -Be 0
        }

        It 'predefined roles cannot be changed or deleted: the API refuses and they stay as they were' {
            $reader = Get-OpenAiRole -Name Reader -Type predefined
            $reader | Set-OpenAiRole -Permission api.organization.write -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Message | Should -BeLike '*predefined*'
            $reader | Remove-OpenAiRole -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $after = Get-OpenAiRole -RoleId $reader.Id
            $after.Permissions | Should -Be $reader.Permissions
            $after.Type | Should -Be 'predefined'
        }

        It 'Remove-OpenAiRole -WhatIf deletes nothing; confirmed, the role is gone' {
            $role = Get-OpenAiRole -Name 'Usage viewer'
            $role | Remove-OpenAiRole -WhatIf
            (Get-OpenAiRole -RoleId $role.Id).Id | Should -Be $role.Id
            $role | Remove-OpenAiRole -Confirm:$false
            Get-OpenAiRole -RoleId $role.Id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'piped projects get project roles through /projects/{project_id}/roles, and piped project roles are changed there' {
            $since = Get-EmulatorSeq $emu
            $created = @(Get-OpenAiProject -Name 'tenant-*' | New-OpenAiRole -Name 'Deployer' -Permission api.project.read -Confirm:$false)
            $created.Count | Should -Be 2
            $created | ForEach-Object { $_.ApplicableIn | Should -Be 'project'; $_.Type | Should -Be 'custom' }
            $created.ProjectId | Should -Be @((Get-OpenAiProject -Name 'tenant-*').Id)
            $created[0].Id | Should -Not -Be $created[1].Id
            Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Name Deployer | Set-OpenAiRole -Permission api.project.read, api.project.write -Confirm:$false
            (Get-OpenAiRole -ProjectId $project.Id -RoleId $created[0].Id).Permissions | Should -Be @('api.project.read', 'api.project.write')
            Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Name Deployer | Remove-OpenAiRole -Confirm:$false
            @(Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Name Deployer).Count | Should -Be 0
            $changes = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -ne 'GET' })
            $changes.path | ForEach-Object { $_ | Should -Match '^/v1/projects/proj_[^/]+/roles(/role_[^/]+)?$' }
            ($changes | Where-Object method -eq 'DELETE').Count | Should -Be 2
        }

        It 'a predefined project role cannot be changed either' {
            $viewer = $project | Get-OpenAiRole -Name Viewer
            $viewer | Set-OpenAiRole -Name 'Watcher' -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            ($project | Get-OpenAiRole -RoleId $viewer.Id).Name | Should -Be 'Viewer'
        }
    }

    Context 'Groups' {
        It 'New-OpenAiGroup creates a group per piped name and Get-OpenAiGroup -Name filters them' {
            $created = @('eng-platform', 'eng-payments', 'sales' | New-OpenAiGroup -Confirm:$false)
            $created.Count | Should -Be 3
            $created[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Directory.OpenAiGroup])
            $created[0].GroupId | Should -Be $created[0].Id
            $created[0].CreatedAt | Should -BeOfType ([DateTimeOffset])
            (Get-OpenAiGroup -Name 'eng-*').Name | Should -Be @('eng-platform', 'eng-payments')
        }

        It 'Get-OpenAiGroup streams every page with the next cursor and -First stops the requests' {
            $since = Get-EmulatorSeq $emu
            $all = @(Get-OpenAiGroup -PageSize 1)
            $all.Count | Should -Be 3
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 3
            $log[1].query_params.after | Should -Be $all[0].Id
            $since = Get-EmulatorSeq $emu
            @(Get-OpenAiGroup -First 1).Count | Should -Be 1
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 1
        }

        It 'Get-OpenAiGroup -Id gets piped groups and reports unknown ones by ErrorId' {
            (Get-OpenAiGroup -Name sales | Get-OpenAiGroup).Name | Should -Be 'sales'
            Get-OpenAiGroup -Id 'group_missing' -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'group ids go through OpenAiPath: a slash is refused before any request' {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiGroupUser -GroupId 'group_a/../users' -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidId,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'Set-OpenAiGroup renames a piped group and writes it only with -PassThru' {
            $g = Get-OpenAiGroup -Name sales
            $g | Set-OpenAiGroup -Name 'sales-emea' -Confirm:$false | Should -BeNullOrEmpty
            (Get-OpenAiGroup -Id $g.Id).Name | Should -Be 'sales-emea'
            ($g | Set-OpenAiGroup -Name 'sales' -PassThru -Confirm:$false).Name | Should -Be 'sales'
        }

        It 'Get-OpenAiUser -Email ''*@contoso.com'' | Add-OpenAiGroupUser adds each member and Get-OpenAiGroupUser lists them' {
            $g = Get-OpenAiGroup -Name 'eng-platform'
            $since = Get-EmulatorSeq $emu
            Get-OpenAiUser -Email '*@contoso.com' | Add-OpenAiGroupUser -GroupId $g.Id -Confirm:$false | Should -BeNullOrEmpty
            $posts = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
            $posts.Count | Should -Be 3
            $posts[0].path | Should -Be "/v1/organization/groups/$($g.Id)/users"
            $posts[0].body.user_id | Should -BeLike 'user-*'
            # the group is looked up once for the confirmation target, not once per user
            @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -eq 'GET' -and $_.path -eq "/v1/organization/groups/$($g.Id)" }).Count | Should -Be 1
            $members = @($g | Get-OpenAiGroupUser)
            # the API lists group members newest first (order defaults to desc)
            $members.Email | Should -Be @('cy@contoso.com', 'bob@contoso.com', 'ann@contoso.com')
            $members[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Directory.OpenAiGroupUser])
            $members | ForEach-Object { $_.GroupId | Should -Be $g.Id; $_.UserId | Should -Be $_.Id }
        }

        It 'Add-OpenAiGroupUser -PassThru writes the membership; a member twice or an unknown user is an error per input' {
            $g = Get-OpenAiGroup -Name 'eng-payments'
            $m = Get-OpenAiUser -Email 'ann@contoso.com' | Add-OpenAiGroupUser -GroupId $g.Id -PassThru -Confirm:$false
            $m.Email | Should -Be 'ann@contoso.com'
            $m.GroupId | Should -Be $g.Id
            $added = @(Get-OpenAiUser -Email 'ann@contoso.com', 'bob@contoso.com' | Add-OpenAiGroupUser -GroupId $g.Id -PassThru -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue)
            $added.Email | Should -Be 'bob@contoso.com'
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            Add-OpenAiGroupUser -GroupId $g.Id -UserId 'user-nobody' -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Get-OpenAiGroupUser -Email filters and -UserId gets one member or OpenAiNotFound' {
            $g = Get-OpenAiGroup -Name 'eng-platform'
            ($g | Get-OpenAiGroupUser -Email 'b*').Email | Should -Be 'bob@contoso.com'
            $bob = Get-OpenAiUser -Email 'bob@contoso.com'
            ($g | Get-OpenAiGroupUser -UserId $bob.UserId).Email | Should -Be 'bob@contoso.com'
            $outsider = Get-OpenAiUser -Email 'user00001@example.com'
            $g | Get-OpenAiGroupUser -UserId $outsider.UserId -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Get-OpenAiGroupUser | Remove-OpenAiGroupUser removes members; -WhatIf removes nothing; the users stay in the organization' {
            $g = Get-OpenAiGroup -Name 'eng-platform'
            $g | Get-OpenAiGroupUser | Remove-OpenAiGroupUser -WhatIf
            @($g | Get-OpenAiGroupUser).Count | Should -Be 3
            $g | Get-OpenAiGroupUser -Email 'c*' | Remove-OpenAiGroupUser -Confirm:$false
            ($g | Get-OpenAiGroupUser).Email | Should -Be @('bob@contoso.com', 'ann@contoso.com')
            (Get-OpenAiUser -Email 'cy@contoso.com').Email | Should -Be 'cy@contoso.com'
            Get-OpenAiUser -Email 'cy@contoso.com' | Remove-OpenAiGroupUser -GroupId $g.Id -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'organization roles are assigned to, listed for and unassigned from piped groups' {
            $reader = Get-OpenAiRole -Name Reader -Type predefined
            $a = @(Get-OpenAiGroup -Name 'eng-*' | Add-OpenAiGroupRole -RoleId $reader.Id -Confirm:$false)
            $a.Count | Should -Be 2
            $a[0] | Should -BeOfType ([TrutoOpenAi.Core.Unified.RoleAssignment])
            $a[0].GroupType | Should -Be 'group'
            $a[0].RoleName | Should -Be 'Reader'
            $a[0].ProjectId | Should -BeNullOrEmpty
            $listed = @(Get-OpenAiGroup -Name 'eng-*' | Get-OpenAiGroupRole)
            $listed.GroupId | Should -Be @($a.GroupId)
            $listed | ForEach-Object { $_.RoleId | Should -Be $reader.Id }
            (Get-OpenAiGroupRole -GroupId $a[0].GroupId -RoleId $reader.Id).RoleName | Should -Be 'Reader'
            $a[0] | Add-OpenAiGroupRole -RoleId $reader.Id -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $listed | Remove-OpenAiGroupRole -Confirm:$false
            @(Get-OpenAiGroup -Name 'eng-*' | Get-OpenAiGroupRole).Count | Should -Be 0
            Get-OpenAiGroupRole -GroupId $a[0].GroupId -RoleId $reader.Id -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Add-OpenAiProjectGroup gives piped groups access to a project with a project role' {
            $member = $project | Get-OpenAiRole -Name Member -Type predefined
            $since = Get-EmulatorSeq $emu
            $pg = @(Get-OpenAiGroup -Name 'eng-*' | Add-OpenAiProjectGroup -ProjectId $project.Id -RoleId $member.Id -Confirm:$false)
            $pg.Count | Should -Be 2
            $pg[0] | Should -BeOfType ([TrutoOpenAi.Core.Models.Directory.OpenAiProjectGroup])
            $pg.GroupName | Should -Be @('eng-platform', 'eng-payments')
            $pg | ForEach-Object { $_.ProjectId | Should -Be $project.Id }
            $post = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
            $post[0].path | Should -Be "/v1/organization/projects/$($project.Id)/groups"
            $post[0].body.role | Should -Be $member.Id
            ($project | Get-OpenAiProjectGroup).GroupName | Should -Be @('eng-platform', 'eng-payments')
            ($project | Get-OpenAiProjectGroup -Name '*payments').GroupId | Should -Be $pg[1].GroupId
            (Get-OpenAiProjectGroup -ProjectId $project.Id -GroupId $pg[0].GroupId).GroupName | Should -Be 'eng-platform'
        }

        It 'a role of another project or a group already in the project is refused with the API error' {
            $other = Get-OpenAiProject -Name 'tenant-00002'
            $foreign = $other | Get-OpenAiRole -Name Member -Type predefined
            Get-OpenAiGroup -Name sales | Add-OpenAiProjectGroup -ProjectId $project.Id -RoleId $foreign.Id -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $member = $project | Get-OpenAiRole -Name Member -Type predefined
            Get-OpenAiGroup -Name 'eng-platform' | Add-OpenAiProjectGroup -ProjectId $project.Id -RoleId $member.Id -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        }

        It 'piped project groups get, gain and lose project roles under /projects/{project_id}/groups/{group_id}/roles' {
            $viewer = $project | Get-OpenAiRole -Name Viewer
            $since = Get-EmulatorSeq $emu
            $added = @($project | Get-OpenAiProjectGroup | Add-OpenAiGroupRole -RoleId $viewer.Id -Confirm:$false)
            $added | ForEach-Object { $_.ProjectId | Should -Be $project.Id; $_.Projects | Should -Be @($project.Id) }
            $roles = @($project | Get-OpenAiProjectGroup -Name 'eng-platform' | Get-OpenAiGroupRole)
            $roles.RoleName | Should -Be @('Member', 'Viewer')
            $roles | Where-Object RoleName -eq Viewer | Remove-OpenAiGroupRole -Confirm:$false
            ($project | Get-OpenAiProjectGroup -Name 'eng-platform' | Get-OpenAiGroupRole).RoleName | Should -Be 'Member'
            $paths = (Get-EmulatorLog $emu -Since $since | Where-Object { $_.path -like '*/roles*' }).path
            $paths | ForEach-Object { $_ | Should -BeLike "/v1/projects/$($project.Id)/groups/group_*/roles*" }
        }

        It 'Remove-OpenAiProjectGroup takes the access away and the group stays' {
            $project | Get-OpenAiProjectGroup | Remove-OpenAiProjectGroup -WhatIf
            @($project | Get-OpenAiProjectGroup).Count | Should -Be 2
            $project | Get-OpenAiProjectGroup -Name 'eng-payments' | Remove-OpenAiProjectGroup -Confirm:$false
            ($project | Get-OpenAiProjectGroup).GroupName | Should -Be 'eng-platform'
            $payments = Get-OpenAiGroup -Name 'eng-payments'
            $payments.Name | Should -Be 'eng-payments'
            Get-OpenAiProjectGroup -ProjectId $project.Id -GroupId $payments.Id -ErrorAction SilentlyContinue -ErrorVariable e
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Remove-OpenAiGroup deletes piped groups after confirmation; -WhatIf deletes nothing' {
            Get-OpenAiGroup | Remove-OpenAiGroup -WhatIf
            @(Get-OpenAiGroup).Count | Should -Be 3
            $g = Get-OpenAiGroup -Name 'eng-platform'
            $g | Remove-OpenAiGroup -Confirm:$false
            Get-OpenAiGroup -Id $g.Id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            @($project | Get-OpenAiProjectGroup).Count | Should -Be 0
        }
    }

    Context 'Conventions' {
        It 'every Remove cmdlet of the area asks for confirmation with high impact and the others with medium' {
            foreach ($name in 'Remove-OpenAiRole', 'Remove-OpenAiGroup', 'Remove-OpenAiGroupUser', 'Remove-OpenAiGroupRole', 'Remove-OpenAiProjectGroup') {
                (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'High' -Because $name
            }
            foreach ($name in 'New-OpenAiRole', 'Set-OpenAiRole', 'New-OpenAiGroup', 'Set-OpenAiGroup', 'Add-OpenAiGroupUser', 'Add-OpenAiGroupRole', 'Add-OpenAiProjectGroup') {
                (Get-Command $name).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact | Should -Be 'Medium' -Because $name
            }
        }

        It 'child ids are named after the resource without an Id alias' {
            foreach ($name in 'Get-OpenAiGroupUser', 'Add-OpenAiGroupUser', 'Remove-OpenAiGroupUser', 'Get-OpenAiGroupRole', 'Add-OpenAiGroupRole', 'Remove-OpenAiGroupRole', 'Get-OpenAiProjectGroup', 'Add-OpenAiProjectGroup', 'Remove-OpenAiProjectGroup', 'Set-OpenAiRole', 'Remove-OpenAiRole') {
                $parameters = (Get-Command $name).Parameters
                $parameters.ContainsKey('Id') | Should -BeFalse -Because $name
                $parameters.Values | ForEach-Object { $_.Aliases | Should -Not -Contain 'Id' -Because $name }
            }
        }
    }
}
