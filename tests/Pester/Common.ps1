# Shared set-up for the behaviour tests: dot-source in BeforeAll (and BeforeDiscovery where needed).
# Imports the staged module (./build.ps1 Build writes out/TrutoOpenAi) and offers small helpers around an
# emulator's control API. Each test file starts its own emulator, so files never share state.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $script:RepoRoot 'out/TrutoOpenAi/TrutoOpenAi.psd1'
if (-not (Test-Path $script:ModuleManifest)) {
    throw "The staged module is missing at $script:ModuleManifest: run 'dotnet pwsh ./build.ps1 Build' first."
}
if (-not (Get-Module TrutoOpenAi)) { Import-Module $script:ModuleManifest -Force -ErrorAction Stop }

function Get-EmulatorLog {
    # The requests the emulator recorded, oldest first; -Since skips those with seq <= Since.
    param([Parameter(Mandatory)] $Emulator, [long] $Since = 0)
    # Invoke-RestMethod writes an empty JSON array as one object; enumerate explicitly so '[]' is zero items.
    $items = (Invoke-WebRequest -Uri "$($Emulator.ControlUri)requests?since=$Since").Content | ConvertFrom-Json -NoEnumerate
    @($items | ForEach-Object { $_ })
}

function Get-EmulatorSeq {
    # The seq of the newest recorded request (0 when none), to use with Get-EmulatorLog -Since.
    param([Parameter(Mandatory)] $Emulator)
    $log = Get-EmulatorLog -Emulator $Emulator
    if ($log.Count) { [long]$log[-1].seq } else { 0 }
}

function Set-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable] $Fault)
    Invoke-RestMethod -Method Post -Uri "$($Emulator.ControlUri)faults" -ContentType 'application/json' -Body ($Fault | ConvertTo-Json -Depth 5) | Out-Null
}

function Clear-EmulatorFault {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Delete -Uri "$($Emulator.ControlUri)faults" | Out-Null
}

function Reset-Emulator {
    param([Parameter(Mandatory)] $Emulator)
    Invoke-RestMethod -Method Post -Uri "$($Emulator.ControlUri)reset" | Out-Null
}
