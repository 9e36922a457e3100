# The TrutoOpenAi runbook demo: provision, list, rename and archive a tenant project against the bundled
# emulator (loopback only). Run by `dotnet pwsh ./build.ps1 Demo` in a child pwsh after Build:
#   dotnet pwsh -NoProfile -File build/Demo.ps1 -ModulePath out/TrutoOpenAi/TrutoOpenAi.psd1
param([string] $ModulePath = (Join-Path $PSScriptRoot '../out/TrutoOpenAi/TrutoOpenAi.psd1'))

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# The cmdlet that archives a project (Archive has no approved verb).
$ArchiveCommand = 'Disable-OpenAiProject'
$TenantName = 'tenant-acme'
$NewName = 'tenant-acme-eu'

function Write-Section([string] $Title) {
    Write-Host ''
    Write-Host "=== $Title ==="
}

function Show-Table {
    # Tables as wide as they need to be, also when the output is a log rather than a terminal.
    param([Parameter(ValueFromPipeline)] $InputObject)
    end {
        $text = $input | Format-Table -AutoSize | Out-String -Width 250
        foreach ($line in ($text.Trim("`r", "`n") -split "`r?`n")) { Write-Host $line.TrimEnd() }
    }
}

if (-not (Test-Path -LiteralPath $ModulePath)) { throw "No staged module at ${ModulePath}: run 'dotnet pwsh ./build.ps1 Build' first." }
Import-Module -Name $ModulePath
$emu = $null
try {
    Write-Section 'Start the bundled emulator and connect to it'
    $emu = Start-OpenAiEmulator -Connect
    Write-Host "Emulator: $($emu.BaseUri) (control API $($emu.ControlUri), process $($emu.ProcessId))"

    Write-Section "Provision the tenant project '$TenantName'"
    $project = New-OpenAiProject -Name $TenantName -Confirm:$false
    $project | Show-Table

    Write-Section 'List the projects'
    Get-OpenAiProject | Show-Table

    Write-Section "Rename it to '$NewName'"
    $project = Set-OpenAiProject -Id $project.Id -Name $NewName -Confirm:$false -PassThru
    $project | Show-Table

    Write-Section "Archive it ($ArchiveCommand)"
    $archived = & $ArchiveCommand -Id $project.Id -Confirm:$false -PassThru
    $archived | Show-Table

    Write-Section 'All projects, archived included'
    Get-OpenAiProject -IncludeArchived | Show-Table
} finally {
    if ($emu) {
        Write-Section 'Stop the emulator'
        $emu | Stop-OpenAiEmulator -Confirm:$false
        Write-Host 'Stopped.'
    }
}
Write-Host ''
Write-Host 'Demo completed.'
