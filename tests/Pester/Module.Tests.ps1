# Packaging: the staged module at out/TrutoOpenAi holds what it needs and nothing else, and imports fast.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Root = Get-TrutoRepoRoot
    $script:Stage = Get-TrutoModulePath
    $script:ManifestPath = Join-Path $Stage 'TrutoOpenAi.psd1'
    $script:Manifest = Import-PowerShellDataFile -LiteralPath $ManifestPath

    function Invoke-FreshPwsh {
        # Runs a script in a fresh `dotnet pwsh -NoProfile`; returns stdout lines and the exit code.
        param([string] $Script, [int] $TimeoutSeconds = 60)
        $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($a in 'pwsh', '-NoProfile', '-NonInteractive', '-Command', $Script) { $psi.ArgumentList.Add($a) }
        $psi.WorkingDirectory = $script:Root
        $psi.UseShellExecute = $false
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $p = [System.Diagnostics.Process]::Start($psi)
        $out = $p.StandardOutput.ReadToEndAsync()
        $err = $p.StandardError.ReadToEndAsync()
        if (-not $p.WaitForExit($TimeoutSeconds * 1000)) {
            $p.Kill($true)
            throw "A fresh pwsh did not finish within $TimeoutSeconds s."
        }
        $p.WaitForExit()
        [pscustomobject]@{
            ExitCode = $p.ExitCode
            Output   = @($out.Result -split "`r?`n" | Where-Object { $_ -ne '' })
            Error    = $err.Result
        }
    }

    $script:AssemblyCmdlets = @()
    $script:ReflectionError = $null
    $exportsFile = Join-Path ([System.IO.Path]::GetTempPath()) "truto-exports-$PID.json"
    $r = Invoke-FreshPwsh -TimeoutSeconds 120 -Script ("& '{0}' -AssemblyPath '{1}' -OutFile '{2}'" -f
        (Join-Path $Root 'build/Get-CmdletExports.ps1'), (Join-Path $Stage 'TrutoOpenAi.PowerShell.dll'), $exportsFile)
    if ($r.ExitCode -eq 0) {
        $script:AssemblyCmdlets = @((Get-Content -Raw $exportsFile | ConvertFrom-Json).Cmdlets | ForEach-Object Name)
        Remove-Item -LiteralPath $exportsFile -Force
    } else {
        $script:ReflectionError = "reflection over the assembly failed (exit code $($r.ExitCode)): $($r.Error)"
    }
}

Describe 'The staged module folder' {
    It 'holds no System.Management.Automation.dll' {
        @(Get-ChildItem -LiteralPath $Stage -Recurse -File -Filter 'System.Management.Automation.dll') | Should -BeNullOrEmpty
    }

    It 'holds no assembly that pwsh already loads' {
        $tpa = ([string][System.AppContext]::GetData('TRUSTED_PLATFORM_ASSEMBLIES')) -split [System.IO.Path]::PathSeparator |
            ForEach-Object { [System.IO.Path]::GetFileName($_) }
        $provided = @($tpa) + @(Get-ChildItem -LiteralPath $PSHOME -Filter *.dll | ForEach-Object Name)
        $shipped = Get-ChildItem -LiteralPath $Stage -File -Filter *.dll | ForEach-Object Name
        @($shipped | Where-Object { $provided -contains $_ }) | Should -BeNullOrEmpty
    }

    It 'holds no test or build files' {
        $bad = Get-ChildItem -LiteralPath $Stage -Recurse -File | Where-Object {
            $_.Name -match '(?i)(\.pdb|\.csproj|\.cs|\.ps1|\.Tests\.dll|\.trx|\.nupkg)$' -or
            $_.Name -match '(?i)^(xunit|testhost|Pester|Microsoft\.TestPlatform|Microsoft\.VisualStudio\.TestPlatform|Microsoft\.NET\.Test|RichardSzalay|Microsoft\.CodeCoverage)'
        } | ForEach-Object { [System.IO.Path]::GetRelativePath($Stage, $_.FullName) }
        @($bad) | Should -BeNullOrEmpty
    }

    It 'holds only the manifest, assemblies, format/types files, help (cmdlets and about_TrutoOpenAi), the emulator and the MCP server' {
        $unexpected = Get-ChildItem -LiteralPath $Stage -Recurse -File | ForEach-Object {
            [System.IO.Path]::GetRelativePath($Stage, $_.FullName) -replace '\\', '/'
        } | Where-Object {
            $_ -ne 'TrutoOpenAi.psd1' -and
            $_ -notmatch '^[^/]+\.dll$' -and
            $_ -notmatch '(?i)\.(Format|Types)\.ps1xml$' -and
            $_ -ne 'en-US/TrutoOpenAi.PowerShell.dll-Help.xml' -and
            $_ -ne 'en-US/about_TrutoOpenAi.help.txt' -and
            $_ -notmatch '^emulator/' -and
            $_ -notmatch '^mcp/'
        }
        @($unexpected) | Should -BeNullOrEmpty
    }

    It 'has no deps.json or xml doc next to the module assemblies' {
        @(Get-ChildItem -LiteralPath $Stage -File | Where-Object { $_.Name -like '*.deps.json' -or $_.Name -like 'TrutoOpenAi.*.xml' }) | Should -BeNullOrEmpty
    }

    It 'ships the MAML help as well-formed XML' {
        $maml = Join-Path $Stage 'en-US/TrutoOpenAi.PowerShell.dll-Help.xml'
        $maml | Should -Exist
        { [xml](Get-Content -Raw -LiteralPath $maml) } | Should -Not -Throw
    }

    It 'ships <Program> framework-dependent, started as dotnet <Program>.dll' -ForEach @(
        @{ Program = 'TrutoOpenAi.Emulator'; Folder = 'emulator' }, @{ Program = 'TrutoOpenAi.Mcp'; Folder = 'mcp' }
    ) {
        Join-Path $Stage "$Folder/$Program.dll" | Should -Exist
        Join-Path $Stage "$Folder/$Program.runtimeconfig.json" | Should -Exist
        Join-Path $Stage "$Folder/$Program" | Should -Not -Exist
        Join-Path $Stage "$Folder/$Program.exe" | Should -Not -Exist
    }
}

Describe 'The staged manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $ManifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'loads TrutoOpenAi.PowerShell.dll on PowerShell 7.4+ Core' {
        $Manifest.RootModule | Should -Be 'TrutoOpenAi.PowerShell.dll'
        (@($Manifest.CompatiblePSEditions) -join ',') | Should -Be 'Core'
        $Manifest.PowerShellVersion | Should -Be '7.4'
        $Manifest.GUID | Should -Not -BeNullOrEmpty
        $Manifest.Description | Should -Not -BeNullOrEmpty
    }

    It 'exports cmdlets, aliases, functions and variables by name, without wildcards' {
        foreach ($key in 'CmdletsToExport', 'AliasesToExport', 'FunctionsToExport', 'VariablesToExport') {
            $Manifest.ContainsKey($key) | Should -BeTrue -Because "$key must be explicit"
            @($Manifest[$key] | Where-Object { $_ -match '[*?\[]' }) | Should -BeNullOrEmpty -Because "$key must not use wildcards"
        }
        @($Manifest.FunctionsToExport) | Should -BeNullOrEmpty
        @($Manifest.VariablesToExport) | Should -BeNullOrEmpty
    }

    It 'lists in CmdletsToExport exactly the cmdlet classes of the assembly, sorted' {
        $ReflectionError | Should -BeNullOrEmpty
        $exported = [string[]]@($Manifest.CmdletsToExport)
        $sorted = [string[]]$exported.Clone(); [System.Array]::Sort($sorted, [System.StringComparer]::Ordinal)
        ($exported -join ', ') | Should -Be ($sorted -join ', ') -Because 'CmdletsToExport is sorted'
        ($exported -join ', ') | Should -Be (@($AssemblyCmdlets) -join ', ')
    }

    It 'lists every staged format and types file, and only those' {
        $formats = @(Get-ChildItem -LiteralPath $Stage -Recurse -File -Filter *.Format.ps1xml | ForEach-Object { [System.IO.Path]::GetRelativePath($Stage, $_.FullName) -replace '\\', '/' } | Sort-Object)
        $types = @(Get-ChildItem -LiteralPath $Stage -Recurse -File -Filter *.Types.ps1xml | ForEach-Object { [System.IO.Path]::GetRelativePath($Stage, $_.FullName) -replace '\\', '/' } | Sort-Object)
        (@($Manifest.FormatsToProcess | ForEach-Object { $_ -replace '\\', '/' } | Sort-Object) -join ', ') | Should -Be ($formats -join ', ')
        (@($Manifest.TypesToProcess | ForEach-Object { $_ -replace '\\', '/' } | Sort-Object) -join ', ') | Should -Be ($types -join ', ')
    }

    It 'gives every typed output of more than four properties a default table view' {
        # Run in a fresh pwsh: the module's types are loaded there, and the staged format file is the one the
        # manifest names. A type without a view shows every property as a table column, raw JSON included.
        $script = @"
Import-Module '$ManifestPath'
`$viewed = @(Get-FormatData -TypeName 'TrutoOpenAi.*' | ForEach-Object TypeNames)
Get-Command -Module TrutoOpenAi | ForEach-Object { `$c = `$_; `$_.OutputType | Where-Object { `$_.Type -and `$_.Type.Namespace -like 'TrutoOpenAi*' } | ForEach-Object {
    if (@(`$_.Type.GetProperties()).Count -gt 4 -and `$_.Type.FullName -notin `$viewed) { "`$(`$_.Type.FullName) (`$(`$c.Name))" } } } | Sort-Object -Unique
"@
        $result = Invoke-FreshPwsh -Script $script -TimeoutSeconds 120
        $result.ExitCode | Should -Be 0
        @($result.Output) | Should -BeNullOrEmpty -Because 'these output types have no table view'
    }
}

Describe 'Importing the module' {
    It 'works in a fresh pwsh, quickly, and exports exactly the manifest cmdlets' {
        $script = @'
$ErrorActionPreference = 'Stop'
$sw = [System.Diagnostics.Stopwatch]::StartNew()
$m = Import-Module -Name '{0}' -PassThru
$sw.Stop()
"ms=$($sw.ElapsedMilliseconds)"
"cmdlets=$((@(Get-Command -Module $m.Name -CommandType Cmdlet | ForEach-Object Name | Sort-Object) -join ','))"
'@ -f $ManifestPath.Replace("'", "''")
        $r = Invoke-FreshPwsh -Script $script -TimeoutSeconds 60
        $r.ExitCode | Should -Be 0 -Because $r.Error
        # No wall-clock threshold here (a busy machine would fail it): Invoke-FreshPwsh's timeout catches a hang, and the
        # import cost is measured by the benchmark (./build.ps1 Bench), not asserted in the suite.
        $cmdlets = @((($r.Output | Where-Object { $_ -like 'cmdlets=*' }) -replace '^cmdlets=', '') -split ',' | Where-Object { $_ })
        ($cmdlets -join ', ') | Should -Be (@($Manifest.CmdletsToExport | Sort-Object) -join ', ')
    }
}
