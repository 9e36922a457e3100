# Guardrails (admin key): organization and project data retention, project model permissions, project hosted tool
# permissions, and the desired-state runbook examples/Sync-TenantGuardrails.ps1, against the emulator.
Describe 'Project guardrails against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'guardrails-tests' -SeedProjects 3
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "guardrails-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null

        # What -WhatIf and Write-Host print goes to the host, not to a stream: a transcript catches it.
        function script:Get-HostText([scriptblock] $Script) {
            $file = Join-Path $work "host-$([guid]::NewGuid().ToString('n')).txt"
            Start-Transcript -Path $file -UseMinimalHeader | Out-Null
            try { $null = & $Script } finally { Stop-Transcript | Out-Null }
            Get-Content -LiteralPath $file -Raw
        }
        function script:Get-Changes([long] $Since) {
            @(Get-EmulatorLog $emu -Since $Since | Where-Object { $_.method -ne 'GET' })
        }
        function script:New-TestProject([string] $Prefix = 'guard') {
            New-OpenAiProject -Name "$Prefix-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -Confirm:$false
        }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'Organization data retention' {
        It 'Get-OpenAiOrganizationDataRetention reads the organization''s control with the admin key' {
            $since = Get-EmulatorSeq $emu
            $retention = Get-OpenAiOrganizationDataRetention
            $retention | Should -BeOfType ([TrutoOpenAi.Core.Models.Guardrails.OpenAiDataRetention])
            $retention.Object | Should -Be 'organization.data_retention'
            $retention.RetentionType | Should -BeIn ([TrutoOpenAi.Core.Models.Guardrails.DataRetentionTypes]::Organization)
            $retention.Scope | Should -Be 'Organization'
            $retention.ProjectId | Should -BeNullOrEmpty
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.path | Should -Be @('/v1/organization/data_retention')
            $log[0].auth_kind | Should -Be 'admin'
        }

        It 'Set-OpenAiOrganizationDataRetention -WhatIf shows before -> after and sends nothing' {
            $before = (Get-OpenAiOrganizationDataRetention).RetentionType
            $since = Get-EmulatorSeq $emu
            $text = Get-HostText { Set-OpenAiOrganizationDataRetention -RetentionType enhanced_zero_data_retention -WhatIf }
            $text | Should -BeLike "*What if: Set the organization's data retention: $before -> enhanced_zero_data_retention.*"
            Get-Changes $since | Should -BeNullOrEmpty
            (Get-OpenAiOrganizationDataRetention).RetentionType | Should -Be $before
        }

        It 'Set-OpenAiOrganizationDataRetention changes the type once; asking again sends nothing and says so' {
            $since = Get-EmulatorSeq $emu
            $set = Set-OpenAiOrganizationDataRetention zero_data_retention -Confirm:$false -PassThru
            $set.RetentionType | Should -Be 'zero_data_retention'
            (Get-OpenAiOrganizationDataRetention).RetentionType | Should -Be 'zero_data_retention'
            $posts = Get-Changes $since
            $posts.Count | Should -Be 1
            $posts[0].body.retention_type | Should -Be 'zero_data_retention'

            $since = Get-EmulatorSeq $emu
            $verbose = Set-OpenAiOrganizationDataRetention -RetentionType ZERO_DATA_RETENTION -Confirm:$false -Verbose 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
            ($verbose.Message -join "`n") | Should -BeLike '*already zero_data_retention: nothing to change*'
            Get-Changes $since | Should -BeNullOrEmpty
        }

        It 'a retention type the organization does not take is refused before any request' {
            $since = Get-EmulatorSeq $emu
            { Set-OpenAiOrganizationDataRetention -RetentionType organization_default -Confirm:$false } |
                Should -Throw -ErrorId 'OpenAiInvalidRetentionType,*'
            @(Get-EmulatorLog $emu -Since $since) | Should -BeNullOrEmpty
        }
    }

    Context 'Project data retention' {
        It 'Get-OpenAiProjectDataRetention takes projects from the pipeline, one answer each with its ProjectId' {
            $projects = @(Get-OpenAiProject -Name 'tenant-*')
            $projects.Count | Should -Be 3
            $retention = @($projects | Get-OpenAiProjectDataRetention)
            $retention.Count | Should -Be 3
            $retention.ProjectId | Should -Be $projects.Id
            $retention | ForEach-Object { $_.Scope | Should -Be 'Project'; $_.Object | Should -Be 'project.data_retention' }
        }

        It 'Set-OpenAiProjectDataRetention sets the piped projects, and -WhatIf before showed each before -> after' {
            $a = New-TestProject; $b = New-TestProject
            $since = Get-EmulatorSeq $emu
            $text = Get-HostText { $a, $b | Set-OpenAiProjectDataRetention -RetentionType none -WhatIf }
            $text | Should -BeLike "*What if: Set data retention of project '$($a.Name)' ($($a.Id)): organization_default -> none.*"
            $text | Should -BeLike "*What if: Set data retention of project '$($b.Name)' ($($b.Id)): organization_default -> none.*"
            Get-Changes $since | Should -BeNullOrEmpty

            $set = @($a, $b | Set-OpenAiProjectDataRetention -RetentionType none -PassThru)
            $set.RetentionType | Should -Be @('none', 'none')
            $set.ProjectId | Should -Be @($a.Id, $b.Id)
            (Get-OpenAiProjectDataRetention -ProjectId $a.Id).RetentionType | Should -Be 'none'
        }

        It 'a bad retention type stops before any project of the pipe is touched' {
            $a = New-TestProject; $b = New-TestProject
            $since = Get-EmulatorSeq $emu
            { $a, $b | Set-OpenAiProjectDataRetention -RetentionType forever } | Should -Throw -ErrorId 'OpenAiInvalidRetentionType,*'
            @(Get-EmulatorLog $emu -Since $since) | Should -BeNullOrEmpty
        }

        It 'an unknown project is reported on its own and the other piped projects are still set' {
            $a = New-TestProject; $b = New-TestProject
            $set = @([pscustomobject]@{ ProjectId = $a.Id }, [pscustomobject]@{ ProjectId = 'proj_missing' }, [pscustomobject]@{ ProjectId = $b.Id } |
                Set-OpenAiProjectDataRetention -RetentionType zero_data_retention -PassThru -ErrorVariable failed -ErrorAction SilentlyContinue)
            $set.ProjectId | Should -Be @($a.Id, $b.Id)
            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
            $failed[0].TargetObject | Should -Be 'proj_missing'
            $failed[0].Exception.Message | Should -BeLike '*No such project: proj_missing*'
        }

        It 'an archived project cannot be changed: the API''s refusal is an OpenAiInvalidRequest' {
            $p = New-TestProject
            Disable-OpenAiProject -Id $p.Id -Confirm:$false
            Set-OpenAiProjectDataRetention -ProjectId $p.Id -RetentionType none -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $failed[0].Exception.Message | Should -BeLike '*archived*'
        }
    }

    Context 'Project model permissions' {
        It 'a project without a policy reads as a deny list of no models, which permits every model' {
            $p = New-TestProject
            $permission = Get-OpenAiProjectModelPermission -ProjectId $p.Id
            $permission | Should -BeOfType ([TrutoOpenAi.Core.Models.Guardrails.OpenAiProjectModelPermission])
            $permission.Object | Should -Be 'project.model_permissions'
            $permission.Mode | Should -Be 'deny_list'
            $permission.ModelIds | Should -BeNullOrEmpty
            $permission.ProjectId | Should -Be $p.Id
            $permission.Permits('gpt-4o') | Should -BeTrue
        }

        It 'the issue''s pipeline: -WhatIf lists each project''s models before and after, and changes nothing' {
            $a = New-TestProject 'pipe'; $b = New-TestProject 'pipe'
            Set-OpenAiProjectModelPermission -ProjectId $b.Id -Allow gpt-4.1, o3
            $since = Get-EmulatorSeq $emu
            $text = Get-HostText { Get-OpenAiProject -Name 'pipe-*' | Set-OpenAiProjectModelPermission -Allow gpt-4o-mini, text-embedding-3-small -WhatIf }
            $text | Should -Match ([regex]::Escape("What if: Set model permissions of project '$($a.Name)' ($($a.Id)): deny_list [] (every model) -> allow_list [gpt-4o-mini, text-embedding-3-small]; adds gpt-4o-mini, text-embedding-3-small."))
            $text | Should -Match ([regex]::Escape("What if: Set model permissions of project '$($b.Name)' ($($b.Id)): allow_list [gpt-4.1, o3] -> allow_list [gpt-4o-mini, text-embedding-3-small]; adds gpt-4o-mini, text-embedding-3-small; removes gpt-4.1, o3."))
            Get-Changes $since | Should -BeNullOrEmpty
            (Get-OpenAiProjectModelPermission -ProjectId $b.Id).ModelIds | Should -Be @('gpt-4.1', 'o3')
        }

        It 'Set-OpenAiProjectModelPermission -Allow and -Deny send the spec''s body; the same policy again sends nothing' {
            $p = New-TestProject
            $since = Get-EmulatorSeq $emu
            $allow = $p | Set-OpenAiProjectModelPermission -Allow gpt-4o-mini, text-embedding-3-small, gpt-4o-mini -PassThru
            $allow.Mode | Should -Be 'allow_list'
            $allow.ModelIds | Should -Be @('gpt-4o-mini', 'text-embedding-3-small')
            $allow.Permits('gpt-4o') | Should -BeFalse
            $post = Get-Changes $since
            $post.Count | Should -Be 1
            $post[0].path | Should -Be "/v1/organization/projects/$($p.Id)/model_permissions"
            $body = $post[0].body
            $body.mode | Should -Be 'allow_list'
            $body.model_ids | Should -Be @('gpt-4o-mini', 'text-embedding-3-small')

            $since = Get-EmulatorSeq $emu
            $same = $p | Set-OpenAiProjectModelPermission -Allow text-embedding-3-small, gpt-4o-mini -PassThru
            $same.ModelIds | Should -Be @('gpt-4o-mini', 'text-embedding-3-small')
            Get-Changes $since | Should -BeNullOrEmpty

            $deny = Set-OpenAiProjectModelPermission -ProjectId $p.Id -Deny o3 -PassThru
            $deny.Mode | Should -Be 'deny_list'
            $deny.Permits('gpt-4o') | Should -BeTrue
            $deny.Permits('o3') | Should -BeFalse
        }

        It 'an unknown model id is refused by the API for each piped project, and none of them is changed' {
            $a = New-TestProject; $b = New-TestProject
            Set-OpenAiProjectModelPermission -ProjectId $a.Id -Deny o3
            $a, $b | Set-OpenAiProjectModelPermission -Allow gpt-4o-mini, gpt-9-turbo -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed.Count | Should -Be 2
            $failed | ForEach-Object {
                $_.FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
                $_.Exception.Message | Should -BeLike "*model 'gpt-9-turbo' does not exist*"
            }
            $failed.TargetObject | Should -Be @($a.Id, $b.Id)
            (Get-OpenAiProjectModelPermission -ProjectId $a.Id).ToString() | Should -Be 'deny_list [o3]'
            (Get-OpenAiProjectModelPermission -ProjectId $b.Id).Mode | Should -Be 'deny_list'
        }

        It 'a blank model id stops the command before any request' {
            $p = New-TestProject
            $since = Get-EmulatorSeq $emu
            { $p | Set-OpenAiProjectModelPermission -Allow 'gpt-4o', ' ' } | Should -Throw -ErrorId 'OpenAiInvalidModelId,*'
            @(Get-EmulatorLog $emu -Since $since) | Should -BeNullOrEmpty
        }

        It 'Remove-OpenAiProjectModelPermission is High impact, names the policy in -WhatIf, and goes back to every model' {
            (Get-Command Remove-OpenAiProjectModelPermission).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
                Should -Be 'High'
            $p = New-TestProject
            Set-OpenAiProjectModelPermission -ProjectId $p.Id -Allow gpt-4o-mini
            $since = Get-EmulatorSeq $emu
            $text = Get-HostText { Get-OpenAiProjectModelPermission -ProjectId $p.Id | Remove-OpenAiProjectModelPermission -WhatIf }
            $text | Should -Match ([regex]::Escape("What if: Delete the model permissions (allow_list [gpt-4o-mini]) of project '$($p.Name)' ($($p.Id)): every model becomes allowed."))
            Get-Changes $since | Should -BeNullOrEmpty

            $deletion = Get-OpenAiProjectModelPermission -ProjectId $p.Id | Remove-OpenAiProjectModelPermission -Confirm:$false -PassThru
            $deletion.Object | Should -Be 'project.model_permissions.deleted'
            $deletion.Deleted | Should -BeTrue
            $deletion.ProjectId | Should -Be $p.Id
            $after = Get-OpenAiProjectModelPermission -ProjectId $p.Id
            $after.ToString() | Should -Be 'deny_list [] (every model)'
        }

        It 'the emulator answers a bad body in the API''s error shape' {
            $p = New-TestProject
            $e = { Invoke-OpenAiRequest -Method POST -Path "organization/projects/$($p.Id)/model_permissions" -Body @{ mode = 'block_list'; model_ids = @() } } |
                Should -Throw -PassThru -ErrorId 'OpenAiInvalidRequest,*'
            $e.Exception.Message | Should -BeLike "*Invalid value: 'block_list'*"
            $e2 = { Invoke-OpenAiRequest -Method POST -Path "organization/projects/$($p.Id)/model_permissions" -Body @{ mode = 'allow_list' } } |
                Should -Throw -PassThru -ErrorId 'OpenAiInvalidRequest,*'
            $e2.Exception.Message | Should -BeLike "*Missing required parameter: 'model_ids'*"
        }

        It 'the emulator''s model routes refuse a model outside the permissions of the project a call names' {
            $p = New-TestProject
            $p | Set-OpenAiProjectModelPermission -Allow gpt-4o-mini -Confirm:$false
            Connect-OpenAi -Name 'guardrails-project' -BaseUri $emu.BaseUri -ApiKey $emu.ApiKey -Project $p.Id
            try {
                Invoke-OpenAiResponse -Model gpt-4o -Message 'hello' -Connection 'guardrails-project' -Confirm:$false -ErrorVariable refused -ErrorAction SilentlyContinue
                $refused.Count | Should -Be 1
                $refused[0].Exception.Message | Should -Match 'does not have access to model .gpt-4o.'
                $refused[0].Exception.Message | Should -Match 'HTTP 403'
                $refused[0].Exception.Message | Should -Match 'model_not_found'
                (Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'hello' -Connection 'guardrails-project' -Confirm:$false).Status | Should -Be 'completed'
                # The same model through a call that names no project is not fenced.
                (Invoke-OpenAiResponse -Model gpt-4o -Message 'hello' -Connection 'guardrails-tests' -Confirm:$false).Status | Should -Be 'completed'
            }
            finally {
                Disconnect-OpenAi -Name 'guardrails-project'
                Get-OpenAiConnection -Name 'guardrails-tests' | Connect-OpenAi
            }
        }
    }

    Context 'Project hosted tool permissions' {
        It 'Get-OpenAiProjectHostedToolPermission reads every tool type; a new project has them all enabled' {
            $p = New-TestProject
            $tools = $p | Get-OpenAiProjectHostedToolPermission
            $tools | Should -BeOfType ([TrutoOpenAi.Core.Models.Guardrails.OpenAiProjectHostedToolPermission])
            $tools.ProjectId | Should -Be $p.Id
            $tools.Enabled | Should -Be @('file_search', 'web_search', 'image_generation', 'mcp', 'code_interpreter')
            $tools.Disabled | Should -BeNullOrEmpty
            $tools.WebSearch | Should -BeTrue
            $tools.AdditionalProperties | Should -BeNullOrEmpty
        }

        It '-Allow enables exactly the tools named and sends only the tools that change' {
            $p = New-TestProject
            $since = Get-EmulatorSeq $emu
            $text = Get-HostText { Set-OpenAiProjectHostedToolPermission -ProjectId $p.Id -Allow file_search, web_search -WhatIf }
            $text | Should -BeLike "*What if: Set hosted tools of project '$($p.Name)' ($($p.Id)): enabled: file_search, web_search, image_generation, mcp, code_interpreter -> file_search, web_search; disables image_generation, mcp, code_interpreter.*"
            Get-Changes $since | Should -BeNullOrEmpty

            $set = Set-OpenAiProjectHostedToolPermission -ProjectId $p.Id -Allow FILE_SEARCH, web_search -PassThru
            $set.Enabled | Should -Be @('file_search', 'web_search')
            $set.Disabled | Should -Be @('image_generation', 'mcp', 'code_interpreter')
            $body = (Get-Changes $since)[0].body
            $body.PSObject.Properties.Name | Sort-Object | Should -Be @('code_interpreter', 'image_generation', 'mcp')
            $body.mcp.enabled | Should -BeFalse

            $since = Get-EmulatorSeq $emu
            Set-OpenAiProjectHostedToolPermission -ProjectId $p.Id -Allow web_search, file_search
            Get-Changes $since | Should -BeNullOrEmpty
        }

        It '-Enable and -Disable change only the tools they name' {
            $p = New-TestProject
            $set = Set-OpenAiProjectHostedToolPermission -ProjectId $p.Id -Disable web_search, code_interpreter -PassThru
            $set.Disabled | Should -Be @('web_search', 'code_interpreter')
            $set = Set-OpenAiProjectHostedToolPermission -ProjectId $p.Id -Enable web_search -Disable mcp -PassThru
            $set.Enabled | Should -Be @('file_search', 'web_search', 'image_generation')
        }

        It 'an unknown tool type, or one tool both enabled and disabled, stops the command before any request' {
            $a = New-TestProject; $b = New-TestProject
            $since = Get-EmulatorSeq $emu
            $e = { $a, $b | Set-OpenAiProjectHostedToolPermission -Allow file_search, computer_use } | Should -Throw -PassThru -ErrorId 'OpenAiUnknownHostedTool,*'
            $e.Exception.Message | Should -BeLike "*'computer_use' is not a hosted tool type. Valid values: file_search, web_search, image_generation, mcp, code_interpreter.*"
            { $a | Set-OpenAiProjectHostedToolPermission -Enable mcp -Disable MCP } | Should -Throw -ErrorId 'OpenAiConflictingArguments,*'
            { $a | Set-OpenAiProjectHostedToolPermission -Enable @() } | Should -Throw -ErrorId 'OpenAiNothingToChange,*'
            @(Get-EmulatorLog $emu -Since $since) | Should -BeNullOrEmpty
        }

        It 'the emulator refuses a tool type the spec does not name, in the API''s error shape' {
            $p = New-TestProject
            $e = { Invoke-OpenAiRequest -Method POST -Path "organization/projects/$($p.Id)/hosted_tool_permissions" -Body @{ computer_use = @{ enabled = $true } } } |
                Should -Throw -PassThru -ErrorId 'OpenAiInvalidRequest,*'
            $e.Exception.Message | Should -BeLike "*Unknown parameter: 'computer_use'*"
            (Get-OpenAiProjectHostedToolPermission -ProjectId $p.Id).Disabled | Should -BeNullOrEmpty
        }

        It 'hosted tool types the API adds later are read and kept' {
            $json = '{"file_search":{"enabled":true},"web_search":{"enabled":false},"computer_use":{"enabled":true},"note":"x"}'
            $tools = [TrutoOpenAi.Core.Models.OpenAiObject]::From[TrutoOpenAi.Core.Models.Guardrails.OpenAiProjectHostedToolPermission](([System.Text.Json.JsonDocument]::Parse($json)).RootElement)
            $tools.Enabled | Should -Be @('file_search', 'computer_use')
            $tools.Disabled | Should -Be @('web_search')
            $tools.Mcp | Should -BeNullOrEmpty
            $tools.AdditionalProperties.Keys | Should -Be @('note')
        }
    }

    Context 'Default views' {
        It 'each guardrail type has a table view' {
            $types = 'OpenAiDataRetention', 'OpenAiProjectModelPermission', 'OpenAiProjectHostedToolPermission'
            foreach ($type in $types) {
                Get-FormatData -TypeName "TrutoOpenAi.Core.Models.Guardrails.$type" | Should -Not -BeNullOrEmpty -Because "$type should have a view"
            }
            $p = New-TestProject
            Set-OpenAiProjectModelPermission -ProjectId $p.Id -Allow gpt-4o-mini, o3
            $table = Get-OpenAiProjectModelPermission -ProjectId $p.Id | Format-Table | Out-String
            $table | Should -BeLike '*ProjectId*Mode*ModelIds*'
            $table | Should -BeLike '*allow_list*gpt-4o-mini, o3*'
        }
    }

    Context 'Desired-state runbook (examples/Sync-TenantGuardrails.ps1)' {
        BeforeAll {
            $script:runbook = Join-Path $RepoRoot 'examples/Sync-TenantGuardrails.ps1'
            $script:example = Join-Path $RepoRoot 'examples/tenant-guardrails.psd1'
        }

        It 'the first run brings every tenant project to the file; the second changes nothing and says so' {
            $tenants = @(Get-OpenAiProject -Name 'tenant-0000*' | Sort-Object Name)
            $tenants.Count | Should -Be 3
            $since = Get-EmulatorSeq $emu
            $script:first = $null
            $text = Get-HostText { $script:first = @(& $runbook -Path $example) }
            $first.Count | Should -Be 3
            $first.Status | Sort-Object -Unique | Should -Be 'Changed'
            $one = $first | Where-Object ProjectId -eq $tenants[0].Id
            $one.Changes | Should -Contain 'models: deny_list [] (every model) -> allow_list [gpt-4o, gpt-4o-mini, text-embedding-3-small]'
            $one.Changes | Should -Contain 'retention: organization_default -> zero_data_retention'
            ($one.Changes | Where-Object { $_ -like 'tools:*' }) | Should -Be 'tools: enabled: file_search, web_search, image_generation, mcp, code_interpreter -> enabled: file_search, web_search'
            $text | Should -BeLike '*3 project(s): 3 changed.*'

            (Get-OpenAiProjectModelPermission -ProjectId $tenants[0].Id).ModelIds | Should -Be @('gpt-4o', 'gpt-4o-mini', 'text-embedding-3-small')
            (Get-OpenAiProjectModelPermission -ProjectId $tenants[1].Id).ModelIds | Should -Be @('gpt-4o-mini', 'text-embedding-3-small')
            (Get-OpenAiProjectHostedToolPermission -ProjectId $tenants[2].Id).Enabled | Should -Be @('file_search')
            (Get-OpenAiProjectDataRetention -ProjectId $tenants[0].Id).RetentionType | Should -Be 'zero_data_retention'
            (Get-OpenAiProjectDataRetention -ProjectId $tenants[1].Id).RetentionType | Should -Be 'organization_default'
            @(Get-Changes $since).Count | Should -Be 7 -Because 'tenant-00001: models, tools, retention; the other two: models and tools'

            $since = Get-EmulatorSeq $emu
            $text = Get-HostText { $script:second = @(& $runbook -Path $example) }
            $second.Status | Sort-Object -Unique | Should -Be 'Unchanged'
            $second | ForEach-Object { $_.Changes | Should -BeNullOrEmpty }
            $text | Should -BeLike '*Nothing to change: all 3 project(s) already match*'
            Get-Changes $since | Should -BeNullOrEmpty
        }

        It 'reads JSON too, and -WhatIf reports what would change without changing it' {
            $p = New-TestProject 'json'
            $file = Join-Path $work 'desired.json'
            @{ Tenants = @(@{ Project = $p.Name; AllowedModels = @('o3'); Retention = 'none' }) } | ConvertTo-Json -Depth 5 | Set-Content $file
            $since = Get-EmulatorSeq $emu
            $result = & $runbook -Path $file -WhatIf
            $result.Status | Should -Be 'WouldChange'
            $result.Changes | Should -Be @('models: deny_list [] (every model) -> allow_list [o3]', 'retention: organization_default -> none')
            Get-Changes $since | Should -BeNullOrEmpty
            $applied = & $runbook -Path $file
            $applied.Status | Should -Be 'Changed'
            (Get-OpenAiProjectModelPermission -ProjectId $p.Id).ModelIds | Should -Be @('o3')
        }

        It 'a bad file stops before any request; a model the API refuses fails that project alone, before its tools and retention' {
            $bad = Join-Path $work 'bad.psd1'
            "@{ Tenants = @(@{ Project = 'tenant-*'; AllowedTools = @('file_search', 'teleport') }) }" | Set-Content $bad
            $since = Get-EmulatorSeq $emu
            { & $runbook -Path $bad } | Should -Throw "*'teleport' is not a hosted tool type*"
            @(Get-EmulatorLog $emu -Since $since) | Should -BeNullOrEmpty

            $a = New-TestProject 'mix'; $b = New-TestProject 'mix'
            $file = Join-Path $work 'mixed.psd1'
            "@{ Tenants = @(@{ Project = '$($a.Name)'; AllowedModels = @('gpt-9'); AllowedTools = @(); Retention = 'none' }; @{ Project = 'mix-*'; AllowedTools = @('mcp') }) }" | Set-Content $file
            $all = @(& $runbook -Path $file -ErrorAction Continue 2>&1)
            $failed = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            $results = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            ($results | Where-Object ProjectId -eq $a.Id).Status | Should -Be 'Failed'
            ($results | Where-Object ProjectId -eq $a.Id).Error | Should -BeLike "*model 'gpt-9' does not exist*"
            ($results | Where-Object ProjectId -eq $b.Id).Status | Should -Be 'Changed'
            $failed.Count | Should -Be 1
            $failed[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            (Get-OpenAiProjectHostedToolPermission -ProjectId $a.Id).Disabled | Should -BeNullOrEmpty
            (Get-OpenAiProjectDataRetention -ProjectId $a.Id).RetentionType | Should -Be 'organization_default'
            (Get-OpenAiProjectHostedToolPermission -ProjectId $b.Id).Enabled | Should -Be @('mcp')
        }
    }
}
