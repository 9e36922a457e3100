<#
Shared helpers for the Pester tests of TrutoOpenAi (tests/Pester/*.Tests.ps1).

Typical use in a behaviour test:

    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
        $emu = Initialize-TrutoTest -SeedProjects 3          # import the staged module, start + connect an emulator
    }
    AfterAll { Complete-TrutoTest }                          # stop every emulator this file started

    It 'Get-OpenAiProject streams every page in order' {
        Clear-EmulatorRequest
        $p = Get-OpenAiProject -PageSize 2
        $p.Count | Should -Be 3
        (Get-EmulatorRequest).Count | Should -Be 2
    }

Tests that dot-source tests/Pester/Common.ps1 get the same helpers (it imports this module).
The helpers take the emulator first: Get-EmulatorRequest $emu -Since $seq, Set-EmulatorFault $emu @{ ... }.

The staged module is out/TrutoOpenAi (or $env:TRUTO_MODULE_PATH, which build.ps1 sets): run
`dotnet pwsh ./build.ps1 Build` first. The emulator helpers talk to the emulator's control API
(src/TrutoOpenAi.Emulator/README.md): GET/DELETE {ControlUri}/requests, POST/DELETE {ControlUri}/faults,
POST {ControlUri}/reset, POST {ControlUri}/seed. Every helper's -Emulator defaults to the emulator this
module started last.
#>
Set-StrictMode -Version 3.0

$script:Emulators = [System.Collections.Generic.List[object]]::new()

function Get-TrutoRepoRoot {
    <# The repository root (two levels above this file). #>
    [CmdletBinding()] param()
    (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
}

function Get-TrutoModulePath {
    <# The staged module folder: $env:TRUTO_MODULE_PATH, else out/TrutoOpenAi. Fails clearly when it is not built. #>
    [CmdletBinding()] param()
    $dir = if ($env:TRUTO_MODULE_PATH) { $env:TRUTO_MODULE_PATH } else { Join-Path (Get-TrutoRepoRoot) 'out/TrutoOpenAi' }
    $manifest = Join-Path $dir 'TrutoOpenAi.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The staged module is missing ($manifest not found). Run 'dotnet pwsh ./build.ps1 Build' first."
    }
    return (Resolve-Path -LiteralPath $dir).Path
}

function Import-TrutoModule {
    <# Imports the staged TrutoOpenAi module into the global session state (so test scripts see its cmdlets). #>
    [CmdletBinding()] param([switch] $PassThru)
    $manifest = Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1'
    $m = Import-Module -Name $manifest -Global -Force -PassThru -ErrorAction Stop
    if ($PassThru) { $m }
}

function Start-TestEmulator {
    <#
    Starts an emulator with Start-OpenAiEmulator and remembers it for Stop-TestEmulator / Complete-TrutoTest.
    Returns the emulator object (BaseUri, ControlUri, ProcessId).
    #>
    [CmdletBinding()]
    param([int] $SeedProjects, [switch] $Connect, [string] $Name)
    $p = @{}
    if ($PSBoundParameters.ContainsKey('SeedProjects')) { $p.SeedProjects = $SeedProjects }
    if ($Connect) { $p.Connect = $true }
    if ($Name) { $p.Name = $Name }
    $emu = Start-OpenAiEmulator @p -ErrorAction Stop
    if (-not $emu -or -not $emu.ControlUri) { throw 'Start-OpenAiEmulator returned no emulator (no ControlUri).' }
    $script:Emulators.Add($emu)
    return $emu
}

function Stop-TestEmulator {
    <# Stops the given emulator (default: every emulator started through this module). #>
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] $Emulator)
    process {
        $targets = if ($Emulator) { @($Emulator) } else { @($script:Emulators) }
        foreach ($e in $targets) {
            try {
                $e | Stop-OpenAiEmulator -Confirm:$false -ErrorAction Stop
            } catch {
                Write-Warning "Stop-OpenAiEmulator failed for process $($e.ProcessId): $($_.Exception.Message); stopping the process."
                Stop-Process -Id $e.ProcessId -Force -ErrorAction SilentlyContinue
            }
            $null = $script:Emulators.Remove($e)
        }
    }
}

function Initialize-TrutoTest {
    <#
    For a test file's BeforeAll: imports the staged module, starts an emulator (connected by default:
    -NoConnect to skip), and returns it.
    #>
    [CmdletBinding()]
    param([int] $SeedProjects = 0, [string] $Name, [switch] $NoConnect)
    Import-TrutoModule
    $p = @{ Connect = -not $NoConnect }
    if ($SeedProjects -gt 0) { $p.SeedProjects = $SeedProjects }
    if ($Name) { $p.Name = $Name }
    Start-TestEmulator @p
}

function Complete-TrutoTest {
    <# For a test file's AfterAll: stops every emulator started through this module. #>
    [CmdletBinding()] param()
    Stop-TestEmulator
}

function Resolve-TestEmulator {
    param($Emulator)
    if ($Emulator) { return $Emulator }
    if ($script:Emulators.Count -eq 0) { throw 'No emulator: pass -Emulator or start one with Start-TestEmulator / Initialize-TrutoTest.' }
    return $script:Emulators[$script:Emulators.Count - 1]
}

function Invoke-EmulatorControl {
    <# Calls the emulator's control API: Invoke-EmulatorControl GET requests -Query @{ since = 3 }. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][ValidateSet('GET', 'POST', 'DELETE')][string] $Method,
        [Parameter(Mandatory, Position = 1)][string] $Path,
        [hashtable] $Query,
        $Body,
        $Emulator
    )
    $e = Resolve-TestEmulator $Emulator
    $uri = ([string]$e.ControlUri).TrimEnd('/') + '/' + $Path.TrimStart('/')
    if ($Query -and $Query.Count) {
        $pairs = foreach ($k in ($Query.Keys | Sort-Object)) { '{0}={1}' -f [uri]::EscapeDataString([string]$k), [uri]::EscapeDataString([string]$Query[$k]) }
        $uri += '?' + ($pairs -join '&')
    }
    $p = @{ Method = $Method; Uri = $uri; TimeoutSec = 30; ErrorAction = 'Stop' }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $p.Body = ($Body | ConvertTo-Json -Depth 10 -Compress)
        $p.ContentType = 'application/json'
    }
    Invoke-RestMethod @p
}

function Get-EmulatorRequest {
    <#
    The requests the emulator recorded (oldest first), optionally only those after sequence number -Since:
    objects with seq, method, path, query, query_params, body, status, auth_kind, headers.
    Also known as Get-EmulatorLog.
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0)] $Emulator, [long] $Since)
    $q = @{}
    if ($PSBoundParameters.ContainsKey('Since')) { $q.since = $Since }
    $r = Invoke-EmulatorControl GET 'requests' -Query $q -Emulator $Emulator
    foreach ($item in @($r)) { if ($null -ne $item) { $item } }
}

function Get-EmulatorSeq {
    <# The seq of the newest recorded request (0 when none), for Get-EmulatorRequest -Since. #>
    [CmdletBinding()] param([Parameter(Position = 0)] $Emulator)
    $log = @(Get-EmulatorRequest -Emulator $Emulator)
    if ($log.Count) { [long]$log[-1].seq } else { [long]0 }
}

function Clear-EmulatorRequest {
    <# Forgets the requests the emulator recorded (seq keeps increasing). #>
    [CmdletBinding()] param([Parameter(Position = 0)] $Emulator)
    $null = Invoke-EmulatorControl DELETE 'requests' -Emulator $Emulator
}

function Set-EmulatorFault {
    <#
    Adds a fault rule: Set-EmulatorFault $emu @{ fail_next = @(@{ status = 429; count = 1 }) }, or
    Set-EmulatorFault -Fault @{ ... } for the last emulator started (see the emulator's README for the rules).
    #>
    [CmdletBinding()]
    param([Parameter(Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)][hashtable] $Fault)
    Invoke-EmulatorControl POST 'faults' -Body $Fault -Emulator $Emulator
}

function Clear-EmulatorFault {
    <# Removes every fault rule. #>
    [CmdletBinding()] param([Parameter(Position = 0)] $Emulator)
    $null = Invoke-EmulatorControl DELETE 'faults' -Emulator $Emulator
}

function Reset-Emulator {
    <# Back to the emulator's startup state (data re-seeded, recorded requests cleared, fault rules removed). #>
    [CmdletBinding()] param([Parameter(Position = 0)] $Emulator)
    $null = Invoke-EmulatorControl POST 'reset' -Emulator $Emulator
}

function Add-EmulatorSeed {
    <# Seeds data: Add-EmulatorSeed -Projects 5 (or any -Body the emulator's /seed accepts). #>
    [CmdletBinding()]
    param([Parameter(Position = 0)] $Emulator, [int] $Projects, [hashtable] $Body)
    $b = if ($Body) { $Body.Clone() } else { @{} }
    if ($PSBoundParameters.ContainsKey('Projects')) { $b.projects = $Projects }
    Invoke-EmulatorControl POST 'seed' -Body $b -Emulator $Emulator
}

Set-Alias -Name Get-EmulatorLog -Value Get-EmulatorRequest

function Start-WaitingCommand {
    <#
    Runs -Script (given -Parameters) in a new runspace that imports the staged module, and returns once it has written a
    progress record of -Activity for -Count different targets (so it is waiting on them), or has ended: an object with
    PowerShell and Async. The caller then moves the emulator clock, calls .PowerShell.EndInvoke(.Async) and disposes
    .PowerShell. Nothing here depends on timing: it waits for an event (with a generous deadline against a hang).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)][string] $Script, [hashtable] $Parameters = @{}, [Parameter(Mandatory)][string] $Activity, [int] $Count = 1)
    $ps = [powershell]::Create()
    $null = $ps.AddCommand('Import-Module').AddParameter('Name', (Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1')).AddStatement()
    $null = $ps.AddScript($Script)
    foreach ($name in $Parameters.Keys) { $null = $ps.AddParameter($name, $Parameters[$name]) }
    $async = $ps.BeginInvoke()
    $deadline = [DateTime]::UtcNow.AddSeconds(180)
    while (-not $async.IsCompleted -and [DateTime]::UtcNow -lt $deadline -and
        @($ps.Streams.Progress | Where-Object Activity -eq $Activity | ForEach-Object CurrentOperation | Sort-Object -Unique).Count -lt $Count) {
        Start-Sleep -Milliseconds 20
    }
    [pscustomobject]@{ PowerShell = $ps; Async = $async }
}

Export-ModuleMember -Alias 'Get-EmulatorLog' -Function @(
    'Get-TrutoRepoRoot', 'Get-TrutoModulePath', 'Import-TrutoModule',
    'Initialize-TrutoTest', 'Complete-TrutoTest', 'Start-TestEmulator', 'Stop-TestEmulator',
    'Invoke-EmulatorControl', 'Get-EmulatorRequest', 'Get-EmulatorSeq', 'Clear-EmulatorRequest',
    'Set-EmulatorFault', 'Clear-EmulatorFault', 'Reset-Emulator', 'Add-EmulatorSeed', 'Start-WaitingCommand'
)
