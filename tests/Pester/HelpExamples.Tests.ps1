# Every example in the help of every exported cmdlet runs against a seeded emulator: placeholders resolved, no error,
# and output unless the example only changes things (-WhatIf, or a Remove/Set/Stop... without -PassThru).
# The convention for examples (placeholder ids, files, names that exist) is at the top of build/Help.ps1.
# The emulator's world is built by tests/Pester/Examples/<Area>.ps1: each returns @{ Order; Setup = { param($World) };
# Placeholders = [ordered]@{ '<regex>' = { param($World, $Code) <real id> } } }. A new area adds one such file.
# The world's clock is frozen. An example that waits (a Wait-* command, or a -Wait switch) runs with the emulator clock
# ticking: every /v1 request moves it 2 s (POST /_emulator/clock {"tick_seconds": 2}), so a waiter sees its run, batch
# or job progress after a known number of polls, however busy the machine; waiters poll every 0.05 s meanwhile.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TrutoModule
    $script:Examples = [System.Collections.Generic.List[hashtable]]::new()
    foreach ($name in ((Get-Command -Module TrutoOpenAi -CommandType Cmdlet).Name | Sort-Object)) {
        $n = 0
        foreach ($e in @((Get-Help -Name $name).examples.example)) {
            if (-not $e) { continue }
            $n++
            $script:Examples.Add(@{ Command = $name; Number = $n; Code = ([string]$e.code).Trim() })
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-TrutoModule
    $script:Areas = @(Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'Examples') -Filter *.ps1 | ForEach-Object { & $_.FullName } | Sort-Object { $_.Order })

    # Examples that cannot run unattended, and why. Keep this list short: prefer an example that runs.
    $script:CannotRun = @{
        # A child pwsh that serves MCP on its stdin/stdout until its host hangs up: run unattended it would wait on the
        # test's stdin (Mcp.Tests.ps1 drives Start-OpenAiMcpServer over stdio instead).
        'pwsh -NoProfile -Command "Import-Module TrutoOpenAi; Connect-OpenAi -Name agents -AdminKey (Get-Secret OpenAiAdmin); Start-OpenAiMcpServer -Kind read,write"' =
            'starts an MCP server on stdio, which serves its host until the host disconnects'
    }

    # Examples whose output the emulator cannot produce, and why: they still run, without error.
    $script:NoOutputOnEmulator = @{
        'Get-OpenAiFineTuningJob -Status failed | Get-OpenAiFineTuningEvent -Level error' = 'the emulator has no way to make a fine-tuning job fail'
    }
    # Seconds the emulator clock moves per /v1 request while a waiting example runs (see the top of this file).
    $script:TickSeconds = 2

    $script:World = $null
    $script:Dirty = $true
    # The examples' working folder (their relative files: users.csv, requests.jsonl, ...). Not $TestDrive: that is per block.
    $script:ScratchDir = Join-Path ([System.IO.Path]::GetTempPath()) "truto-help-examples-$PID"
    $null = New-Item -ItemType Directory -Path $script:ScratchDir -Force

    function script:Invoke-Control([string] $Path, [hashtable] $Body) {
        Invoke-RestMethod -Method Post -Uri "$($World.Emulator.ControlUri)$Path" -ContentType 'application/json' -Body ($Body | ConvertTo-Json -Depth 6)
    }

    function script:Initialize-World {
        # A fresh emulator state, the clock frozen (lifecycles move only when a setup advances it), every area seeded.
        if (-not $script:World -or $World.Emulator.HasExited) {
            $dir = $script:ScratchDir
            $emu = Start-OpenAiEmulator -Connect -Name 'help-examples' -SeedProjects 3 -SeedUsers 5 -ErrorAction Stop
            $script:World = @{ Emulator = $emu; Dir = $dir }
            $World.Advance = [Action[int]] { param($s) $null = Invoke-Control 'clock' @{ advance_seconds = $s } }
        } else {
            Reset-Emulator $World.Emulator
        }
        Use-WorldConnection
        $null = Invoke-Control 'clock' @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
        foreach ($area in $Areas) { if ($area.Setup) { & $area.Setup $World } }
        $script:Dirty = $false
    }

    function script:Use-WorldConnection {
        $e = $World.Emulator
        Connect-OpenAi -Name 'help-examples' -BaseUri $e.BaseUri -AdminKey $e.AdminKey -ApiKey $e.ApiKey
    }

    function script:Resolve-Example([string] $Code) {
        $resolved = $Code
        foreach ($area in $Areas) {
            if (-not $area.Placeholders) { continue }
            foreach ($pattern in $area.Placeholders.Keys) {
                if ($resolved -notmatch $pattern) { continue }
                $value = [string](& $area.Placeholders[$pattern] $World $Code)
                if (-not $value) { throw "The placeholder '$pattern' resolved to nothing: seed it in tests/Pester/Examples." }
                $resolved = $resolved -replace $pattern, $value.Replace('$', '$$')
            }
        }
        $resolved
    }

    function script:Get-OutsideVariable([string] $Code) {
        # Variables an example reads without assigning them first (automatic ones excepted).
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
        $assigned = @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.AssignmentStatementAst] }, $true) |
            ForEach-Object { $_.Left.Extent.Text.TrimStart('$') })
        # Loop variables and the parameters of functions or script blocks the example defines are its own too.
        $assigned += @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.ForEachStatementAst] }, $true) |
            ForEach-Object { $_.Variable.VariablePath.UserPath })
        $assigned += @($ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.ParameterAst] }, $true) |
            ForEach-Object { $_.Name.VariablePath.UserPath })
        $automatic = '_', 'PSItem', 'true', 'false', 'null', 'args', 'input', 'this', 'PSScriptRoot', 'HOME', 'PWD', 'env:*', 'ConfirmPreference'
        $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.VariableExpressionAst] }, $true) |
            ForEach-Object { $_.VariablePath.UserPath } | Select-Object -Unique |
            Where-Object { $name = $_; $_ -notin $assigned -and -not @($automatic | Where-Object { $name -like $_ }) }
    }

    function script:Test-Waits([string] $Code) {
        # A Wait-* command, Invoke-OpenAiBatch (it waits for its batches), or any command given a -Wait switch: the
        # example needs the emulator clock to move.
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
        [bool]@($ast.FindAll({ param($n)
                    ($n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -like 'Wait-*') -or
                    ($n -is [System.Management.Automation.Language.CommandAst] -and $n.GetCommandName() -eq 'Invoke-OpenAiBatch') -or
                    ($n -is [System.Management.Automation.Language.CommandParameterAst] -and $n.ParameterName -eq 'Wait') }, $true)).Count
    }

    function script:Test-ExpectsOutput([string] $Code) {
        # Output is expected unless the example only shows (-WhatIf) or makes changes that write nothing by default.
        if ($Code -match '-WhatIf\b') { return $false }
        $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$null, [ref]$null)
        $last = @($ast.EndBlock.Statements)[-1]
        if ($last -is [System.Management.Automation.Language.AssignmentStatementAst]) { return $false }
        if ($last -is [System.Management.Automation.Language.PipelineAst]) {
            $cmd = $last.PipelineElements[-1]
            if ($cmd -is [System.Management.Automation.Language.CommandAst]) {
                $passThru = @($cmd.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'PassThru' })
                if (-not $passThru -and $cmd.GetCommandName() -match '^(Remove|Stop|Disable|Enable|Suspend|Resume|Set|Add|Disconnect|Connect|Out|Save|Export)-') { return $false }
            }
        }
        return $true
    }

    # Stand-ins for what an example takes from the user or a vault.
    function global:Read-Host { [CmdletBinding()] param([Parameter(Position = 0)] $Prompt, [switch] $AsSecureString) $script:World.Emulator.AdminKey }
    if (-not (Get-Command Set-Secret -ErrorAction SilentlyContinue)) {
        function global:Set-Secret { param($Name, $SecureStringSecret, $Secret) }
        function global:Get-Secret { param([Parameter(Position = 0)] $Name) $script:World.Emulator.AdminKey }
        $script:DefinedSecretStubs = $true
    }
}

AfterAll {
    Remove-Item -LiteralPath $script:ScratchDir -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Item -Path function:global:Read-Host -ErrorAction SilentlyContinue
    if ($script:DefinedSecretStubs) { Remove-Item -Path function:global:Set-Secret, function:global:Get-Secret -ErrorAction SilentlyContinue }
    Stop-OpenAiEmulator -Confirm:$false
    Complete-TrutoTest
}

Describe 'Help example <Command> #<Number>' -ForEach $Examples {
    It 'runs against a seeded emulator: <Code>' {
        if ($CannotRun.ContainsKey($Code)) { Set-ItResult -Skipped -Because $CannotRun[$Code]; return }
        if ($Dirty -or -not $World -or $World.Emulator.HasExited) { Initialize-World }
        $resolved = Resolve-Example $Code
        # A variable the example does not set itself ($thread, $run...) cannot be pasted: say so (skipped, not passed).
        $outside = @(Get-OutsideVariable $Code)
        if ($outside) {
            Set-ItResult -Skipped -Because "the example uses `$$($outside -join ', $') from outside itself: make it self-contained"
            return
        }
        # A stand-in id that no area resolves means its area has no seeding yet: say so (skipped, not passed).
        $unresolved = @([regex]::Matches($resolved, '\b[a-z][a-z_]*[-_](abc|def)\d*\b') | ForEach-Object Value | Select-Object -Unique)
        if ($unresolved) {
            Set-ItResult -Skipped -Because "no seeding resolves $($unresolved -join ', '): add it to tests/Pester/Examples/<Area>.ps1"
            return
        }
        $since = Get-EmulatorSeq $World.Emulator
        # An area's Before hook puts the world in the state the example starts from (e.g. not yet a member).
        foreach ($area in $Areas) {
            if (-not $area.Before) { continue }
            foreach ($pattern in $area.Before.Keys) { if ($Code -match $pattern) { $null = & $area.Before[$pattern] $World; $script:Dirty = $true } }
        }
        $waits = Test-Waits $Code
        if ($waits) {
            # The clock ticks with every request while the example runs; what it moved is not the world's any more.
            $null = Invoke-Control 'clock' @{ tick_seconds = $TickSeconds }
            $script:Dirty = $true
        }
        Push-Location -LiteralPath $World.Dir
        try {
            # Unattended: what would prompt a user (ConfirmImpact High) goes ahead.
            $ConfirmPreference = 'None'
            # Waiters poll without pausing: progress comes from the ticking clock, not from time passing.
            $PSDefaultParameterValues = @{ 'Wait-*:PollInterval' = 0.05; 'Wait-*:Timeout' = 600; 'Invoke-OpenAiBatch:PollInterval' = 0.05; 'Invoke-OpenAiBatch:Timeout' = 600 }   # the timeout: a waiter that never ends fails instead of hanging the suite
            $all = @(& ([scriptblock]::Create($resolved)) 2>&1 3>$null)
        } catch {
            $all = @($_)
        } finally {
            Pop-Location
            if ($waits -and -not $World.Emulator.HasExited) { $null = Invoke-Control 'clock' @{ tick_seconds = 0 } }
        }
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] -and $null -ne $_ })

        # Examples that start or stop emulators, or change connections, leave the world to be rebuilt.
        if ($Code -match 'OpenAiEmulator|Connect-OpenAi|Disconnect-OpenAi') {
            if ($Code -match 'Start-OpenAiEmulator') {
                # Stop the emulators the example started (the module keeps them in an internal registry).
                $registry = [TrutoOpenAi.PowerShell.Cmdlets.Emulator.OpenAiEmulatorInfo].Assembly.GetType('TrutoOpenAi.PowerShell.Cmdlets.Emulator.EmulatorRegistry')
                @($registry.GetMethod('All').Invoke($null, @())) | Where-Object { $_.ProcessId -ne $World.Emulator.ProcessId } |
                    Stop-OpenAiEmulator -Confirm:$false
            }
            $script:Dirty = $true
        }
        if ($World.Emulator.HasExited) { $script:Dirty = $true } else {
            if (@(Get-EmulatorRequest $World.Emulator -Since $since | Where-Object method -ne 'GET').Count) { $script:Dirty = $true }
            Use-WorldConnection
        }

        $errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } | Should -BeNullOrEmpty -Because "the example ran as: $resolved"
        if ((Test-ExpectsOutput $Code) -and -not $NoOutputOnEmulator.ContainsKey($Code)) {
            $output.Count | Should -BeGreaterThan 0 -Because "the example should show something on a seeded emulator (ran as: $resolved)"
        }
    }
}
