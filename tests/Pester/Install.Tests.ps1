# Installing like a gallery module (issue 13 item 12): `./build.ps1 Package` writes a .nupkg; a clean pwsh (no profile,
# its own HOME, a PSModulePath with no copy of the module) registers a local PSResourceGet repository on a temp folder,
# publishes the package there, installs it back with Install-PSResource, and imports the module by name. No internet:
# every other repository is unregistered first, and the installed module is tried against its own bundled emulator.
BeforeDiscovery {
    # Install-PSResource -Scope CurrentUser writes to the Documents folder on Windows, which an environment variable
    # cannot redirect: there the test would install into the user's real module folder.
    $script:CanIsolate = -not $IsWindows
}

Describe 'Install from a local PSResourceGet repository' -Skip:(-not $CanIsolate) {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $script:Root = Get-TrutoRepoRoot
        $script:Staged = Import-PowerShellDataFile -LiteralPath (Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1')

        # Children run the same pwsh as this one, started directly (dotnet pwsh.dll under the dotnet tool).
        $script:HostPath = [Environment]::ProcessPath
        $script:Prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($HostPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        function script:Invoke-Child([string[]] $Arguments, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $Root, [int] $TimeoutSeconds = 600) {
            $psi = [System.Diagnostics.ProcessStartInfo]::new($HostPath)
            foreach ($a in @($Prefix) + @('-NoProfile', '-NonInteractive') + $Arguments) { $psi.ArgumentList.Add($a) }
            $psi.WorkingDirectory = $WorkingDirectory
            $psi.UseShellExecute = $false
            $psi.RedirectStandardOutput = $true
            $psi.RedirectStandardError = $true
            $psi.Environment['NO_COLOR'] = '1'
            foreach ($k in $Environment.Keys) { $psi.Environment[$k] = $Environment[$k] }
            $p = [System.Diagnostics.Process]::Start($psi)
            $out = $p.StandardOutput.ReadToEndAsync()
            $err = $p.StandardError.ReadToEndAsync()
            if (-not $p.WaitForExit($TimeoutSeconds * 1000)) { $p.Kill($true); throw "The child pwsh did not finish within $TimeoutSeconds s: $Arguments" }
            $p.WaitForExit()
            [pscustomobject]@{ ExitCode = $p.ExitCode; Out = $out.Result; Err = $err.Result }
        }

        # 1. The package, as `./build.ps1 Package` makes it (from the staged module, no rebuild).
        #    The release links are passed as a release would pass them (the source manifest names none).
        $script:Links = @{ ProjectUri = 'https://example.com/truto/openai-module'; LicenseUri = 'https://example.com/truto/openai-module/license' }
        $script:Package = Invoke-Child @('-File', (Join-Path $Root 'build.ps1'), 'Package', '-NoBuild', '-ProjectUri', $Links.ProjectUri, '-LicenseUri', $Links.LicenseUri)
        $script:Nupkg = @(Get-ChildItem -LiteralPath (Join-Path $Root 'out/packages') -Filter 'TrutoOpenAi.*.nupkg' -ErrorAction SilentlyContinue)

        # 2. A clean user: its own HOME (PSResourceGet's repository list and CurrentUser modules live under it), and a
        #    PSModulePath naming only its module folder (pwsh adds its own $PSHOME/Modules and the shared folder).
        $script:UserHome = Join-Path ([IO.Path]::GetTempPath()) "truto-install-$PID"
        $script:Repo = Join-Path $UserHome 'repo'
        $null = New-Item -ItemType Directory -Path $Repo -Force
        $userModules = Join-Path $UserHome '.local/share/powershell/Modules'
        # .NET answers an empty path for a special folder that does not exist (PSResourceGet then writes its settings
        # to the working folder): the clean user has them.
        foreach ($d in '.local/share', '.config', '.cache') { $null = New-Item -ItemType Directory -Path (Join-Path $UserHome $d) -Force }
        $script:Environment = @{
            HOME = $UserHome; XDG_DATA_HOME = (Join-Path $UserHome '.local/share'); XDG_CONFIG_HOME = (Join-Path $UserHome '.config')
            XDG_CACHE_HOME = (Join-Path $UserHome '.cache'); PSModulePath = $userModules
            OPENAI_API_KEY = ''; OPENAI_ADMIN_KEY = ''; OPENAI_BASE_URL = ''
        }
        $script:Script = Join-Path $UserHome 'install.ps1'
        Set-Content -LiteralPath $Script -Value @'
param([string] $Nupkg, [string] $Repo)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
"PSMODULEPATH=$env:PSModulePath"
"BEFORE=$(@(Get-Module -ListAvailable -Name TrutoOpenAi).Count)"
Import-Module Microsoft.PowerShell.PSResourceGet
# Nothing but the local repository: no request can leave the machine.
Get-PSResourceRepository | Unregister-PSResourceRepository
Register-PSResourceRepository -Name TrutoLocal -Uri $Repo -Trusted
Publish-PSResource -NupkgPath $Nupkg -Repository TrutoLocal
"FOUND=$((Find-PSResource -Name TrutoOpenAi -Repository TrutoLocal).Version)"
Install-PSResource -Name TrutoOpenAi -Repository TrutoLocal -Scope CurrentUser -TrustRepository -Quiet
"AVAILABLE=$(@(Get-Module -ListAvailable -Name TrutoOpenAi).Count)"
Import-Module TrutoOpenAi
$m = Get-Module TrutoOpenAi
"MODULEBASE=$($m.ModuleBase)"
"VERSION=$($m.Version)"
"CMDLETS=$($m.ExportedCmdlets.Count)"
"PROJECTURI=$($m.ProjectUri)"
"LICENSEURI=$($m.LicenseUri)"
"SYNOPSIS=$((Get-Help Get-OpenAiProject).Synopsis)"
$emu = Start-OpenAiEmulator -Connect -SeedProjects 2
try { "PROJECTS=$(@(Get-OpenAiProject).Count)" } finally { $emu | Stop-OpenAiEmulator -Confirm:$false }
'@
        $script:Run = if ($Nupkg.Count -eq 1) { Invoke-Child @('-File', $Script, '-Nupkg', $Nupkg[0].FullName, '-Repo', $Repo) -Environment $Environment -WorkingDirectory $UserHome }
        $script:Facts = @{}
        if ($Run) { foreach ($line in ($Run.Out -split "`r?`n")) { if ($line -match '^([A-Z]+)=(.*)$') { $Facts[$Matches[1]] = $Matches[2] } } }
    }
    AfterAll {
        Remove-Item -LiteralPath $UserHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It './build.ps1 Package writes one .nupkg of the staged module' {
        $Package.ExitCode | Should -Be 0 -Because $Package.Err
        $Nupkg.Count | Should -Be 1
        $Nupkg[0].Name | Should -Be "TrutoOpenAi.$($Staged.ModuleVersion).nupkg"
    }

    It 'the clean pwsh sees no copy of the module before installing' {
        $Run.ExitCode | Should -Be 0 -Because "the install script must run cleanly: $($Run.Err)`n$($Run.Out)"
        $Facts.BEFORE | Should -Be '0'
        $Facts.PSMODULEPATH | Should -Not -BeLike "*$Root*"
    }

    It 'publishes the package to the local repository and finds it there' {
        $Facts.FOUND | Should -Be $Staged.ModuleVersion
        Test-Path -LiteralPath (Join-Path $Repo "TrutoOpenAi.$($Staged.ModuleVersion).nupkg") | Should -BeTrue
        # The repository was registered in the clean user's settings, not the real user's (nor the working folder).
        Test-Path -LiteralPath (Join-Path $UserHome '.local/share/PSResourceGet/PSResourceRepository.xml') | Should -BeTrue
        Get-ChildItem -LiteralPath $UserHome -Directory -Name | Should -Not -Contain 'PSResourceGet'
    }

    It 'installs it with Install-PSResource into the user''s module folder, and Import-Module TrutoOpenAi by name loads that copy' {
        $Facts.AVAILABLE | Should -Be '1'
        $Facts.MODULEBASE | Should -BeLike (Join-Path $UserHome '.local/share/powershell/Modules/TrutoOpenAi*')
        $Facts.VERSION | Should -Be $Staged.ModuleVersion
        [int]$Facts.CMDLETS | Should -Be @($Staged.CmdletsToExport).Count
        $Facts.SYNOPSIS | Should -Not -BeNullOrEmpty -Because 'the help file travels with the package'
    }

    It 'the installed manifest carries the ProjectUri and LicenseUri given to Package, and the staged one is untouched' {
        $Facts.PROJECTURI | Should -Be $Links.ProjectUri
        $Facts.LICENSEURI | Should -Be $Links.LicenseUri
        $Staged.PrivateData.PSData.Keys | Should -Not -Contain 'ProjectUri'
    }

    It 'the installed module works, bundled emulator included' {
        $Facts.PROJECTS | Should -Be '2'
    }
}
