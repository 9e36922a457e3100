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

Describe 'The conformance check itself' {
    BeforeAll {
        . (Join-Path $PSScriptRoot '../Common.ps1')
        $script:checker = Get-ChildItem (Join-Path $RepoRoot 'src/tools/ReplyCheck/bin') -Recurse -Filter ReplyCheck.dll -ErrorAction SilentlyContinue |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1
        function script:Invoke-Check([object[]] $Replies) {
            $dir = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
            New-Item -ItemType Directory $dir | Out-Null
            $Replies | ForEach-Object { $_ | ConvertTo-Json -Depth 20 -Compress } | Set-Content (Join-Path $dir 'replies-1.jsonl')
            $output = & dotnet $checker.FullName $dir 2>&1
            [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output -join "`n" }
        }
        $script:run = @{
            object = 'eval.run'; id = 'evalrun_1'; eval_id = 'eval_1'; status = 'completed'; model = $null; name = 'r'; created_at = 1
            report_url = 'https://platform.openai.com/evaluations/eval_1'; result_counts = @{ total = 0; errored = 0; failed = 0; passed = 0 }
            per_model_usage = @(); per_testing_criteria_results = @(); metadata = @{}; error = $null
            data_source = @{ type = 'jsonl'; source = @{ type = 'file_content'; content = @() } }
        }
    }

    It 'excuses only the kind of value an exception names, and fails an enforced operation otherwise' {
        $checker | Should -Not -BeNullOrEmpty -Because 'the build compiles src/tools/ReplyCheck'
        $ok = Invoke-Check @(@{ method = 'GET'; path = '/v1/evals/eval_1/runs/evalrun_1'; query = ''; status = 200; body = $run })
        $ok.ExitCode | Should -Be 0 -Because $ok.Output

        $bad = $run.Clone(); $bad.error = @{ message = 'no code' }; $bad.model = 7
        $result = Invoke-Check @(@{ method = 'GET'; path = '/v1/evals/eval_1/runs/evalrun_1'; query = ''; status = 200; body = $bad })
        $result.ExitCode | Should -Be 1
        $result.Output | Should -BeLike '*#/error.code: PropertyRequired*'
        $result.Output | Should -BeLike '*#/model: StringExpected*'
    }

    It 'reports a failed oneOf with the errors of its closest branch' {
        $chunk = @{ object = 'list'; data = @(@{ type = 'message'; id = 'msg_1'; status = 'completed'; role = 'assistant'; content = @(@{ type = 'output_text'; text = 'hi' }) })
            first_id = 'msg_1'; last_id = 'msg_1'; has_more = $false }
        $result = Invoke-Check @(@{ method = 'GET'; path = '/v1/conversations/conv_1/items'; query = ''; status = 200; body = $chunk })
        $result.ExitCode | Should -Be 1
        $result.Output | Should -BeLike '*#/data`[n`]: NotOneOf; closest branch:*'
    }
}
