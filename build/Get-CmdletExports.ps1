# Child-process script (run by build.ps1 via `dotnet pwsh -NoProfile -File`): loads the module assembly by
# reflection and writes the cmdlets and aliases it declares as JSON, so the build session never loads it.
param(
    [Parameter(Mandatory)][string] $AssemblyPath,
    [Parameter(Mandatory)][string] $OutFile
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
try {
    $asm = [System.Reflection.Assembly]::LoadFrom((Resolve-Path -LiteralPath $AssemblyPath).Path)
    try {
        $types = $asm.GetTypes()
    } catch [System.Reflection.ReflectionTypeLoadException] {
        $msgs = $_.Exception.LoaderExceptions | ForEach-Object { $_.Message } | Sort-Object -Unique
        throw "Could not load the types of ${AssemblyPath}: $($msgs -join '; ')"
    }
    $cmdlets = [System.Collections.Generic.List[object]]::new()
    $aliases = [System.Collections.Generic.List[object]]::new()
    foreach ($t in $types) {
        if (-not $t.IsPublic -or $t.IsAbstract -or -not $t.IsClass) { continue }
        $attr = $t.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) | Select-Object -First 1
        if (-not $attr) { continue }
        $name = "$($attr.VerbName)-$($attr.NounName)"
        $cmdlets.Add([pscustomobject]@{ Name = $name; Type = $t.FullName })
        foreach ($a in $t.GetCustomAttributes([System.Management.Automation.AliasAttribute], $false)) {
            foreach ($n in $a.AliasNames) { $aliases.Add([pscustomobject]@{ Name = $n; Cmdlet = $name }) }
        }
    }
    $dupes = $cmdlets | Group-Object Name | Where-Object Count -gt 1
    if ($dupes) { throw "Several classes declare the same cmdlet: $(($dupes | ForEach-Object Name) -join ', ')" }
    $v = $asm.GetName().Version
    $result = [ordered]@{
        Version = '{0}.{1}.{2}' -f $v.Major, $v.Minor, [Math]::Max($v.Build, 0)
        Cmdlets = @($cmdlets | Sort-Object Name -CaseSensitive)
        Aliases = @($aliases | Sort-Object Name -CaseSensitive)
    }
    $result | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $OutFile -Encoding utf8NoBOM
    exit 0
} catch {
    [Console]::Error.WriteLine("Get-CmdletExports: $($_.Exception.Message)")
    exit 1
}
