# Help-example world: keys (the emulator's "api_keys" samples), service accounts, certificates, spend alerts and limits.
@{
    Order = 20
    Setup = {
        param($World)
        $p1 = $World.Project1
        $null = New-OpenAiProjectServiceAccount -ProjectId $p1.Id -Name 'old-exporter' -Confirm:$false -WarningAction SilentlyContinue
        $null = Invoke-RestMethod -Method Post -Uri "$($World.Emulator.ControlUri)seed" -ContentType 'application/json' `
            -Body (@{ certificates = @(@{ name = 'mtls-a' }, @{ name = 'mtls-b'; active = $true }) } | ConvertTo-Json -Depth 4)
        $certs = @(Get-OpenAiCertificate -Name 'mtls-*')
        $World.Cert1 = $certs[0].Id; $World.Cert2 = $certs[1].Id
        # PEM files for New-OpenAiCertificate examples.
        $pem = {
            param($cn)
            $k = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
            $r = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$cn", $k, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
            $r.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(20)).ExportCertificatePem()
        }
        Set-Content -LiteralPath (Join-Path $World.Dir 'client-ca.pem') -Value (& $pem 'client-ca')
        $null = New-Item -ItemType Directory -Path (Join-Path $World.Dir 'certs') -Force
        foreach ($n in 'edge-1', 'edge-2') { Set-Content -LiteralPath (Join-Path $World.Dir "certs/$n.pem") -Value (& $pem $n) }
        # A certificate that expires within 30 days, active in the first project.
        $soon = & $pem 'expiring-soon'
        Set-Content -LiteralPath (Join-Path $World.Dir 'expiring.pem') -Value $soon
        $null = New-OpenAiCertificate -Path (Join-Path $World.Dir 'expiring.pem') -Name 'expiring-soon' -Confirm:$false
        $null = Enable-OpenAiProjectCertificate -ProjectId $p1.Id -CertificateId $World.Cert2 -Confirm:$false
        # A key whose owner lost access to the first project.
        $null = Invoke-RestMethod -Method Post -Uri "$($World.Emulator.ControlUri)seed" -ContentType 'application/json' `
            -Body (@{ project_api_keys = @(@{ project_id = $p1.Id; name = 'former-employee'; owner_email = 'gone@example.com'; owner_project_access = 'inactive' }) } | ConvertTo-Json -Depth 4)
        $World.AlertId = (New-OpenAiSpendAlert -ProjectId $p1.Id -Threshold 100 -Recipient 'ops@example.com' -Confirm:$false).Id
        $null = New-OpenAiSpendAlert -Threshold 5000 -Recipient 'finance@example.com' -Confirm:$false
        $null = Set-OpenAiSpendLimit -ProjectId $p1.Id -Threshold 0.01 -Confirm:$false   # reached: enforcing
        $null = Set-OpenAiSpendLimit -Threshold 100000 -Confirm:$false
        $World.ProjectKeyId = (Get-OpenAiProjectApiKey -ProjectId $p1.Id | Where-Object OwnerType -eq user | Select-Object -First 1).Id
        $World.AdminKeyId = (Get-OpenAiAdminApiKey | Select-Object -First 1).Id
        $World.ServiceAccountId = (Get-OpenAiProjectServiceAccount -ProjectId $p1.Id | Select-Object -First 1).Id
        $csv = "Email,Role`nnew1@example.com,reader`nnew2@example.com,owner"
        Set-Content -LiteralPath (Join-Path $World.Dir 'users.csv') -Value $csv
    }
    Before = [ordered]@{
        # The connection's rate limit is known once an API-key request answered.
        'RateLimit' = { param($World) $null = Get-OpenAiModel -Id gpt-4o }
    }
    Placeholders = [ordered]@{
        # key_abc is an admin key in admin-key examples, else a project key.
        'key_abc\b'      = { param($World, $Code) if ($Code -match 'AdminApiKey') { $World.AdminKeyId } else { $World.ProjectKeyId } }
        'svc_acct_abc\b' = { param($World) $World.ServiceAccountId }
        'cert_abc\b'     = { param($World) $World.Cert1 }
        'cert_def\b'     = { param($World) $World.Cert2 }
        'alert_abc\b'    = { param($World) $World.AlertId }
    }
}
