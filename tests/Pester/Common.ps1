# Shared set-up for the behaviour tests: dot-source in BeforeAll (and BeforeDiscovery where needed).
# Imports the staged module (./build.ps1 Build writes out/TrutoOpenAi) and the harness helpers of
# TestHelpers.psm1 (Get-EmulatorLog/Get-EmulatorRequest, Get-EmulatorSeq, Set-EmulatorFault, Clear-EmulatorFault,
# Reset-Emulator, Clear-EmulatorRequest, Add-EmulatorSeed...). Each test file starts its own emulator, so files
# never share state.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
if (-not (Get-Module TestHelpers)) { Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Global -ErrorAction Stop }
$script:ModuleManifest = Join-Path (Get-TrutoModulePath) 'TrutoOpenAi.psd1'
if (-not (Get-Module TrutoOpenAi)) { Import-TrutoModule }
