Describe 'Connections, keys and the passthrough' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'connection-tests' -SeedProjects 45
        function script:Secure([string] $text) { ConvertTo-SecureString $text -AsPlainText -Force }
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Get-OpenAiConnection | Where-Object Name -like 'ct-*' | Disconnect-OpenAi
    }
    # Tests below disconnect the connection they made current; that leaves none current, so each test starts from this one.
    BeforeEach { Connect-OpenAi -Connection 'connection-tests' }

    It 'Start-OpenAiEmulator -Connect makes a current connection that shows no key' {
        $connection = Get-OpenAiConnection -Current
        $connection.Name | Should -Be 'connection-tests'
        $connection.HasAdminKey | Should -BeTrue
        $connection.HasApiKey | Should -BeTrue
        ($connection | Format-List * | Out-String) | Should -Not -Match 'sk-'
        ($connection | ConvertTo-Json -Depth 3 -WarningAction SilentlyContinue) | Should -Not -Match 'sk-(admin|proj)'
    }

    It 'Several named connections live side by side and -Connection picks one per call' {
        $other = Start-OpenAiEmulator -Connect -Name 'ct-other' -SeedProjects 3
        try {
            # ct-other is now current; the first emulator is still reachable by name.
            @(Get-OpenAiProject).Count | Should -Be 3
            @(Get-OpenAiProject -Connection 'connection-tests').Count | Should -Be 45
            @(Get-OpenAiProject -Connection (Get-OpenAiConnection -Name 'connection-tests')).Count | Should -Be 45
        } finally {
            $other | Stop-OpenAiEmulator -Confirm:$false
        }
        (Get-OpenAiConnection).Name | Should -Not -Contain 'ct-other'
        # Removing the current connection leaves none current: another tenant's connection never takes its place silently.
        Get-OpenAiConnection -Current | Should -BeNullOrEmpty
        Get-OpenAiConnection -Name 'connection-tests' | Connect-OpenAi
        (Get-OpenAiConnection -Current).Name | Should -Be 'connection-tests'
    }

    It 'Connect-OpenAi -Connection selects an existing connection and refuses other settings with it' {
        { Connect-OpenAi -Connection 'connection-tests' -MaxRetries 3 -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAiInvalidArgument,*'
        (Connect-OpenAi -Connection 'connection-tests' -PassThru).IsCurrent | Should -BeTrue
    }

    It 'CR, LF or non-ASCII characters in -Organization or -Project are refused at connect time' {
        foreach ($bad in "org-1`r`nX-Injected: 1", "org-1`nX: y", 'org-ü') {
            { Connect-OpenAi -Name 'ct-header' -BaseUri $emu.BaseUri -AdminKey (Secure 'sk-admin-x') -Organization $bad -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAiInvalidHeaderValue,*'
            { Connect-OpenAi -Name 'ct-header' -BaseUri $emu.BaseUri -AdminKey (Secure 'sk-admin-x') -Project $bad -ErrorAction Stop } |
                Should -Throw -ErrorId 'OpenAiInvalidHeaderValue,*'
        }
        (Get-OpenAiConnection).Name | Should -Not -Contain 'ct-header'
    }

    It 'An unknown connection name is a clear parameter error' {
        { Get-OpenAiProject -Connection 'no-such-connection' -ErrorAction Stop } | Should -Throw -ExpectedMessage "*no connection named 'no-such-connection'*"
    }

    It 'A plain http base URI that is not loopback is refused with OpenAiInsecureBaseUri' {
        { Connect-OpenAi -Name 'ct-insecure' -BaseUri 'http://api.example.com/v1' -AdminKey (Secure 'sk-admin-x') -ErrorAction Stop } |
            Should -Throw -ErrorId 'OpenAiInsecureBaseUri,*'
        (Get-OpenAiConnection).Name | Should -Not -Contain 'ct-insecure'
    }

    It 'A key of the wrong kind is refused with OpenAiWrongKeyKind' {
        { Connect-OpenAi -Name 'ct-wrong' -BaseUri $emu.BaseUri -ApiKey (Secure 'sk-admin-notapikey') -ErrorAction Stop } |
            Should -Throw -ErrorId 'OpenAiWrongKeyKind,*'
        { Connect-OpenAi -Name 'ct-wrong' -BaseUri $emu.BaseUri -AdminKey (Secure 'sk-proj-notadmin') -ErrorAction Stop } |
            Should -Throw -ErrorId 'OpenAiWrongKeyKind,*'
    }

    It 'A missing admin key stops the cmdlet with OpenAiMissingKey before any request' {
        Connect-OpenAi -Name 'ct-apionly' -BaseUri $emu.BaseUri -ApiKey (Secure 'sk-proj-whatever')
        $since = Get-EmulatorSeq $emu
        { Get-OpenAiProject -Connection 'ct-apionly' -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAiMissingKey,*'
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        Disconnect-OpenAi -Name 'ct-apionly'
    }

    It 'A wrong key gives a terminating OpenAiAuthenticationFailed without echoing the key' {
        Connect-OpenAi -Name 'ct-badkey' -BaseUri $emu.BaseUri -AdminKey (Secure 'sk-admin-wrongwrongwrong')
        $caught = $null
        try { Get-OpenAiProject -Connection 'ct-badkey' -ErrorAction Stop } catch { $caught = $_ }
        $caught.FullyQualifiedErrorId | Should -BeLike 'OpenAiAuthenticationFailed,*'
        $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($caught | Out-String) | Should -Not -Match 'wrongwrongwrong'
        Disconnect-OpenAi -Name 'ct-badkey'
    }

    It 'Disconnect-OpenAi of an unknown name writes OpenAiConnectionNotFound' {
        Disconnect-OpenAi -Name 'ct-never' -ErrorAction SilentlyContinue -ErrorVariable failure
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiConnectionNotFound,*'
    }

    It 'Invoke-OpenAiRequest returns the raw list envelope as objects' {
        $page = Invoke-OpenAiRequest -Path 'organization/projects' -Query @{ limit = 5 }
        $page.object | Should -Be 'list'
        $page.data.Count | Should -Be 5
        $page.has_more | Should -BeTrue
        $page.last_id | Should -Be $page.data[-1].id
    }

    It 'Invoke-OpenAiRequest -All follows every page' {
        $since = Get-EmulatorSeq $emu
        $items = @(Invoke-OpenAiRequest -Path '/organization/projects?limit=10' -All)
        $items.Count | Should -Be 45
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 5
    }

    It 'Invoke-OpenAiRequest sends a piped hashtable as the JSON body' {
        $since = Get-EmulatorSeq $emu
        $created = @{ name = 'from-passthrough' } | Invoke-OpenAiRequest -Method Post -Path 'organization/projects' -Confirm:$false
        $created.name | Should -Be 'from-passthrough'
        $log = Get-EmulatorLog $emu -Since $since
        $log[-1].method | Should -Be 'POST'
        $log[-1].body.name | Should -Be 'from-passthrough'
    }

    It 'Invoke-OpenAiRequest -WhatIf sends nothing that changes' {
        $since = Get-EmulatorSeq $emu
        @{ name = 'never' } | Invoke-OpenAiRequest -Method Post -Path 'organization/projects' -WhatIf
        (Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
    }

    It 'Invoke-OpenAiRequest -Raw writes the body text' {
        $text = Invoke-OpenAiRequest -Path 'organization/projects?limit=1' -Raw
        $text | Should -BeOfType ([string])
        ($text | ConvertFrom-Json).object | Should -Be 'list'
    }

    It 'Invoke-OpenAiRequest refuses an absolute URL, which would send the key elsewhere' {
        { Invoke-OpenAiRequest -Path 'https://evil.example.com/v1/models' -ErrorAction Stop } | Should -Throw -ErrorId 'OpenAiInvalidArgument,*'
    }
}
