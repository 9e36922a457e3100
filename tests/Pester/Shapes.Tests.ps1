# The shared cmdlet shapes (src/TrutoOpenAi.PowerShell/Base): piped objects change with one request each, -Force and
# -PassThru, what a piped string or foreign object does, and which parameter a validation message names.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:emu = Start-TestEmulator -Connect -SeedProjects 3
    $script:workDir = Join-Path ([System.IO.Path]::GetTempPath()) "truto-shapes-$PID"
    $null = New-Item -ItemType Directory -Path $workDir -Force

    function New-TestFile([string] $Name) {
        $path = Join-Path $workDir $Name
        Set-Content -LiteralPath $path -Value '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{}}'
        New-OpenAiFile -Path $path -Purpose batch -Confirm:$false
    }
}

AfterAll {
    Remove-Item -LiteralPath $workDir -Recurse -Force -ErrorAction SilentlyContinue
    Complete-TrutoTest
}

Describe 'Piped objects change with one request each' {
    It 'Get-OpenAiFile | Remove-OpenAiFile -Force sends one DELETE per file and no GET before it' {
        $files = 1..4 | ForEach-Object { New-TestFile "bulk$_.jsonl" }
        $since = Get-EmulatorSeq
        $files | Remove-OpenAiFile -Force
        $log = @(Get-EmulatorRequest -Since $since)
        $log.Count | Should -Be 4
        @($log | Where-Object method -eq 'DELETE').Count | Should -Be 4
        ($log.path | Sort-Object) | Should -Be ($files.Id | ForEach-Object { "/v1/files/$_" } | Sort-Object)
        foreach ($file in $files) { { Get-OpenAiFile -Id $file.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAiNotFound*' }
    }

    It 'Remove-OpenAiFile -Id still looks the file up first to name it (two requests)' {
        $file = New-TestFile 'byid.jsonl'
        $since = Get-EmulatorSeq
        Remove-OpenAiFile -Id $file.Id -Force
        @(Get-EmulatorRequest -Since $since).method | Should -Be @('GET', 'DELETE')
    }

    It 'a piped project is archived by Disable-OpenAiProject with one request' {
        $project = New-OpenAiProject -Name 'shapes-archive' -Confirm:$false
        $since = Get-EmulatorSeq
        $archived = $project | Disable-OpenAiProject -Force -PassThru
        $archived.Status | Should -Be 'archived'
        @(Get-EmulatorRequest -Since $since | ForEach-Object { "$($_.method) $($_.path)" }) | Should -Be @("POST /v1/organization/projects/$($project.Id)/archive")
    }

    It 'Set-OpenAiProject on a piped project sends only the update' {
        $project = New-OpenAiProject -Name 'shapes-rename' -Confirm:$false
        $since = Get-EmulatorSeq
        $renamed = $project | Set-OpenAiProject -Name 'shapes-renamed' -PassThru -Confirm:$false
        $renamed.Name | Should -Be 'shapes-renamed'
        @(Get-EmulatorRequest -Since $since).method | Should -Be @('POST')
    }

    It '-WhatIf with -Force changes nothing and sends nothing for piped objects' {
        $file = New-TestFile 'whatif.jsonl'
        $since = Get-EmulatorSeq
        $file | Remove-OpenAiFile -Force -WhatIf
        @(Get-EmulatorRequest -Since $since).Count | Should -Be 0
        (Get-OpenAiFile -Id $file.Id).Id | Should -Be $file.Id
    }

    It 'Remove-OpenAiFile -PassThru writes the API''s deletion' {
        $file = New-TestFile 'passthru.jsonl'
        $deletion = $file | Remove-OpenAiFile -Force -PassThru
        $deletion.Id | Should -Be $file.Id
        $deletion.Deleted | Should -BeTrue
    }
}

Describe '-Force in a non-interactive session' {
    It 'a bare Remove fails under pwsh -NonInteractive and the same Remove with -Force deletes' {
        $file = New-TestFile 'noninteractive.jsonl'
        # A child pwsh -NonInteractive connected to this emulator through the OPENAI_* variables (the emulator's own keys).
        $process = $emu.GetType().GetProperty('Process', [System.Reflection.BindingFlags]'NonPublic,Instance').GetValue($emu)
        $plain = { param($secure) [System.Net.NetworkCredential]::new('', $secure).Password }
        $saved = @{ OPENAI_BASE_URL = $env:OPENAI_BASE_URL; OPENAI_API_KEY = $env:OPENAI_API_KEY; OPENAI_ADMIN_KEY = $env:OPENAI_ADMIN_KEY }
        try {
            $env:OPENAI_BASE_URL = [string]$emu.BaseUri
            $env:OPENAI_API_KEY = & $plain $process.ApiKey
            $env:OPENAI_ADMIN_KEY = & $plain $process.AdminKey
            $run = { param($command) & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; $command; 'removed'" 2>&1 }
            $bare = & $run "Remove-OpenAiFile -Id $($file.Id) -ErrorAction Stop"
            ($bare -join "`n") | Should -Not -Match 'removed'
            (Get-OpenAiFile -Id $file.Id).Id | Should -Be $file.Id
            $forced = & $run "Remove-OpenAiFile -Id $($file.Id) -Force -ErrorAction Stop"
            ($forced -join "`n") | Should -Match 'removed'
        } finally {
            foreach ($name in $saved.Keys) { Set-Item "env:$name" -Value $saved[$name] -ErrorAction SilentlyContinue; if ($null -eq $saved[$name]) { Remove-Item "env:$name" -ErrorAction SilentlyContinue } }
        }
        { Get-OpenAiFile -Id $file.Id -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAiNotFound*'
    }
}

Describe 'Piped strings and foreign objects do not become ids' {
    It "'<Value>' piped to Get-OpenAiProject is refused by PowerShell before any request" -ForEach @(
        @{ Value = 'tenant-00001' }
        @{ Value = 'proj_abc' }
    ) {
        $since = Get-EmulatorSeq
        { $Value | Get-OpenAiProject -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectNotBound*'
        @(Get-EmulatorRequest -Since $since).Count | Should -Be 0
    }

    It 'a piped connection object is refused by Remove-OpenAiFile and Get-OpenAiFile before any request' {
        $since = Get-EmulatorSeq
        { Get-OpenAiConnection | Select-Object -First 1 | Remove-OpenAiFile -Force -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectNotBound*'
        { Get-OpenAiConnection | Select-Object -First 1 | Get-OpenAiFile -ErrorAction Stop } | Should -Throw -ErrorId 'InputObjectNotBound*'
        @(Get-EmulatorRequest -Since $since).Count | Should -Be 0
    }

    It 'objects with an id property still bind by property name' {
        $project = Get-OpenAiProject -First 1
        ([pscustomobject]@{ ProjectId = $project.Id } | Get-OpenAiProject).Id | Should -Be $project.Id
        ($project | Get-OpenAiProject).Id | Should -Be $project.Id
    }
}

Describe 'Validation messages name the parameter the user typed' {
    It 'Get-OpenAiProject -Id with a slash names -Id, not the alias -ProjectId' {
        $err = $null
        Get-OpenAiProject -Id 'a/b' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidId*'
        $err[0].Exception.Message | Should -Match "^-Id 'a/b'"
        $err[0].Exception.Message | Should -Not -Match 'ProjectId'
    }

    It 'Get-OpenAiProject -ProjectId with a slash names -ProjectId' {
        $err = $null
        Get-OpenAiProject -ProjectId 'a/b' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -Match "^-ProjectId 'a/b'"
    }
}

Describe 'One sort parameter and one time-range naming' {
    It 'Get-OpenAiAdminApiKey -Order Descending and the old -Descending both ask the API for order=desc' {
        $since = Get-EmulatorSeq
        $null = Get-OpenAiAdminApiKey -Order Descending
        $null = Get-OpenAiAdminApiKey -Descending
        $null = Get-OpenAiAdminApiKey -Order Ascending
        $queries = @(Get-EmulatorRequest -Since $since | ForEach-Object { [string]$_.query })
        $queries.Count | Should -Be 3
        $queries[0] | Should -Match 'order=desc'
        $queries[1] | Should -Match 'order=desc'
        $queries[2] | Should -Match 'order=asc'
    }

    It 'Get-OpenAiAuditLog -StartTime/-EndTime and the old -After/-Before send the same effective_at bounds' {
        $start = [datetime]::new(2026, 1, 1, 0, 0, 0, [System.DateTimeKind]::Utc)
        $end = $start.AddDays(1)
        $since = Get-EmulatorSeq
        $null = Get-OpenAiAuditLog -StartTime $start -EndTime $end
        $null = Get-OpenAiAuditLog -After $start -Before $end
        $queries = @(Get-EmulatorRequest -Since $since | ForEach-Object { [uri]::UnescapeDataString([string]$_.query) })
        $queries.Count | Should -Be 2
        $queries[0] | Should -Match 'effective_at\[gt\]=1767225600'
        $queries[0] | Should -Match 'effective_at\[lt\]=1767312000'
        $queries[1] | Should -Be $queries[0]
    }
}

Describe 'Get-OpenAiRole (issue 13.4)' {
    It '-First and -Skip count the built-in roles: -First 1 is one role and makes no request' {
        $since = Get-EmulatorSeq
        $first = @(Get-OpenAiRole -First 1)
        $first.Count | Should -Be 1
        $first[0].Type | Should -Be 'builtin'
        @(Get-EmulatorRequest -Since $since).Count | Should -Be 0
        $all = @(Get-OpenAiRole)
        $all.Count | Should -BeGreaterThan 3
        (@(Get-OpenAiRole -Skip 1 -First 2).Id) | Should -Be @($all[1].Id, $all[2].Id)
        (@(Get-OpenAiRole -Skip 2).Id) | Should -Be @($all | Select-Object -Skip 2 | ForEach-Object Id)
    }

    It '-Name Member on a project is one role, the predefined one with a role_ id; -Type builtin gets the built-in' {
        $project = Get-OpenAiProject -First 1
        $member = @($project | Get-OpenAiRole -Name Member)
        $member.Count | Should -Be 1
        $member[0].Type | Should -Be 'predefined'
        $member[0].Id | Should -BeLike 'role_*'
        $builtIn = @($project | Get-OpenAiRole -Name member -Type builtin)
        $builtIn.Count | Should -Be 1
        $builtIn[0].Type | Should -Be 'builtin'
    }

    It 'the Add-OpenAiProjectGroup help example runs: a group gets the project''s Member role' {
        $group = New-OpenAiGroup -Name 'eng-shapes' -Confirm:$false
        $p = Get-OpenAiProject -First 1
        $member = $p | Get-OpenAiRole -Name Member
        $added = Get-OpenAiGroup -Name 'eng-shapes' | Add-OpenAiProjectGroup -ProjectId $p.Id -RoleId $member.Id -Confirm:$false
        $added.GroupId | Should -Be $group.Id
        $added.ProjectId | Should -Be $p.Id
    }
}

Describe 'Objects outside the default views (issue 13.9)' {
    It 'every output type of every exported cmdlet names the object in ToString' {
        $skip = [void], [object], [string], [bool], [int], [long], [System.Management.Automation.PSObject], [System.IO.FileInfo], [hashtable]
        $types = Get-Command -Module TrutoOpenAi -CommandType Cmdlet | ForEach-Object OutputType | Where-Object { $_.Type -and $_.Type -notin $skip } |
            ForEach-Object Type | Sort-Object FullName -Unique
        $types.Count | Should -BeGreaterThan 20
        foreach ($type in $types) {
            $type.GetMethod('ToString', [type[]]@()).DeclaringType | Should -Not -Be ([object]) -Because "$($type.FullName) is written by a cmdlet: its text should name the object, not the type"
        }
    }

    It 'Export-Csv of users gives readable columns: no List`1 type names, and the raw object last' {
        $csvPath = Join-Path $workDir 'users.csv'
        Get-OpenAiUser | Export-Csv -LiteralPath $csvPath -NoTypeInformation
        $text = Get-Content -LiteralPath $csvPath -Raw
        $text | Should -Not -Match 'List`1'
        $text | Should -Not -Match 'System\.Collections'
        $header = (Get-Content -LiteralPath $csvPath -TotalCount 1) -replace '"', '' -split ','
        $header[0] | Should -Be 'Id'
        $header[-1] | Should -Be 'RemoteData'
        $header | Should -Contain 'RawJson'
        $row = @(Import-Csv -LiteralPath $csvPath)[0]
        $row.Emails | Should -Be $row.Email
        $row.Roles | Should -Match '\(organization\)'
    }

    It 'the raw object is RawJson on typed and unified objects alike' {
        (Get-OpenAiProject -First 1).RawJson | ConvertFrom-Json | ForEach-Object object | Should -Be 'organization.project'
        (Get-OpenAiUser -First 1).RawJson | ConvertFrom-Json | ForEach-Object object | Should -Be 'organization.user'
        (Get-OpenAiRole -First 1).PSObject.Properties.Name | Should -Contain 'RawJson'
    }

    It 'an owner''s Get-OpenAiMe shows the role' {
        $me = Get-OpenAiMe
        $me.Role | Should -Be 'owner'
        $me.Roles.Name | Should -Contain 'owner'
    }
}

Describe 'Cost rows and the cost summary (issue 13.9)' {
    BeforeAll {
        $script:costStart = [DateTimeOffset]::new([datetime]::UtcNow.Date.AddDays(-10), [TimeSpan]::Zero)
    }

    It 'cost rows without grouping show no empty ProjectId/LineItem columns; grouped rows do show them' {
        $ungrouped = @(Get-OpenAiCost -StartTime $costStart)
        $ungrouped.Count | Should -BeGreaterThan 0
        $ungrouped | ForEach-Object { $_.ProjectId | Should -BeNullOrEmpty }
        $table = ($ungrouped | Format-Table | Out-String)
        $table | Should -Not -Match 'ProjectId'
        $table | Should -Not -Match 'LineItem'
        $table | Should -Match 'Amount'
        (Get-OpenAiCost -StartTime $costStart -GroupBy ProjectId | Format-Table | Out-String) | Should -Match 'ProjectId'
    }

    It '-Summarize names the projects' {
        $summary = Get-OpenAiCost -StartTime $costStart -Summarize
        $summary.ByProject.Count | Should -BeGreaterThan 0
        $projects = @{}
        Get-OpenAiProject -IncludeArchived | ForEach-Object { $projects[$_.Id] = $_.Name }
        foreach ($total in $summary.ByProject) {
            $total.Name | Should -Be $projects[$total.Key] -Because "project $($total.Key) has a name"
        }
    }
}

Describe 'Words an OpenAI admin uses (issue 13.9)' {
    It 'users, roles and role assignments say project, never workspace' {
        $project = Get-OpenAiProject -First 1
        $user = Get-OpenAiProjectUser -ProjectId $project.Id | Select-Object -First 1
        $roles = @($project | Get-OpenAiRole)
        $text = (@($user) + $roles | ForEach-Object { $_.PSObject.Properties | Where-Object Name -ne 'RemoteData' | ForEach-Object { $_.Name; [string]$_.Value } }) -join "`n"
        $text | Should -Not -Match '(?i)workspace'
        $user.Projects[0].Id | Should -Be $project.Id
        $roles | ForEach-Object { $_.ApplicableIn | Should -Be 'project' }
    }
}
