# Child-process script (run via `dotnet pwsh -NoProfile -File`): imports the staged module and writes the
# metadata that build/Help.ps1 turns into help (cmdlets, parameter sets, parameters, outputs, operations).
param(
    [Parameter(Mandatory)][string] $ManifestPath,
    [Parameter(Mandatory)][string] $OutFile
)
$ErrorActionPreference = 'Stop'
try {
    . (Join-Path $PSScriptRoot 'Help.ps1')
    $meta = Get-TrutoHelpMetadata -ManifestPath $ManifestPath
    $meta | ConvertTo-Json -Depth 20 | Set-Content -LiteralPath $OutFile -Encoding utf8NoBOM
    exit 0
} catch {
    [Console]::Error.WriteLine("Export-HelpMetadata: $($_.Exception.Message)`n$($_.ScriptStackTrace)")
    exit 1
}
