# Help-example world: organization directory (users, invites, groups, roles, project users and groups).
# Read by tests/Pester/HelpExamples.Tests.ps1: see the convention at the top of build/Help.ps1.
@{
    Order = 10
    Setup = {
        param($World)
        $p1 = $World.Project1
        # Members from contoso.com: invited, then accepted (the emulator's control API plays the invitee).
        $invites = foreach ($email in 'bob@contoso.com', 'dave@contoso.com') { New-OpenAiInvite -Email $email -Role reader -Confirm:$false }
        $null = Invoke-RestMethod -Method Post -Uri "$($World.Emulator.ControlUri)seed" -ContentType 'application/json' `
            -Body (@{ accept_invites = @($invites.Id) } | ConvertTo-Json)
        $null = New-OpenAiInvite -Email 'carol@contoso.com' -Role reader -Confirm:$false
        Get-OpenAiUser -Email 'user*@example.com' | Select-Object -First 3 | Add-OpenAiProjectUser -ProjectId $p1.Id -Role member -Confirm:$false
        $eng = New-OpenAiGroup -Name 'Engineering' -Confirm:$false
        $null = 'eng-platform', 'temp-2024' | New-OpenAiGroup -Confirm:$false
        $contractors = New-OpenAiGroup -Name 'contractors' -Confirm:$false
        Get-OpenAiUser -Email '*@contoso.com' | Add-OpenAiGroupUser -GroupId $eng.Id -Confirm:$false
        $reader = Get-OpenAiRole -Name Reader -Type predefined
        $null = $eng | Add-OpenAiGroupRole -RoleId $reader.Id -Confirm:$false
        $null = New-OpenAiRole -Name 'Billing viewer' -Permission api.organization.read -Confirm:$false
        foreach ($p in @(Get-OpenAiProject -Name 'tenant-*')) {
            $member = $p | Get-OpenAiRole -Name Member -Type predefined
            $null = $contractors | Add-OpenAiProjectGroup -ProjectId $p.Id -RoleId $member.Id -Confirm:$false
            $null = $p | New-OpenAiRole -Name 'Deployer' -Permission api.project.read -Confirm:$false
        }
        $World.UserId = (Get-OpenAiProjectUser -ProjectId $p1.Id | Select-Object -First 1).Id
    }
    Placeholders = [ordered]@{
        'user-abc123' = { param($World) $World.UserId }
    }
    Before = [ordered]@{
        # Examples that work on what contoso.com users have get it first (the world itself leaves them without it, so the
        # examples that add it succeed).
        "Where-Object Email -like '\*@contoso.com' \| Set-OpenAiProjectUser" = { param($World)
            Get-OpenAiUser -Email '*@contoso.com' | Add-OpenAiProjectUser -ProjectId $World.Project1.Id -Role member -Confirm:$false }
        'Get-OpenAiUserRole' = { param($World)
            $reader = Get-OpenAiRole -Name Reader -Type predefined
            Get-OpenAiUser -Email '*@contoso.com' | Add-OpenAiUserRole -RoleId $reader.Id -Confirm:$false }
        "New-OpenAiRole -Name 'Billing viewer'" = { param($World) Get-OpenAiRole -Name 'Billing viewer' -Type custom | Remove-OpenAiRole -Confirm:$false }
        "New-OpenAiRole -Name 'Deployer'" = { param($World) Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Name Deployer | Remove-OpenAiRole -Confirm:$false }
    }
}
