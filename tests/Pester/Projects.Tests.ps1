Describe 'Projects against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'projects-tests' -SeedProjects 260
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
    }

    It 'Get-OpenAiProject streams every page in order' {
        $since = Get-EmulatorSeq $emu
        $projects = @(Get-OpenAiProject)
        # The 260 seeded projects, in creation order, no duplicates.
        $projects.Count | Should -Be 260
        ($projects.Id | Select-Object -Unique).Count | Should -Be $projects.Count
        $tenants = $projects | Where-Object Name -like 'tenant-*'
        $tenants[0].Name | Should -Be 'tenant-00001'
        $tenants[-1].Name | Should -Be 'tenant-00260'
        $requests = Get-EmulatorLog $emu -Since $since
        $requests.Count | Should -Be ([math]::Ceiling($projects.Count / 20))
        $requests[1].query_params.after | Should -Be $projects[19].Id
    }

    It 'Get-OpenAiProject -First stops fetching once enough items arrived' {
        $since = Get-EmulatorSeq $emu
        $first = @(Get-OpenAiProject -First 30 -PageSize 20)
        $first.Count | Should -Be 30
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 2
    }

    It 'Select-Object -First stops the requests too' {
        $since = Get-EmulatorSeq $emu
        $few = @(Get-OpenAiProject -PageSize 10 | Select-Object -First 3)
        $few.Count | Should -Be 3
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 1
    }

    It 'Get-OpenAiProject reads a page ahead only when -First certainly needs it' {
        $since = Get-EmulatorSeq $emu
        $some = @(Get-OpenAiProject -PageSize 10 -First 25)
        $some.Count | Should -Be 25
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 3
    }

    It 'Select-Object -First past the first page costs at most one page read ahead' {
        $since = Get-EmulatorSeq $emu
        $some = @(Get-OpenAiProject -PageSize 10 | Select-Object -First 15)
        $some.Count | Should -Be 15
        $some[14].Name | Should -Be 'tenant-00015'
        (Get-EmulatorLog $emu -Since $since).Count | Should -BeLessOrEqual 3
    }

    It 'Get-OpenAiProject -Skip skips items, not requests of the wrong page' {
        $all = @(Get-OpenAiProject -First 25)
        $skipped = @(Get-OpenAiProject -Skip 20 -First 5)
        $skipped.Id | Should -Be $all[20..24].Id
    }

    It 'Get-OpenAiProject -First with a small count asks for a page just big enough' {
        $since = Get-EmulatorSeq $emu
        Get-OpenAiProject -First 3 | Out-Null
        $log = Get-EmulatorLog $emu -Since $since
        $log.Count | Should -Be 1
        $log[0].query_params.limit | Should -Be '3'
    }

    It 'Get-OpenAiProject -Name filters by wildcard across pages' {
        $matched = @(Get-OpenAiProject -Name 'tenant-001*')
        $matched.Count | Should -Be 100
        $matched | ForEach-Object { $_.Name | Should -BeLike 'tenant-001*' }
    }

    It 'Get-OpenAiProject writes typed objects with real DateTimes and the raw JSON' {
        $project = Get-OpenAiProject -First 1
        $project | Should -BeOfType ([TrutoOpenAi.Core.Models.OpenAiProject])
        $project.CreatedAt | Should -BeOfType ([DateTimeOffset])
        $project.ProjectId | Should -Be $project.Id
        ($project.RawJson | ConvertFrom-Json).id | Should -Be $project.Id
    }

    It 'New-OpenAiProject creates projects from the pipeline by property name' {
        $rows = @([pscustomobject]@{ Name = 'csv-alpha' }, [pscustomobject]@{ Name = 'csv-beta' })
        $created = @($rows | New-OpenAiProject -Confirm:$false)
        $created.Name | Should -Be @('csv-alpha', 'csv-beta')
        (Get-OpenAiProject -Id $created[1].Id).Name | Should -Be 'csv-beta'
    }

    It 'Get-OpenAiProject -Name tenant-* | Set-OpenAiProject binds ids by property name' {
        $targets = @(Get-OpenAiProject -Name 'tenant-0000[1-3]')
        $targets | Set-OpenAiProject -ExternalKeyId 'key_contoso' -Confirm:$false
        foreach ($t in $targets) { (Get-OpenAiProject -Id $t.Id).ExternalKeyId | Should -Be 'key_contoso' }
        # Names are untouched: piping never renames.
        (Get-OpenAiProject -Id $targets[0].Id).Name | Should -Be $targets[0].Name
    }

    It 'Set-OpenAiProject -WhatIf changes nothing' {
        $target = New-OpenAiProject -Name 'whatif-target' -Confirm:$false
        $since = Get-EmulatorSeq $emu
        Set-OpenAiProject -Id $target.Id -Name 'renamed' -WhatIf
        (Get-EmulatorLog $emu -Since $since | Where-Object method -ne 'GET').Count | Should -Be 0
        (Get-OpenAiProject -Id $target.Id).Name | Should -Be 'whatif-target'
    }

    It 'Disable-OpenAiProject -WhatIf archives nothing, and -Confirm:$false archives' {
        $target = New-OpenAiProject -Name 'archive-me' -Confirm:$false
        $target | Disable-OpenAiProject -WhatIf
        (Get-OpenAiProject -Id $target.Id).Status | Should -Be 'active'
        $archived = $target | Disable-OpenAiProject -Confirm:$false -PassThru
        $archived.Status | Should -Be 'archived'
        $archived.ArchivedAt | Should -Not -BeNullOrEmpty
        (Get-OpenAiProject).Id | Should -Not -Contain $target.Id
        (Get-OpenAiProject -IncludeArchived).Id | Should -Contain $target.Id
    }

    It 'Archive-OpenAiProject is an alias of Disable-OpenAiProject' {
        (Get-Alias Archive-OpenAiProject).ResolvedCommandName | Should -Be 'Disable-OpenAiProject'
    }

    It 'Set-OpenAiProject on an archived project fails with OpenAiInvalidRequest' {
        $target = New-OpenAiProject -Name 'archived-then-renamed' -Confirm:$false
        $target | Disable-OpenAiProject -Confirm:$false
        Set-OpenAiProject -Id $target.Id -Name 'nope' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
    }

    It 'A 404 for one piped id writes a non-terminating OpenAiNotFound and the pipeline goes on' {
        $good = Get-OpenAiProject -First 1
        $out = @([pscustomobject]@{ ProjectId = 'proj_doesnotexist' }, $good | Get-OpenAiProject -ErrorAction SilentlyContinue -ErrorVariable failures)
        $out.Count | Should -Be 1
        $out[0].Id | Should -Be $good.Id
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].Exception.RequestId | Should -Match '^req_'
    }

    It 'An id with a slash is refused before any request with OpenAiInvalidId' -ForEach @(
        @{ Id = 'proj_a/b' }, @{ Id = '..' }, @{ Id = ' ' }
    ) {
        $since = Get-EmulatorSeq $emu
        Get-OpenAiProject -Id $Id -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidId,*'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }

    It 'Ids with URL characters are escaped in the path' {
        $since = Get-EmulatorSeq $emu
        Get-OpenAiProject -Id 'proj_x?y#z' -ErrorAction SilentlyContinue
        $log = Get-EmulatorLog $emu -Since $since
        $log[0].path | Should -Be '/v1/organization/projects/proj_x%3Fy%23z'
        $log[0].query | Should -BeNullOrEmpty
    }

    It '-PageSize outside the API range is refused before any request' {
        $since = Get-EmulatorSeq $emu
        { Get-OpenAiProject -PageSize 101 -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAiInvalidPageSize,*'
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }

    It 'Retries a 429 honouring Retry-After and then succeeds' {
        $since = Get-EmulatorSeq $emu
        Set-EmulatorFault $emu @{ path_prefix = '/v1/organization/projects'; fail_next = @(@{ status = 429; retry_after_seconds = 0; count = 1 }) }
        try {
            $project = Get-OpenAiProject -First 1 -Verbose 4>&1 | Tee-Object -Variable stream | Where-Object { $_ -is [TrutoOpenAi.Core.Models.OpenAiProject] }
        } finally { Clear-EmulatorFault $emu }
        $project | Should -Not -BeNullOrEmpty
        $statuses = (Get-EmulatorLog $emu -Since $since).status
        $statuses | Should -Be @(429, 200)
        ($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n" | Should -Match 'HTTP 429: retry 1 of 2'
    }

    It 'Gives up after MaxRetries with OpenAiServerError and the request id' {
        $seq = Get-EmulatorSeq $emu
        Set-EmulatorFault $emu @{ path_prefix = '/v1/organization/projects'; fail_next = @(@{ status = 503; retry_after_seconds = 0; count = 100 }) }
        try {
            Get-OpenAiProject -First 1 -ErrorAction SilentlyContinue -ErrorVariable failure
        } finally { Clear-EmulatorFault $emu }
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiServerError,*'
        (Get-EmulatorLog $emu -Since $seq).Count | Should -Be 15   # (1 + the default 2 retries) x (1 + 4 whole-page retries of a listing)
    }

    It 'Verbose output traces requests and never shows a key' {
        $records = Get-OpenAiProject -First 1 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $records.Count | Should -BeGreaterThan 0
        ($records.Message -join "`n") | Should -Not -Match 'sk-'
        ($records.Message -join "`n") | Should -Match 'organization/projects'
    }
}
