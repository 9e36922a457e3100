# The emulator against the spec: every successful JSON reply the Pester suite provoked is checked against the spec's
# schema for that operation's answer (src/tools/ReplyCheck with response-schemas.json, extracted from the spec at
# development time by src/tools/CatalogGen). build/Test.ps1 runs this file last, with TRUTO_EMULATOR_REPLY_LOG naming the
# directory every emulator of the run logs its replies to. Known disagreements between the spec's examples and its
# schemas are listed in src/tools/ReplyCheck/exceptions.tsv and the emulator README.
Describe 'Emulator replies against the spec''s response schemas' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Common.ps1')
        $script:logDir = $env:TRUTO_EMULATOR_REPLY_LOG
        $script:checker = Get-ChildItem (Join-Path $RepoRoot 'src/tools/ReplyCheck/bin') -Recurse -Filter ReplyCheck.dll -ErrorAction SilentlyContinue |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1
    }

    It 'every successful JSON reply of the suite validates against its operation''s schema' {
        if (-not $logDir -or -not (Test-Path $logDir)) {
            Set-ItResult -Skipped -Because 'the replies are logged only when the whole suite runs (./build.ps1 Test sets TRUTO_EMULATOR_REPLY_LOG)'
            return
        }
        $checker | Should -Not -BeNullOrEmpty -Because 'the build compiles src/tools/ReplyCheck'
        $reportFile = Join-Path ([IO.Path]::GetTempPath()) "replycheck-$([guid]::NewGuid().ToString('n')).json"
        try {
            $output = & dotnet $checker.FullName $logDir $reportFile 2>&1
            $report = Get-Content -Raw $reportFile | ConvertFrom-Json
            $report.checked | Should -BeGreaterThan 1000 -Because 'the suite provokes thousands of replies'
            @($report.operations.PSObject.Properties).Count | Should -BeGreaterThan 100 -Because 'the suite covers most operations'
            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        }
        finally { Remove-Item $reportFile -ErrorAction Ignore }
    }
}
