# Help never drifts from the code: every exported cmdlet is documented (Get-Help against the staged module),
# and docs/ equals what `./build.ps1 Docs` generates from the current code.
BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $stage = if ($env:TRUTO_MODULE_PATH) { $env:TRUTO_MODULE_PATH } else { Join-Path $root 'out/TrutoOpenAi' }
    $manifest = Join-Path $stage 'TrutoOpenAi.psd1'
    $script:CmdletCases = @()
    if (Test-Path -LiteralPath $manifest) {
        $script:CmdletCases = @((Import-PowerShellDataFile -LiteralPath $manifest).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Root = Get-TrutoRepoRoot
    $script:Stage = Get-TrutoModulePath
    Import-TrutoModule
    $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

    # Fresh docs, generated the way `./build.ps1 Docs` does, into a scratch folder.
    $script:FreshDocs = Join-Path $TestDrive 'docs'
    $script:Generated = & {
        . (Join-Path $Root 'build/Common.ps1')
        . (Join-Path $Root 'build/Help.ps1')
        New-TrutoHelp -RepoRoot $Root -StageDir $Stage -DocsDir $FreshDocs -WorkDir $TestDrive
    }
    $script:StaleHint = "run 'dotnet pwsh ./build.ps1 Docs' and commit docs/"

    function Compare-DocFile {
        # $null when equal, else a description of the first difference.
        param([string] $Committed, [string] $Fresh)
        $name = Split-Path -Leaf $Fresh
        if (-not (Test-Path -LiteralPath $Committed)) { return "docs/$name is missing" }
        $a = (Get-Content -Raw -LiteralPath $Committed) -replace "`r`n", "`n"
        $b = (Get-Content -Raw -LiteralPath $Fresh) -replace "`r`n", "`n"
        if ($a -ceq $b) { return $null }
        $al = $a -split "`n"; $bl = $b -split "`n"
        for ($i = 0; $i -lt [Math]::Max($al.Count, $bl.Count); $i++) {
            $x = if ($i -lt $al.Count) { $al[$i] } else { '<end of file>' }
            $y = if ($i -lt $bl.Count) { $bl[$i] } else { '<end of file>' }
            if ($x -cne $y) { return "docs/$name is stale at line $($i + 1): committed '$x', generated '$y'" }
        }
        return "docs/$name is stale"
    }
}

Describe 'Help of <Name>' -ForEach $CmdletCases {
    BeforeAll {
        $Help = Get-Help -Name $Name -Full
        $Command = Get-Command -Name $Name -CommandType Cmdlet
    }

    It 'has a synopsis' {
        $s = [string]$Help.Synopsis
        $s.Trim() | Should -Not -BeNullOrEmpty
        # Without MAML, Get-Help makes the synopsis from the syntax: that is no synopsis.
        $s.StartsWith("$Name ") -or $s.StartsWith("`n$Name ") | Should -BeFalse -Because 'the synopsis must come from the <summary> of the cmdlet class'
    }

    It 'has a description' {
        $d = (@($Help.description) | ForEach-Object { $_.Text }) -join "`n"
        $d.Trim() | Should -Not -BeNullOrEmpty -Because 'the <remarks> of the cmdlet class is its description'
    }

    It 'has at least one example with code' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterThan 0 -Because 'the cmdlet class needs an <example> with a <code>'
        foreach ($e in $examples) { ([string]$e.code).Trim() | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        $documented = @{}
        foreach ($p in @($Help.parameters.parameter)) {
            if ($p) { $documented[$p.name] = ((@($p.description) | ForEach-Object { $_.Text }) -join ' ').Trim() }
        }
        $missing = foreach ($n in $Command.Parameters.Keys) {
            if ($Common -contains $n -and $n -notin 'WhatIf', 'Confirm') { continue }
            if (-not $documented.ContainsKey($n) -or -not $documented[$n]) { $n }
        }
        @($missing) | Should -BeNullOrEmpty -Because 'every parameter needs a <summary> on its property'
    }
}

Describe 'docs/' {
    It 'has an up-to-date page for <Name>' -ForEach $CmdletCases {
        $diff = Compare-DocFile -Committed (Join-Path $Root "docs/$Name.md") -Fresh (Join-Path $FreshDocs "$Name.md")
        $diff | Should -BeNullOrEmpty -Because $StaleHint
    }

    It 'has an up-to-date module page' {
        $diff = Compare-DocFile -Committed (Join-Path $Root 'docs/TrutoOpenAi.md') -Fresh (Join-Path $FreshDocs 'TrutoOpenAi.md')
        $diff | Should -BeNullOrEmpty -Because $StaleHint
    }

    It 'has an up-to-date tool map' {
        $diff = Compare-DocFile -Committed (Join-Path $Root 'docs/tool-map.md') -Fresh (Join-Path $FreshDocs 'tool-map.md')
        $diff | Should -BeNullOrEmpty -Because $StaleHint
    }

    It 'has no page for a cmdlet that no longer exists' {
        $fresh = @(Get-ChildItem -LiteralPath $FreshDocs -Filter *.md | ForEach-Object Name)
        $orphans = Get-ChildItem -LiteralPath (Join-Path $Root 'docs') -Filter *.md -File | Where-Object {
            $_.Name -notin $fresh -and ((Get-Content -LiteralPath $_.FullName -TotalCount 3) -contains 'external help file: TrutoOpenAi.PowerShell.dll-Help.xml')
        } | ForEach-Object Name
        @($orphans) | Should -BeNullOrEmpty -Because $StaleHint
    }
}
