Describe 'Organization directory against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'directory-tests' -SeedProjects 3
        function Invoke-Seed([hashtable] $Body) {
            Invoke-RestMethod -Method Post -Uri "$($emu.ControlUri)seed" -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Depth 5)
        }
        Invoke-Seed @{ users = 30 } | Out-Null
        $script:tenants = @(Get-OpenAiProject -Name 'tenant-*')
        $users = @(Get-OpenAiUser -Email 'user0000*@example.com')
        # Put two readers in the first tenant project, one of them owner.
        Add-OpenAiProjectUser -ProjectId $tenants[0].Id -UserId $users[0].UserId -Role owner -Confirm:$false | Out-Null
        Add-OpenAiProjectUser -ProjectId $tenants[0].Id -UserId $users[1].UserId -Confirm:$false | Out-Null
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    Context 'Users' {
        It 'Get-OpenAiUser writes unified users with the raw object in RemoteData, across pages' {
            $since = Get-EmulatorSeq $emu
            $all = @(Get-OpenAiUser -PageSize 10)
            $all.Count | Should -Be 31
            (Get-EmulatorLog $emu -Since $since).Count | Should -Be 4
            $u = $all | Where-Object Email -eq 'user00001@example.com'
            $u | Should -BeOfType ([TrutoOpenAi.Core.Unified.User])
            $u.UserId | Should -Be $u.Id
            $u.Status | Should -Be 'active'
            $u.Role | Should -Be 'reader'
            $u.Emails[0].IsPrimary | Should -BeTrue
            $u.FirstName | Should -Be 'User'
            $u.CreatedAt | Should -BeOfType ([DateTimeOffset])
            $u.RemoteData.object | Should -Be 'organization.user'
            $u.RemoteData.email | Should -Be 'user00001@example.com'
        }

        It 'Get-OpenAiUser -Email sends exact addresses to the API emails filter' {
            $since = Get-EmulatorSeq $emu
            $u = @(Get-OpenAiUser -Email 'USER00002@example.com')
            $u.Count | Should -Be 1
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log[0].query_params.emails | Should -Be 'USER00002@example.com'
        }

        It 'Get-OpenAiUser -Email with wildcards filters client-side on every page' {
            $since = Get-EmulatorSeq $emu
            $u = @(Get-OpenAiUser -Email '*0001?@example.com')
            $u.Email | Should -Be @('user00010@example.com', 'user00011@example.com', 'user00012@example.com', 'user00013@example.com', 'user00014@example.com', 'user00015@example.com', 'user00016@example.com', 'user00017@example.com', 'user00018@example.com', 'user00019@example.com')
            (Get-EmulatorLog $emu -Since $since)[0].query_params.emails | Should -BeNullOrEmpty
        }

        It 'Set-OpenAiUser changes the organization role and Get-OpenAiUser -Id reads it back' {
            $u = Get-OpenAiUser -Email 'user00003@example.com'
            $u | Set-OpenAiUser -Role owner -Confirm:$false
            (Get-OpenAiUser -Id $u.Id).Role | Should -Be 'owner'
            $u | Set-OpenAiUser -Role reader -Confirm:$false -PassThru | ForEach-Object Role | Should -Be 'reader'
        }

        It 'Set-OpenAiUser refuses an unknown role before any request' {
            $since = Get-EmulatorSeq $emu
            Get-OpenAiUser -Email 'user00003@example.com' | Set-OpenAiUser -Role admin -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRole,*'
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST').Count | Should -Be 0
        }

        It 'the emulator refuses an unknown role like the API' {
            $u = Get-OpenAiUser -Email 'user00003@example.com'
            Invoke-OpenAiRequest -Method Post -Path "organization/users/$($u.Id)" -Body @{ role = 'admin' } -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Param | Should -Be 'role'
        }

        It 'Remove-OpenAiUser removes the member and -WhatIf removes nothing' {
            $u = Get-OpenAiUser -Email 'user00030@example.com'
            $u | Remove-OpenAiUser -WhatIf
            (Get-OpenAiUser -Id $u.Id).Id | Should -Be $u.Id
            $u | Remove-OpenAiUser -Confirm:$false
            Get-OpenAiUser -Id $u.Id -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'the last owner cannot be removed' {
            $owner = Get-OpenAiUser -Role owner
            $owner | Remove-OpenAiUser -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Message | Should -Match 'last owner'
        }

        It 'Get-OpenAiMe calls the undocumented GET /me with the API key and writes a unified user' {
            $since = Get-EmulatorSeq $emu
            $me = Get-OpenAiMe
            $me.Email | Should -Be 'admin@example.com'
            $me.RemoteData.orgs.data[0].role | Should -Be 'owner'
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log[0].path | Should -Be '/v1/me'
            $log[0].auth_kind | Should -Be 'api'
        }
    }

    Context 'Project users' {
        It 'Get-OpenAiProject | Get-OpenAiProjectUser | Where-Object Role -eq owner lists the owners of each project' {
            $owners = @(Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectUser | Where-Object Role -eq owner)
            # The organization owner owns every project; the first tenant has one more owner.
            $owners.Count | Should -Be ($tenants.Count + 1)
            $owners | ForEach-Object { $_.ProjectId | Should -BeIn $tenants.Id }
            $owners[0].Projects[0].Id | Should -Be $owners[0].ProjectId
            $owners[0].Roles[0].Project | Should -Be $owners[0].ProjectId
            $owners[0].RemoteData.object | Should -Be 'organization.project.user'
        }

        It 'Set-OpenAiProjectUser and Remove-OpenAiProjectUser bind ProjectId and UserId from piped project users' {
            $member = Get-OpenAiProjectUser -ProjectId $tenants[0].Id -Role member
            $member | Set-OpenAiProjectUser -Role owner -Confirm:$false
            (Get-OpenAiProjectUser -ProjectId $tenants[0].Id -UserId $member.UserId).Role | Should -Be 'owner'
            $member | Remove-OpenAiProjectUser -Confirm:$false
            Get-OpenAiProjectUser -ProjectId $tenants[0].Id -UserId $member.UserId -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Add-OpenAiProjectUser refuses someone outside the organization with the API error' {
            Add-OpenAiProjectUser -ProjectId $tenants[1].Id -Email 'stranger@elsewhere.com' -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Message | Should -Match 'must already be members'
        }

        It 'Add-OpenAiProjectUser refuses an unknown project role before any request' {
            $u = Get-OpenAiUser -Email 'user00005@example.com'
            $u | Add-OpenAiProjectUser -ProjectId $tenants[1].Id -Role reader -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRole,*'
        }

        It 'an archived project has no users' {
            $p = New-OpenAiProject -Name 'to-archive' -Confirm:$false
            $p | Disable-OpenAiProject -Confirm:$false
            $p | Get-OpenAiProjectUser -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        }

        It '-PageSize above the API limit of 100 is refused before any request' {
            Get-OpenAiProjectUser -ProjectId $tenants[0].Id -PageSize 101 -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidPageSize,*'
        }
    }

    Context 'Invites' {
        It 'Import-Csv | New-OpenAiInvite binds Email and Role by property name' {
            $csv = Join-Path $TestDrive 'users.csv'
            @'
Email,Role
ada@contoso.com,reader
grace@contoso.com,owner
'@ | Set-Content $csv
            $invites = @(Import-Csv $csv | New-OpenAiInvite -Confirm:$false)
            $invites.Count | Should -Be 2
            $invites[1].Role | Should -Be 'owner'
            $invites[0].Status | Should -Be 'pending'
            $invites[0].ExpiresAt | Should -BeGreaterThan $invites[0].CreatedAt
        }

        It 'an invite for a member, an unknown role and too many projects each give a clear error' {
            $csv = Join-Path $TestDrive 'bad.csv'
            @'
Email,Role
admin@example.com,reader
linus@contoso.com,superuser
'@ | Set-Content $csv
            Import-Csv $csv | New-OpenAiInvite -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e.Count | Should -Be 2
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Message | Should -Match 'already a member'
            $e[1].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRole,*'
            New-OpenAiInvite -Email 'many@contoso.com' -Role reader -ProjectId (1..101 | ForEach-Object { "proj_$_" }) -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiTooManyProjects,*'
        }

        It 'the emulator enforces the same invite rules' {
            Invoke-OpenAiRequest -Method Post -Path 'organization/invites' -Body @{ email = 'x@contoso.com'; role = 'superuser' } -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].Exception.Param | Should -Be 'role'
            $projects = @(1..101 | ForEach-Object { @{ id = "proj_$_"; role = 'member' } })
            Invoke-OpenAiRequest -Method Post -Path 'organization/invites' -Body @{ email = 'x@contoso.com'; role = 'reader'; projects = $projects } -ErrorVariable e2 -ErrorAction SilentlyContinue
            $e2[0].Exception.Param | Should -Be 'projects'
        }

        It 'Get-OpenAiInvite | Where-Object Status -eq expired | Remove-OpenAiInvite deletes only the expired invites' {
            Invoke-Seed @{ invites = @{ pending = 2; accepted = 1; expired = 3 } } | Out-Null
            @(Get-OpenAiInvite -Status expired).Count | Should -Be 3
            Get-OpenAiInvite | Where-Object Status -eq expired | Remove-OpenAiInvite -Confirm:$false
            @(Get-OpenAiInvite | Where-Object Status -eq expired).Count | Should -Be 0
            @(Get-OpenAiInvite -Status pending).Count | Should -BeGreaterOrEqual 2
        }

        It 'deleting an accepted invite is refused with the API error and the pipeline goes on' {
            $accepted = @(Get-OpenAiInvite -Status accepted)
            $pending = New-OpenAiInvite -Email 'temp@contoso.com' -Role reader -Confirm:$false
            @($accepted[0], $pending) | Remove-OpenAiInvite -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
            $e.Count | Should -Be 1
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Message | Should -Match 'accepted'
            Get-OpenAiInvite -Id $pending.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }

        It 'an accepted invite makes the invitee a member of the organization and its projects' {
            $invite = New-OpenAiInvite -Email 'joiner@contoso.com' -Role reader -ProjectId $tenants[2].Id -ProjectRole owner -Confirm:$false
            Invoke-Seed @{ accept_invites = @($invite.Id) } | Out-Null
            (Get-OpenAiInvite -Id $invite.Id).Status | Should -Be 'accepted'
            $user = Get-OpenAiUser -Email 'joiner@contoso.com'
            $user.Status | Should -Be 'active'
            (Get-OpenAiProjectUser -ProjectId $tenants[2].Id -UserId $user.UserId).Role | Should -Be 'owner'
        }

        It 'Get-OpenAiUser -IncludeInvited adds pending invitees with status invited' {
            $invited = @(Get-OpenAiUser -Email '*@contoso.com' -IncludeInvited | Where-Object Status -eq invited)
            $invited.Email | Should -Contain 'ada@contoso.com'
            $invited[0].InviteId | Should -Be $invited[0].Id
            $invited[0].UserId | Should -BeNullOrEmpty
        }
    }
}

Describe 'RBAC roles and role assignments against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'directory-rbac-tests' -SeedProjects 1
        Invoke-RestMethod -Method Post -Uri "$($emu.ControlUri)seed" -ContentType 'application/json' -Body '{"users":3}' | Out-Null
        $script:project = Get-OpenAiProject -Name 'tenant-*' | Select-Object -First 1
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'Get-OpenAiRole writes the built-in roles and the RBAC roles as unified roles, paging with the next cursor' {
        $since = Get-EmulatorSeq $emu
        $roles = @(Get-OpenAiRole -PageSize 1)
        ($roles | Where-Object Type -eq builtin).Name | Should -Be @('owner', 'reader')
        ($roles | Where-Object Type -eq predefined).Name | Should -Be @('Owner', 'Reader')
        $roles[-1].ApplicableIn | Should -Be 'organization'
        $roles[-1].RemoteData.resource_type | Should -Be 'api.organization'
        $log = @(Get-EmulatorLog $emu -Since $since)
        $log.Count | Should -Be 2
        $log[1].query_params.after | Should -Be $roles[-2].Id
    }

    It 'Get-OpenAiProject | Get-OpenAiRole writes the project roles, applicable in a project' {
        $roles = @($project | Get-OpenAiRole)
        ($roles | Where-Object Type -eq builtin).Name | Should -Be @('owner', 'member')
        ($roles | Where-Object Type -eq predefined).Name | Should -Be @('Owner', 'Member', 'Viewer')
        $roles | ForEach-Object { $_.ApplicableIn | Should -Be 'project'; $_.ProjectId | Should -Be $project.Id }
    }

    It 'assigning, listing and removing a role works from a pipeline of users' {
        $reader = Get-OpenAiRole -Name Reader -Type predefined
        $assigned = @(Get-OpenAiUser -Email '*@example.com' | Where-Object Role -eq reader | Add-OpenAiUserRole -RoleId $reader.Id -Confirm:$false)
        $assigned.Count | Should -Be 3
        $assigned[0] | Should -BeOfType ([TrutoOpenAi.Core.Unified.RoleAssignment])
        $listed = @(Get-OpenAiUser -Email '*@example.com' | Get-OpenAiUserRole)
        $listed.Count | Should -Be 3
        $listed[0].RoleName | Should -Be 'Reader'
        $listed | Remove-OpenAiUserRole -Confirm:$false
        @(Get-OpenAiUser -Email '*@example.com' | Get-OpenAiUserRole).Count | Should -Be 0
    }

    It 'assigning an unknown role or the same role twice gives the API error' {
        $u = Get-OpenAiUser -Email 'user00001@example.com'
        $u | Add-OpenAiUserRole -RoleId 'role_doesnotexist' -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        $owner = Get-OpenAiRole -Name Owner -Type predefined
        $u | Add-OpenAiUserRole -RoleId $owner.Id -Confirm:$false | Out-Null
        $u | Add-OpenAiUserRole -RoleId $owner.Id -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
    }

    It 'project users get project role assignments' {
        $viewer = $project | Get-OpenAiRole -Name Viewer
        $a = $project | Get-OpenAiProjectUser | Add-OpenAiUserRole -RoleId $viewer.Id -Confirm:$false
        $a.ProjectId | Should -Be $project.Id
        $a.Projects | Should -Be @($project.Id)
        ($project | Get-OpenAiProjectUser | Get-OpenAiUserRole).RoleName | Should -Be 'Viewer'
    }
}
