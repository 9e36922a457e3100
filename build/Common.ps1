# Shared helpers for build.ps1 (dot-sourced). No side effects at load time beyond defining functions.
Set-StrictMode -Version 3.0

function Write-Step {
    param([Parameter(Mandatory)][string] $Message)
    Write-Host ''
    Write-Host "==> $Message"
}

function Write-Utf8File {
    # Writes text as UTF-8 without BOM with LF line endings, so generated files are byte-stable across OSes.
    param([Parameter(Mandatory)][string] $Path, [Parameter(Mandatory)][AllowEmptyString()][string] $Text)
    $dir = Split-Path -Parent $Path
    if ($dir -and -not (Test-Path -LiteralPath $dir)) { $null = New-Item -ItemType Directory -Path $dir -Force }
    $normalized = $Text -replace "`r`n", "`n"
    [System.IO.File]::WriteAllText($Path, $normalized, [System.Text.UTF8Encoding]::new($false))
}

function Invoke-Native {
    # Runs a native command with the console as its output; throws a clear error on a non-zero exit code.
    param(
        [Parameter(Mandatory)][string] $FilePath,
        [string[]] $ArgumentList = @(),
        [string] $WorkingDirectory = (Get-Location).Path,
        [string] $What = "$FilePath $($ArgumentList -join ' ')",
        [switch] $PassThruExitCode
    )
    Push-Location -LiteralPath $WorkingDirectory
    try {
        & $FilePath @ArgumentList | Out-Host
        $code = $LASTEXITCODE
    } finally {
        Pop-Location
    }
    if ($PassThruExitCode) { return $code }
    if ($code -ne 0) { throw "$What failed with exit code $code." }
}

function Invoke-ChildProcess {
    # Starts a process that shares this console (output streams straight through), waits up to
    # TimeoutSeconds, kills the whole process tree on timeout. Returns the exit code (-1 on timeout).
    param(
        [Parameter(Mandatory)][string] $FilePath,
        [string[]] $ArgumentList = @(),
        [Parameter(Mandatory)][string] $WorkingDirectory,
        [int] $TimeoutSeconds = 1800,
        [string] $What = $FilePath
    )
    $psi = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($a in $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.WorkingDirectory = $WorkingDirectory
    $psi.UseShellExecute = $false
    $proc = [System.Diagnostics.Process]::Start($psi)
    try {
        if (-not $proc.WaitForExit($TimeoutSeconds * 1000)) {
            Write-Host "$What did not finish within $TimeoutSeconds s: killing process tree $($proc.Id)."
            try { $proc.Kill($true) } catch { Write-Host "Could not kill process $($proc.Id): $($_.Exception.Message)" }
            $null = $proc.WaitForExit(10000)
            return -1
        }
        $proc.WaitForExit()  # flush async handlers
        return $proc.ExitCode
    } finally {
        $proc.Dispose()
    }
}

function Invoke-ChildPwsh {
    # Runs a script file in a fresh `dotnet pwsh -NoProfile -NonInteractive` child from the repo root,
    # so this session never loads (and locks) the module's assemblies. Returns the exit code.
    param(
        [Parameter(Mandatory)][string] $ScriptPath,
        [string[]] $ArgumentList = @(),
        [Parameter(Mandatory)][string] $RepoRoot,
        [int] $TimeoutSeconds = 1800,
        [string] $What = (Split-Path -Leaf $ScriptPath)
    )
    $argv = @('pwsh', '-NoProfile', '-NonInteractive', '-File', $ScriptPath) + $ArgumentList
    Invoke-ChildProcess -FilePath 'dotnet' -ArgumentList $argv -WorkingDirectory $RepoRoot -TimeoutSeconds $TimeoutSeconds -What $What
}

function Get-FileSetHash {
    # A stable SHA-256 over the relative paths and contents of the given files (for incremental steps).
    param([Parameter(Mandatory)][string] $Root, [System.IO.FileInfo[]] $Files)
    $sha = [System.Security.Cryptography.SHA256]::Create()
    try {
        $sb = [System.Text.StringBuilder]::new()
        foreach ($f in ($Files | Sort-Object { [System.IO.Path]::GetRelativePath($Root, $_.FullName) } -CaseSensitive)) {
            $rel = [System.IO.Path]::GetRelativePath($Root, $f.FullName) -replace '\\', '/'
            $bytes = [System.IO.File]::ReadAllBytes($f.FullName)
            $h = [System.Convert]::ToHexString($sha.ComputeHash($bytes))
            $null = $sb.Append($rel).Append(' ').Append($h).Append("`n")
        }
        return [System.Convert]::ToHexString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($sb.ToString())))
    } finally {
        $sha.Dispose()
    }
}
