# Organization access against the emulator: service accounts, project API keys, rate limits, admin keys,
# certificates and audit logs, including the two pipelines of issue 3 and the one-time secrets.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emu = Start-OpenAiEmulator -Connect -Name 'access-tests' -SeedProjects 3

    function script:Invoke-Seed([hashtable] $Body) {
        Invoke-RestMethod -Method Post -Uri "$($emu.ControlUri)seed" -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Depth 6)
    }
    function script:New-TestPem([string] $Name = 'test') {
        $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$Name", $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
        $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(30)).ExportCertificatePem()
    }
    function script:Get-Plain([securestring] $Secure) { [System.Net.NetworkCredential]::new('', $Secure).Password }
    function script:New-FreshProject { New-OpenAiProject -Name "access-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -Confirm:$false }
}
AfterAll {
    $script:emu | Stop-OpenAiEmulator -Confirm:$false
}

Describe 'Project API keys' {
    It 'the stale-key pipeline with -WhatIf deletes nothing' {
        $projects = @(Get-OpenAiProject)
        $old = [DateTimeOffset]::UtcNow.AddDays(-120).ToUnixTimeSeconds()
        $recent = [DateTimeOffset]::UtcNow.AddDays(-2).ToUnixTimeSeconds()
        Invoke-Seed @{ project_api_keys = @(foreach ($p in $projects) {
            @{ project_id = $p.Id; name = 'stale'; last_used_at = $old; count = 2 }
            @{ project_id = $p.Id; name = 'fresh'; last_used_at = $recent } }) } | Out-Null
        $before = @(Get-OpenAiProject | Get-OpenAiProjectApiKey)
        $since = Get-EmulatorSeq $emu

        Get-OpenAiProject | Get-OpenAiProjectApiKey | Where-Object LastUsedAt -lt (Get-Date).AddDays(-90) | Remove-OpenAiProjectApiKey -WhatIf

        @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
        @(Get-OpenAiProject | Get-OpenAiProjectApiKey).Count | Should -Be $before.Count
    }

    It 'the same pipeline without -WhatIf deletes exactly the stale keys' {
        $project = New-FreshProject
        $old = [DateTimeOffset]::UtcNow.AddDays(-200).ToUnixTimeSeconds()
        Invoke-Seed @{ project_api_keys = @(
            @{ project_id = $project.Id; name = 'stale'; last_used_at = $old; count = 3 }
            @{ project_id = $project.Id; name = 'fresh'; last_used_at = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }) } | Out-Null
        $since = Get-EmulatorSeq $emu

        $project | Get-OpenAiProjectApiKey | Where-Object LastUsedAt -lt (Get-Date).AddDays(-90) | Remove-OpenAiProjectApiKey -Confirm:$false

        @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 3
        $left = @($project | Get-OpenAiProjectApiKey)
        $left.Name | Should -Be @('fresh')
        $left[0].ProjectId | Should -Be $project.Id
        $left[0].OwnerType | Should -Be 'user'
    }

    It 'a key owned by a service account is refused with OpenAiServiceAccountKey and nothing is sent' {
        $project = New-FreshProject
        $sa = New-OpenAiProjectServiceAccount -ProjectId $project.Id -Name 'bot' -WarningAction SilentlyContinue -Confirm:$false
        $key = Get-OpenAiProjectApiKey -ProjectId $project.Id -ApiKeyId $sa.ApiKeyId
        $key.OwnerType | Should -Be 'service_account'
        $key.OwnerId | Should -Be $sa.Id
        $since = Get-EmulatorSeq $emu
        $key | Remove-OpenAiProjectApiKey -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiServiceAccountKey,*'
        $e[0].ErrorDetails.RecommendedAction | Should -BeLike '*Remove-OpenAiProjectServiceAccount*'
        @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
    }

    It 'the emulator refuses to delete a service account''s key directly, as the API does' {
        $project = New-FreshProject
        $sa = New-OpenAiProjectServiceAccount -ProjectId $project.Id -Name 'bot' -WarningAction SilentlyContinue -Confirm:$false
        Invoke-OpenAiRequest -Method DELETE -Path "organization/projects/$($project.Id)/api_keys/$($sa.ApiKeyId)" -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        $e[0].Exception.Message | Should -BeLike '*service account*'
        Get-OpenAiProjectApiKey -ProjectId $project.Id -ApiKeyId $sa.ApiKeyId | Should -Not -BeNullOrEmpty
    }

    It '-OwnerProjectAccess is sent to the API and filters by owner access' {
        $project = New-FreshProject
        Invoke-Seed @{ project_api_keys = @(
            @{ project_id = $project.Id; name = 'gone-owner'; owner_project_access = 'inactive' }
            @{ project_id = $project.Id; name = 'member' }) } | Out-Null
        (Get-OpenAiProjectApiKey -ProjectId $project.Id).Name | Should -Be @('member')
        (Get-OpenAiProjectApiKey -ProjectId $project.Id -OwnerProjectAccess inactive).Name | Should -Be @('gone-owner')
        @(Get-OpenAiProjectApiKey -ProjectId $project.Id -OwnerProjectAccess any).Count | Should -Be 2
    }
}

Describe 'Project rate limits' {
    It 'the gpt-4 pipeline sets 100 requests per minute on every gpt-4 model of every project and nothing else' {
        $projects = @(Get-OpenAiProject)
        $since = Get-EmulatorSeq $emu

        Get-OpenAiProject | Get-OpenAiProjectRateLimit | Where-Object Model -like 'gpt-4*' | Set-OpenAiProjectRateLimit -MaxRequestsPer1Minute 100

        $posts = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
        $gpt4 = @(Get-OpenAiProjectRateLimit -ProjectId $projects[0].Id -Model 'gpt-4*')
        $gpt4.Count | Should -BeGreaterThan 2
        $posts.Count | Should -Be ($projects.Count * $gpt4.Count)
        $posts[0].body.PSObject.Properties.Name | Should -Be @('max_requests_per_1_minute')
        foreach ($limit in Get-OpenAiProject | Get-OpenAiProjectRateLimit) {
            if ($limit.Model -like 'gpt-4*') { $limit.MaxRequestsPer1Minute | Should -Be 100 }
            else { $limit.MaxRequestsPer1Minute | Should -BeGreaterThan 100 }
        }
    }

    It 'every project lists one rate limit per model, with the spec''s fields' {
        $limits = @(Get-OpenAiProjectRateLimit -ProjectId (New-FreshProject).Id)
        ($limits.Model | Select-Object -Unique).Count | Should -Be $limits.Count
        $limits.Model | Should -Contain 'gpt-4o-mini'
        $limits.Model | Should -Contain 'text-embedding-3-small'
        ($limits | Where-Object Model -eq 'gpt-4o').Batch1DayMaxInputTokens | Should -BeGreaterThan ([int]::MaxValue)
    }

    It 'a limit above the organization''s, or one the model lacks, is refused with OpenAiInvalidRequest' {
        $project = New-FreshProject
        Set-OpenAiProjectRateLimit -ProjectId $project.Id -RateLimitId 'rl_gpt-4o' -MaxRequestsPer1Minute 999999999 -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        Set-OpenAiProjectRateLimit -ProjectId $project.Id -RateLimitId 'rl_gpt-4o' -MaxImagesPer1Minute 5 -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        (Set-OpenAiProjectRateLimit -ProjectId $project.Id -RateLimitId 'rl_gpt-4o' -MaxTokensPer1Minute 1000 -PassThru).MaxTokensPer1Minute | Should -Be 1000
    }
}

Describe 'One-time secrets' {
    It 'New-OpenAiProjectServiceAccount returns the key as a SecureString, warns once, and leaks it nowhere' {
        $project = New-FreshProject
        $since = Get-EmulatorSeq $emu
        $sa = New-OpenAiProjectServiceAccount -ProjectId $project.Id -Name 'deploy-bot' -Confirm:$false -Verbose -Debug `
            -WarningVariable warnings -WarningAction SilentlyContinue 4>&1 5>&1 | Tee-Object -Variable streams | Where-Object { $_ -is [TrutoOpenAi.Core.Models.Access.OpenAiProjectServiceAccount] }
        $sa.Secret | Should -BeOfType [securestring]
        $plain = Get-Plain $sa.Secret
        $plain | Should -BeLike 'sk-svcacct-*'
        # The value the emulator really sent (the control API records responses only by status, so compare with the key's redacted form).
        (Get-OpenAiProjectApiKey -ProjectId $project.Id -ApiKeyId $sa.ApiKeyId).RedactedValue | Should -Be ($plain.Substring(0, 14) + '...' + $plain.Substring($plain.Length - 4))
        $warnings.Count | Should -Be 1
        "$warnings" | Should -BeLike '*shown only now*'
        "$warnings" | Should -Not -BeLike "*$plain*"
        ($sa | Out-String) | Should -Not -BeLike "*$plain*"
        ($sa | Format-List * | Out-String) | Should -Not -BeLike "*$plain*"
        $sa.RawJson | Should -Not -BeLike "*$plain*"
        $sa.RawJson | Should -Not -BeLike '*"value"*'
        ($sa | ConvertTo-Json -Depth 5 -WarningAction SilentlyContinue) | Should -Not -BeLike "*$plain*"
        ($streams | Out-String) | Should -Not -BeLike "*$plain*"
        @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 0
        $sa.ProjectId | Should -Be $project.Id
        $sa.Role | Should -Be 'member'
    }

    It 'New-OpenAiProjectServiceAccount -ServiceAccountOnly creates no key and no warning' {
        $sa = New-OpenAiProjectServiceAccount -ProjectId (New-FreshProject).Id -Name 'bare' -ServiceAccountOnly -Confirm:$false -WarningVariable w
        $sa.Role | Should -Be 'none'
        $sa.Secret | Should -BeNullOrEmpty
        $w.Count | Should -Be 0
    }

    It 'New-OpenAiAdminApiKey returns the value as a SecureString and leaks it nowhere' {
        $key = New-OpenAiAdminApiKey -Name 'ci-audit' -ExpiresIn (New-TimeSpan -Days 30) -Confirm:$false -Verbose -Debug `
            -WarningVariable warnings -WarningAction SilentlyContinue 4>&1 5>&1 | Tee-Object -Variable streams | Where-Object { $_ -is [TrutoOpenAi.Core.Models.Access.OpenAiAdminApiKey] }
        $plain = Get-Plain $key.Secret
        $plain | Should -BeLike 'sk-admin-*'
        $key.RedactedValue | Should -Be ('sk-admin...' + $plain.Substring($plain.Length - 3))
        ($key.ExpiresAt - $key.CreatedAt).TotalDays | Should -Be 30
        "$warnings" | Should -BeLike '*shown only now*'
        foreach ($text in ($key | Out-String), ($key | Format-List * | Out-String), $key.RawJson, ($streams | Out-String), "$warnings") {
            $text | Should -Not -BeLike "*$plain*"
        }
        (Get-OpenAiAdminApiKey -Id $key.Id).Secret | Should -BeNullOrEmpty
    }

    It 'Remove-OpenAiProjectServiceAccount deletes the account with its keys' {
        $project = New-FreshProject
        $sa = New-OpenAiProjectServiceAccount -ProjectId $project.Id -Name 'temp' -WarningAction SilentlyContinue -Confirm:$false
        Get-OpenAiProjectServiceAccount -ProjectId $project.Id | Remove-OpenAiProjectServiceAccount -Confirm:$false
        @(Get-OpenAiProjectServiceAccount -ProjectId $project.Id).Count | Should -Be 0
        @(Get-OpenAiProjectApiKey -ProjectId $project.Id -OwnerProjectAccess any).Count | Should -Be 0
        Get-OpenAiProjectServiceAccount -ProjectId $project.Id -ServiceAccountId $sa.Id -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
    }

    It 'Remove-OpenAiAdminApiKey -WhatIf keeps the key' {
        $key = New-OpenAiAdminApiKey -Name 'keep-me' -Confirm:$false -WarningAction SilentlyContinue
        $since = Get-EmulatorSeq $emu
        Get-OpenAiAdminApiKey -Name 'keep-me' | Remove-OpenAiAdminApiKey -WhatIf
        @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'DELETE').Count | Should -Be 0
        (Get-OpenAiAdminApiKey -Id $key.Id).Name | Should -Be 'keep-me'
    }
}

Describe 'Certificates' {
    It '23 piped certificates are activated in 3 requests of at most 10' {
        $seeded = Invoke-Seed @{ certificates = 23 }
        $ids = $seeded.certificates.ids
        $since = Get-EmulatorSeq $emu
        Enable-OpenAiCertificate -Id $ids -Confirm:$false
        $posts = @(Get-EmulatorLog $emu -Since $since | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/v1/organization/certificates/activate' })
        $posts.Count | Should -Be 3
        $posts | ForEach-Object { $_.body.certificate_ids.Count } | Should -Be @(10, 10, 3)
        ($posts | ForEach-Object { $_.body.certificate_ids }) | Should -Be $ids
        @(Get-OpenAiCertificate | Where-Object { $_.Id -in $ids -and $_.Active }).Count | Should -Be 23
    }

    It 'Disable-OpenAiCertificate -PassThru writes the deactivated certificates, and -WhatIf sends nothing' {
        $ids = (Invoke-Seed @{ certificates = @(@{ name = 'd1'; active = $true }, @{ name = 'd2'; active = $true }) }).certificates.ids
        $since = Get-EmulatorSeq $emu
        Disable-OpenAiCertificate -Id $ids -WhatIf
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        $result = @(Disable-OpenAiCertificate -Id $ids -PassThru -Confirm:$false)
        $result.Id | Should -Be $ids
        $result.Active | Should -Be @($false, $false)
        $result[0].Object | Should -Be 'organization.certificate'
    }

    It 'activation is atomic: an unknown id fails its batch with OpenAiNotFound and activates none' {
        $ids = (Invoke-Seed @{ certificates = 2 }).certificates.ids
        Enable-OpenAiCertificate -Id ($ids + 'cert_doesnotexist') -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        @(Get-OpenAiCertificate | Where-Object { $_.Id -in $ids -and $_.Active }).Count | Should -Be 0
    }

    It 'the emulator refuses more than 10 ids in one request, as the API does' {
        $ids = (Invoke-Seed @{ certificates = 11 }).certificates.ids
        Invoke-OpenAiRequest -Method POST -Path 'organization/certificates/activate' -Body @{ certificate_ids = $ids } -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        $e[0].Exception.Code | Should -Be 'array_above_max_length'
        $e[0].Exception.Param | Should -Be 'certificate_ids'
    }

    It 'New-OpenAiCertificate uploads a PEM file, named after it, and the change is audit-logged' {
        $path = Join-Path $TestDrive 'client-ca.pem'
        Set-Content -Path $path -Value (New-TestPem 'client-ca')
        $cert = New-OpenAiCertificate -Path $path -Confirm:$false
        $cert.Name | Should -Be 'client-ca'
        $cert.ExpiresAt | Should -BeGreaterThan (Get-Date)
        $cert.Active | Should -BeNullOrEmpty
        (Get-OpenAiCertificate -Id $cert.Id -IncludeContent).Content | Should -BeLike '-----BEGIN CERTIFICATE-----*'
        (Get-OpenAiCertificate -Id $cert.Id).Content | Should -BeNullOrEmpty
        (Get-OpenAiAuditLog -EventType certificate.created -ResourceId $cert.Id).Details.name | Should -Be 'client-ca'
        (Set-OpenAiCertificate -Id $cert.Id -Name 'client-ca-2025' -PassThru -Confirm:$false).Name | Should -Be 'client-ca-2025'
    }

    It 'content that is not PEM is refused with OpenAiInvalidCertificate before any request' {
        $since = Get-EmulatorSeq $emu
        New-OpenAiCertificate -Content 'this is not a certificate' -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidCertificate,*'
        $keyPem = "-----BEGIN PRIVATE KEY-----`nMIIB`n-----END PRIVATE KEY-----`n" + (New-TestPem)
        New-OpenAiCertificate -Content $keyPem -Confirm:$false -ErrorVariable e2 -ErrorAction SilentlyContinue
        $e2[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidCertificate,*'
        @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }

    It 'the emulator refuses content that is not a PEM certificate, as the API does' {
        foreach ($bad in 'not pem', "-----BEGIN CERTIFICATE-----`nbm90IGEgY2VydA==`n-----END CERTIFICATE-----") {
            Invoke-OpenAiRequest -Method POST -Path 'organization/certificates' -Body @{ certificate = $bad } -ErrorVariable e -ErrorAction SilentlyContinue
            $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $e[0].Exception.Param | Should -Be 'certificate'
        }
    }

    It 'deleting a certificate active in a project fails with OpenAiInvalidRequest until it is deactivated' {
        $project = New-FreshProject
        $cert = New-OpenAiCertificate -Content (New-TestPem 'mtls') -Name 'mtls' -Confirm:$false
        $cert | Enable-OpenAiProjectCertificate -ProjectId $project.Id -Confirm:$false
        (Get-OpenAiProjectCertificate -ProjectId $project.Id -Active).Id | Should -Be @($cert.Id)
        (Get-OpenAiProjectCertificate -ProjectId $project.Id -Active)[0].ProjectId | Should -Be $project.Id

        $cert | Remove-OpenAiCertificate -Confirm:$false -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
        $e[0].Exception.Message | Should -BeLike "*active*$($project.Id)*"
        Get-OpenAiCertificate -Id $cert.Id | Should -Not -BeNullOrEmpty

        $cert | Disable-OpenAiProjectCertificate -ProjectId $project.Id -Confirm:$false
        $cert | Remove-OpenAiCertificate -Confirm:$false
        Get-OpenAiCertificate -Id $cert.Id -ErrorVariable gone -ErrorAction SilentlyContinue
        $gone[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
    }

    It 'project certificates piped from several projects are batched per project' {
        $p1 = New-FreshProject; $p2 = New-FreshProject
        $ids = (Invoke-Seed @{ certificates = 12 }).certificates.ids
        $since = Get-EmulatorSeq $emu
        $p1, $p2 | ForEach-Object { $p = $_; $ids | ForEach-Object { [pscustomobject]@{ ProjectId = $p.Id; CertificateId = $_ } } } |
            Enable-OpenAiProjectCertificate -Confirm:$false
        $posts = @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq 'POST')
        $posts.Count | Should -Be 4
        $posts.path | Should -Be @("/v1/organization/projects/$($p1.Id)/certificates/activate", "/v1/organization/projects/$($p1.Id)/certificates/activate",
            "/v1/organization/projects/$($p2.Id)/certificates/activate", "/v1/organization/projects/$($p2.Id)/certificates/activate")
        @(Get-OpenAiProjectCertificate -ProjectId $p2.Id -Active).Count | Should -Be 12
    }
}

Describe 'Audit logs' {
    It 'sends the filters in the API''s query format' {
        $since = Get-EmulatorSeq $emu
        $after = [DateTimeOffset]::FromUnixTimeSeconds(1700000000).UtcDateTime
        $before = [DateTimeOffset]::FromUnixTimeSeconds(1800000000).UtcDateTime
        Get-OpenAiAuditLog -After $after -Before $before -EventType project.created, api_key.deleted -ProjectId proj_a -ActorId user_1 `
            -ActorEmail 'a@b.c' -ResourceId res_1 | Out-Null
        $query = (Get-EmulatorLog $emu -Since $since)[0].query_params
        $query.'effective_at[gt]' | Should -Be @('1700000000')
        $query.'effective_at[lt]' | Should -Be @('1800000000')
        $query.'event_types[]' | Should -Be @('project.created', 'api_key.deleted')
        $query.'project_ids[]' | Should -Be @('proj_a')
        $query.'actor_ids[]' | Should -Be @('user_1')
        $query.'actor_emails[]' | Should -Be @('a@b.c')
        $query.'resource_ids[]' | Should -Be @('res_1')
    }

    It 'returns seeded and recorded events newest first, filtered by time, type, actor and project' {
        $project = New-FreshProject
        $t0 = [DateTimeOffset]::UtcNow.AddDays(-10).ToUnixTimeSeconds()
        Invoke-Seed @{ audit_logs = @(
            @{ type = 'login.succeeded'; effective_at = $t0; actor_id = 'user_ann'; actor_email = 'ann@example.com'; session = $true }
            @{ type = 'api_key.deleted'; effective_at = $t0 + 60; actor_id = 'user_bob'; actor_email = 'bob@example.com'; project_id = $project.Id; resource_id = 'key_x' }
            @{ type = 'api_key.deleted'; effective_at = $t0 + 120; actor_id = 'user_ann'; actor_email = 'ann@example.com'; project_id = $project.Id; resource_id = 'key_y' }) } | Out-Null

        $deleted = @(Get-OpenAiAuditLog -EventType api_key.deleted -ProjectId $project.Id)
        $deleted.ResourceId | Should -Be @('key_y', 'key_x')
        $deleted[0].ProjectId | Should -Be $project.Id
        (Get-OpenAiAuditLog -ActorEmail 'bob@example.com').ResourceId | Should -Be @('key_x')
        $window = @(Get-OpenAiAuditLog -After ([DateTimeOffset]::FromUnixTimeSeconds($t0).UtcDateTime) -Before ([DateTimeOffset]::FromUnixTimeSeconds($t0 + 120).UtcDateTime))
        $window.Type | Should -Be @('api_key.deleted')
        $login = Get-OpenAiAuditLog -EventType login.succeeded -ActorId user_ann
        $login.ActorType | Should -Be 'session'
        $login.ActorEmail | Should -Be 'ann@example.com'
        (Get-OpenAiProject -Id $project.Id | Get-OpenAiAuditLog -EventType project.created).Details.data.name | Should -Be $project.Name
    }

    It '-TenantOnly lists the tenant-scoped role binding events the spec names, and only tenant-scoped events' {
        $t0 = [DateTimeOffset]::UtcNow.AddDays(-3).ToUnixTimeSeconds()
        Invoke-Seed @{ audit_logs = @(
            @{ type = 'role.bound_to_resource'; effective_at = $t0; actor_id = 'user_ann'; actor_email = 'ann@example.com'; resource_id = 'role_bound1' }
            @{ type = 'role.unbound_from_resource'; effective_at = $t0 + 60; actor_id = 'user_ann'; actor_email = 'ann@example.com'; resource_id = 'role_unbound1' }
            @{ type = 'tenant.group.created'; effective_at = $t0 + 90; actor_id = 'user_ann'; actor_email = 'ann@example.com'; resource_id = 'group_t1' }
            @{ type = 'api_key.deleted'; effective_at = $t0 + 120; actor_id = 'user_ann'; actor_email = 'ann@example.com'; resource_id = 'key_z' }) } | Out-Null

        $bindings = @(Get-OpenAiAuditLog -TenantOnly -EventType role.bound_to_resource, role.unbound_from_resource -ActorId user_ann)
        $bindings.Type | Should -Be @('role.unbound_from_resource', 'role.bound_to_resource')
        $tenant = @(Get-OpenAiAuditLog -TenantOnly -ActorId user_ann)
        $tenant.ResourceId | Should -Be @('group_t1', 'role_unbound1', 'role_bound1')
        @(Get-OpenAiAuditLog -ActorId user_ann -After ([DateTimeOffset]::FromUnixTimeSeconds($t0 - 1).UtcDateTime)).ResourceId | Should -Be @('key_z')
        Get-OpenAiAuditLog -TenantOnly -EventType api_key.deleted -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
    }

    It 'pages through long logs with after cursors' {
        Invoke-Seed @{ audit_logs = 45 } | Out-Null
        $since = Get-EmulatorSeq $emu
        $all = @(Get-OpenAiAuditLog -EventType project.updated -PageSize 20)
        $all.Count | Should -BeGreaterOrEqual 45
        ($all.Id | Select-Object -Unique).Count | Should -Be $all.Count
        $sorted = $all.EffectiveAt | Sort-Object -Descending
        $all.EffectiveAt | Should -Be $sorted
        (Get-EmulatorLog $emu -Since $since)[1].query_params.after | Should -Be $all[19].Id
    }

    It 'an unknown event type is refused with OpenAiInvalidRequest' {
        Get-OpenAiAuditLog -EventType project.exploded -ErrorVariable e -ErrorAction SilentlyContinue
        $e[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
    }

    It '-EventType tab-completes the spec''s event types' {
        $line = 'Get-OpenAiAuditLog -EventType certificates.'
        $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $matches | Should -Be @('certificates.activated', 'certificates.deactivated')
    }
}
