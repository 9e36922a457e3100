# How to perform each organization-access operation (service accounts, project API keys, rate limits, admin keys,
# certificates, audit logs), for Catalog.Tests.ps1: tool name -> scriptblock taking the test context ($ctx.Emulator,
# $ctx.ProjectId: a fresh active project). The two helpers are global because the blocks run from the catalog test's scope.
function global:Invoke-AccessSeed($ctx, [hashtable] $Body) {
    Invoke-RestMethod -Method Post -Uri "$($ctx.Emulator.ControlUri)seed" -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Depth 5)
}
function global:New-AccessTestPem([string] $Name = 'catalog') {
    $key = [System.Security.Cryptography.ECDsa]::Create([System.Security.Cryptography.ECCurve+NamedCurves]::nistP256)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$Name", $key, [System.Security.Cryptography.HashAlgorithmName]::SHA256)
    $request.CreateSelfSigned([DateTimeOffset]::UtcNow.AddDays(-1), [DateTimeOffset]::UtcNow.AddDays(30)).ExportCertificatePem()
}
@{
    list_all_openai_project_service_accounts        = { param($ctx) Get-OpenAiProjectServiceAccount -ProjectId $ctx.ProjectId | Out-Null }
    get_single_openai_project_service_account_by_id = { param($ctx)
        $sa = New-OpenAiProjectServiceAccount -ProjectId $ctx.ProjectId -Name 'catalog-sa' -ServiceAccountOnly -Confirm:$false
        Get-OpenAiProjectServiceAccount -ProjectId $ctx.ProjectId -ServiceAccountId $sa.Id | Out-Null }
    create_a_openai_project_service_account         = { param($ctx) New-OpenAiProjectServiceAccount -ProjectId $ctx.ProjectId -Name 'catalog-sa' -Confirm:$false -WarningAction SilentlyContinue | Out-Null }
    delete_a_openai_project_service_account_by_id   = { param($ctx)
        $sa = New-OpenAiProjectServiceAccount -ProjectId $ctx.ProjectId -Name 'catalog-sa' -ServiceAccountOnly -Confirm:$false
        Remove-OpenAiProjectServiceAccount -ProjectId $ctx.ProjectId -ServiceAccountId $sa.Id -Confirm:$false }
    list_all_openai_project_api_keys                = { param($ctx) Get-OpenAiProjectApiKey -ProjectId $ctx.ProjectId | Out-Null }
    get_single_openai_project_api_key_by_id         = { param($ctx)
        Invoke-AccessSeed $ctx @{ project_api_keys = @(@{ project_id = $ctx.ProjectId; name = 'catalog-key' }) } | Out-Null
        $key = Get-OpenAiProjectApiKey -ProjectId $ctx.ProjectId -First 1
        Get-OpenAiProjectApiKey -ProjectId $ctx.ProjectId -ApiKeyId $key.Id | Out-Null }
    delete_a_openai_project_api_key_by_id           = { param($ctx)
        Invoke-AccessSeed $ctx @{ project_api_keys = @(@{ project_id = $ctx.ProjectId; name = 'catalog-key' }) } | Out-Null
        Get-OpenAiProjectApiKey -ProjectId $ctx.ProjectId | Remove-OpenAiProjectApiKey -Confirm:$false }
    list_all_openai_project_rate_limits             = { param($ctx) Get-OpenAiProjectRateLimit -ProjectId $ctx.ProjectId | Out-Null }
    update_a_openai_project_rate_limit_by_id        = { param($ctx) Set-OpenAiProjectRateLimit -ProjectId $ctx.ProjectId -RateLimitId 'rl_gpt-4o' -MaxRequestsPer1Minute 50 -Confirm:$false }
    list_all_openai_admin_api_keys                  = { param($ctx) Get-OpenAiAdminApiKey | Out-Null }
    get_single_openai_admin_api_key_by_id           = { param($ctx) Get-OpenAiAdminApiKey -First 1 | Get-OpenAiAdminApiKey | Out-Null }
    create_a_openai_admin_api_key                   = { param($ctx) New-OpenAiAdminApiKey -Name 'catalog-admin' -Confirm:$false -WarningAction SilentlyContinue | Out-Null }
    delete_a_openai_admin_api_key_by_id             = { param($ctx)
        $key = New-OpenAiAdminApiKey -Name 'catalog-doomed' -Confirm:$false -WarningAction SilentlyContinue
        Remove-OpenAiAdminApiKey -Id $key.Id -Confirm:$false }
    list_all_openai_organization_certificates       = { param($ctx) Get-OpenAiCertificate | Out-Null }
    get_single_openai_certificate_by_id             = { param($ctx)
        $cert = New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false
        Get-OpenAiCertificate -Id $cert.Id -IncludeContent | Out-Null }
    create_a_openai_certificate                     = { param($ctx) New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false | Out-Null }
    update_a_openai_certificate_by_id               = { param($ctx)
        $cert = New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false
        Set-OpenAiCertificate -Id $cert.Id -Name 'catalog-renamed' -Confirm:$false }
    delete_a_openai_certificate_by_id               = { param($ctx)
        $cert = New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false
        Remove-OpenAiCertificate -Id $cert.Id -Confirm:$false }
    openai_organization_certificates_activate       = { param($ctx)
        New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false | Enable-OpenAiCertificate -Confirm:$false }
    openai_organization_certificates_deactivate     = { param($ctx)
        New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false | Disable-OpenAiCertificate -Confirm:$false }
    list_all_openai_project_certificates            = { param($ctx) Get-OpenAiProjectCertificate -ProjectId $ctx.ProjectId | Out-Null }
    openai_project_certificates_activate            = { param($ctx)
        New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false | Enable-OpenAiProjectCertificate -ProjectId $ctx.ProjectId -Confirm:$false }
    openai_project_certificates_deactivate          = { param($ctx)
        New-OpenAiCertificate -Content (New-AccessTestPem) -Name 'catalog-cert' -Confirm:$false | Disable-OpenAiProjectCertificate -ProjectId $ctx.ProjectId -Confirm:$false }
    list_all_openai_audit_logs                      = { param($ctx) Get-OpenAiAuditLog -First 5 | Out-Null }
}
