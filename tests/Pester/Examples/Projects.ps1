# Help-example world: projects. The emulator starts with tenant-00001..tenant-00003; this adds trial-00001 and tenant-acme.
@{
    Order = 0
    Setup = {
        param($World)
        $null = Invoke-RestMethod -Method Post -Uri "$($World.Emulator.ControlUri)seed" -ContentType 'application/json' `
            -Body (@{ projects = 1; name_prefix = 'trial-'; samples = @('api_keys', 'invites', 'audit_logs') } | ConvertTo-Json)
        $null = New-OpenAiProject -Name 'tenant-acme' -Confirm:$false
        $World.Project1 = Get-OpenAiProject -Name 'tenant-00001'
        $World.Project2 = Get-OpenAiProject -Name 'tenant-00002'
        Set-Content -LiteralPath (Join-Path $World.Dir 'tenants.csv') -Value "Name`ntenant-csv-1`ntenant-csv-2"
    }
    Placeholders = [ordered]@{
        'proj_abc(123)?\b' = { param($World) $World.Project1.Id }
        'proj_def\b'       = { param($World) $World.Project2.Id }
    }
}
