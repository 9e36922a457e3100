# The TrutoOpenAi runbook demo against the bundled emulator (loopback only): provision, list, rename and archive a
# tenant project; then a copilot whose model calls a PowerShell function, bulk generation through the Batch API, and
# the runbook's own model traffic in the usage report. Run by `dotnet pwsh ./build.ps1 Demo` in a child pwsh after Build:
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

    Write-Section 'A copilot: the model calls a PowerShell function (Invoke-OpenAiResponse -Function -InvokeFunction Auto)'
    function Get-TenantStatus {
        param([Parameter(Mandatory, HelpMessage = 'The tenant project''s name')] [string] $Name)
        Get-OpenAiProject -IncludeArchived | Where-Object Name -eq $Name | Select-Object Name, Status, ArchivedAt | ConvertTo-Json -Compress
    }
    # The emulator's stand-in model calls the functions its prompt names, with the arguments written as name=value.
    $question = "Is $NewName still active? Ask Get-TenantStatus Name=$NewName"
    Write-Host "Q: $question"
    $answer = Invoke-OpenAiResponse -Model gpt-4o-mini -Message $question -Function Get-TenantStatus -InvokeFunction Auto -Confirm:$false
    Write-Host "A: $($answer.OutputText)"
    $answer | Show-Table

    Write-Section 'Bulk generation through the Batch API (-AsBatchRequest | Invoke-OpenAiBatch)'
    # A batch takes 14 s of the emulator's clock; moving it 1 s per request lets it pass while Invoke-OpenAiBatch polls.
    $null = Invoke-RestMethod -Method Post -Uri "$($emu.ControlUri)clock" -ContentType 'application/json' -Body '{"tick_seconds": 1}'
    'Paris', 'Lima', 'Tokyo' | ForEach-Object { "Which country is $_ the capital of?" } |
        Invoke-OpenAiResponse -Model gpt-4o-mini -AsBatchRequest |
        Invoke-OpenAiBatch -PollInterval 0.2 |
        Select-Object Index, InputObject, Succeeded, Output | Show-Table
    $null = Invoke-RestMethod -Method Post -Uri "$($emu.ControlUri)clock" -ContentType 'application/json' -Body '{"tick_seconds": 0}'

    Write-Section "This runbook's own model traffic in the usage report (Get-OpenAiUsageCompletion)"
    # The emulator counts the calls made against it beside its generated history (whose models carry dates).
    Get-OpenAiUsageCompletion -StartTime ([datetime]::UtcNow.Date) -BucketWidth 1d -Model gpt-4o-mini -GroupBy Model, Batch |
        Select-Object Model, Batch, NumModelRequests, InputTokens, OutputTokens | Show-Table
} finally {
    if ($emu) {
        Write-Section 'Stop the emulator'
        $emu | Stop-OpenAiEmulator -Confirm:$false
        Write-Host 'Stopped.'
    }
}
Write-Host ''
Write-Host 'Demo completed.'
