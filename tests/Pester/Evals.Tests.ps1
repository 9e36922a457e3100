# Evals, their runs and output items (API key) against the emulator; runs grade for real and progress with the emulator clock.
Describe 'Evals against the emulator' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Common.ps1')
        $script:emu = Start-OpenAiEmulator -Connect -Name 'evals-tests'
        $script:work = Join-Path ([IO.Path]::GetTempPath()) "evals-tests-$([guid]::NewGuid().ToString('n'))"
        New-Item -ItemType Directory -Path $work | Out-Null
        function script:Set-EmulatorClock([hashtable] $Body) { $null = Invoke-EmulatorControl POST 'clock' -Body $Body -Emulator $emu }
        Set-EmulatorClock @{ now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds() }
        $script:config = @{ type = 'custom'; item_schema = @{ type = 'object'; properties = @{ question = @{ type = 'string' }; answer = @{ type = 'string' } } }; include_sample_schema = $true }
        $script:exact = @{ type = 'string_check'; name = 'exact'; input = '{{sample.output_text}}'; reference = '{{item.answer}}'; operation = 'eq' }
        $script:close = @{ type = 'text_similarity'; name = 'close'; input = '{{sample.output_text}}'; reference = '{{item.answer}}'; evaluation_metric = 'fuzzy_match'; pass_threshold = 0.8 }
        function script:New-TestEval { New-OpenAiEval -Name "eval-$([guid]::NewGuid().ToString('n').Substring(0, 6))" -DataSourceConfig $config -TestingCriterion $exact, $close -Confirm:$false }
        # Three rows with their own samples: exact, close (one letter off), wrong.
        $script:rows = @(
            @{ item = @{ question = 'Capital of France?'; answer = 'Paris' }; sample = @{ output_text = 'Paris' } },
            @{ item = @{ question = 'Capital of Peru?'; answer = 'Lima' }; sample = @{ output_text = 'Lima.' } },
            @{ item = @{ question = 'Capital of Japan?'; answer = 'Tokyo' }; sample = @{ output_text = 'Kyoto' } }
        )
    }
    AfterAll {
        $script:emu | Stop-OpenAiEmulator -Confirm:$false
        Remove-Item $work -Recurse -Force -ErrorAction Ignore
    }

    Context 'Evals' {
        It 'New-OpenAiEval sends the data source config and testing criteria given as hashtables and writes the eval' {
            $since = Get-EmulatorSeq $emu
            $eval = New-OpenAiEval -Name 'Capitals' -DataSourceConfig $config -TestingCriterion $exact, $close -Metadata @{ team = 'qa' } -Confirm:$false
            $eval | Should -BeOfType ([TrutoOpenAi.Core.Models.Evals.OpenAiEval])
            $eval.Id | Should -BeLike 'eval_*'
            $eval.EvalId | Should -Be $eval.Id
            $eval.Name | Should -Be 'Capitals'
            $eval.CriterionNames | Should -Be @('exact', 'close')
            $eval.Metadata.team | Should -Be 'qa'
            $eval.CreatedAt | Should -BeOfType ([DateTimeOffset])
            $eval.DataSourceConfig.GetProperty('schema').GetProperty('properties').GetProperty('item').GetProperty('properties').GetProperty('question').GetProperty('type').GetString() | Should -Be 'string'
            $log = @(Get-EmulatorLog $emu -Since $since)
            $log.Count | Should -Be 1
            $log[0].method | Should -Be 'POST'
            $log[0].path | Should -Be '/v1/evals'
            $log[0].body.testing_criteria[0].type | Should -Be 'string_check'
            $log[0].body.data_source_config.item_schema.properties.answer.type | Should -Be 'string'
        }

        It 'New-OpenAiEval takes the criteria as JSON text, and the whole request from a -Definition file whose fields the parameters override' {
            $json = '[{"type":"string_check","name":"json-exact","input":"{{sample.output_text}}","reference":"{{item.answer}}","operation":"ilike"}]'
            (New-OpenAiEval -Name fromjson -DataSourceConfig ($config | ConvertTo-Json -Depth 5) -TestingCriterion $json -Confirm:$false).CriterionNames | Should -Be @('json-exact')
            $path = Join-Path $work 'eval.json'
            @{ name = 'from-file'; data_source_config = $config; testing_criteria = @($exact); metadata = @{ source = 'file' } } | ConvertTo-Json -Depth 8 | Set-Content $path
            $eval = New-OpenAiEval -Definition $path -Metadata @{ source = 'parameter' } -Confirm:$false
            $eval.Name | Should -Be 'from-file'
            $eval.CriterionNames | Should -Be @('exact')
            $eval.Metadata.source | Should -Be 'parameter'
        }

        It 'A testing criterion of an unknown type is refused before any request: OpenAiInvalidTestingCriterion' {
            $since = Get-EmulatorSeq $emu
            New-OpenAiEval -Name bad -DataSourceConfig $config -TestingCriterion @{ type = 'vibes_check'; name = 'vibes' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTestingCriterion,*'
            $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure[0].Exception.Message | Should -BeLike "*'vibes_check'*string_check*"
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'Criteria that are not JSON, or a string_check without an operation, are refused before any request' {
            $since = Get-EmulatorSeq $emu
            New-OpenAiEval -DataSourceConfig $config -TestingCriterion '{not json' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable notJson
            $notJson[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidJson,*'
            New-OpenAiEval -DataSourceConfig $config -TestingCriterion @{ type = 'string_check'; name = 'x'; input = 'a'; reference = 'b' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable noOperation
            $noOperation[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidTestingCriterion,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'The API''s own message comes back where the API decides (an unknown data source config type)' {
            New-OpenAiEval -DataSourceConfig @{ type = 'spreadsheet' } -TestingCriterion $exact -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidRequest,*'
            $failure[0].Exception.Message | Should -BeLike "*'spreadsheet'*"
        }

        It 'Get-OpenAiEval lists every eval across pages and gets one by id; an unknown id is OpenAiNotFound' {
            $made = 1..3 | ForEach-Object { New-TestEval }
            $all = @(Get-OpenAiEval -PageSize 2)
            $made.Id | ForEach-Object { $all.Id | Should -Contain $_ }
            (Get-OpenAiEval -Descending -First 1).Id | Should -Be $made[-1].Id
            ($made[0] | Get-OpenAiEval).Name | Should -Be $made[0].Name
            Get-OpenAiEval -Id eval_missing -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }

        It 'Set-OpenAiEval renames and re-tags; with nothing to change it sends nothing' {
            $eval = New-TestEval
            $changed = $eval | Set-OpenAiEval -Name renamed -Metadata @{ v = '2' } -Confirm:$false -PassThru
            $changed.Name | Should -Be 'renamed'
            $changed.Metadata.v | Should -Be '2'
            (Get-OpenAiEval -Id $eval.Id).Name | Should -Be 'renamed'
            $since = Get-EmulatorSeq $emu
            Set-OpenAiEval -Id $eval.Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiInvalidArgument,*'
            @(Get-EmulatorLog $emu -Since $since).Count | Should -Be 0
        }

        It 'Remove-OpenAiEval -WhatIf deletes nothing; without it the eval is gone' {
            $eval = New-TestEval
            $since = Get-EmulatorSeq $emu
            $eval | Remove-OpenAiEval -WhatIf
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq DELETE).Count | Should -Be 0
            $deletion = $eval | Remove-OpenAiEval -Confirm:$false -PassThru
            $deletion.Deleted | Should -BeTrue
            $deletion.Id | Should -Be $eval.Id
            Get-OpenAiEval -Id $eval.Id -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }
    }

    Context 'Runs grade' {
        It 'A jsonl run grades each row with string check and text similarity, and moves queued, in_progress, completed with the clock' {
            $eval = New-TestEval
            $run = $eval | New-OpenAiEvalRun -Item $rows -Name graded -Confirm:$false
            $run | Should -BeOfType ([TrutoOpenAi.Core.Models.Evals.OpenAiEvalRun])
            $run.Status | Should -Be 'queued'
            $run.EvalId | Should -Be $eval.Id
            $run.RunId | Should -Be $run.Id
            $run.ResultCounts.Total | Should -Be 3
            Set-EmulatorClock @{ advance_seconds = 2 }
            $partial = $run | Get-OpenAiEvalRun
            $partial.Status | Should -Be 'in_progress'
            $partial.ResultCounts.Done | Should -Be 1
            Set-EmulatorClock @{ advance_seconds = 5 }
            $done = $run | Get-OpenAiEvalRun
            $done.Status | Should -Be 'completed'
            $done.ResultCounts.Passed | Should -Be 1
            $done.ResultCounts.Failed | Should -Be 2
            ($done.PerTestingCriteriaResults | Where-Object TestingCriteria -eq exact).Passed | Should -Be 1
            ($done.PerTestingCriteriaResults | Where-Object TestingCriteria -eq close).Passed | Should -Be 2

            $items = @($done | Get-OpenAiEvalRunOutputItem)
            $items.Count | Should -Be 3
            $items[0].Status | Should -Be 'pass'
            $lima = $items[1]
            $lima.Status | Should -Be 'fail'
            ($lima.Results | Where-Object Name -eq exact).Passed | Should -BeFalse
            $fuzzy = $lima.Results | Where-Object Name -eq close
            $fuzzy.Passed | Should -BeTrue
            $fuzzy.Score | Should -Be 0.8
            $lima.OutputText | Should -Be 'Lima.'
            $lima.DatasourceItem.GetProperty('answer').GetString() | Should -Be 'Lima'
            (@($done | Get-OpenAiEvalRunOutputItem -Status fail)).DatasourceItemId | Should -Be @(1, 2)
            (@($done | Get-OpenAiEvalRunOutputItem -Status pass)).DatasourceItemId | Should -Be @(0)
            ($items[2] | Get-OpenAiEvalRunOutputItem).Id | Should -Be $items[2].Id
        }

        It 'A run with -Model has the stand-in model answer each row''s rendered messages, and grades its answers' {
            $eval = New-TestEval
            $since = Get-EmulatorSeq $emu
            $run = New-OpenAiEvalRun -EvalId $eval.Id -Model gpt-4o-mini -InputMessage @{ role = 'system'; content = 'Answer in one word.' }, '{{item.answer}}' `
                -Item @{ question = 'q1'; answer = 'Paris' } -Confirm:$false
            $body = @(Get-EmulatorLog $emu -Since $since)[0].body
            $body.data_source.type | Should -Be 'completions'
            $body.data_source.input_messages.template[1].content | Should -Be '{{item.answer}}'
            $run.Model | Should -Be 'gpt-4o-mini'
            # Answered as the API stores a template (the spec's example): typed messages with input_text content.
            $answered = $run.DataSource.GetProperty('input_messages').GetProperty('template')[1]
            $answered.GetProperty('type').GetString() | Should -Be 'message'
            $answered.GetProperty('content').GetProperty('type').GetString() | Should -Be 'input_text'
            $answered.GetProperty('content').GetProperty('text').GetString() | Should -Be '{{item.answer}}'
            Set-EmulatorClock @{ advance_seconds = 5 }
            $item = $run | Get-OpenAiEvalRunOutputItem
            $item.Sample.GetProperty('input')[1].GetProperty('content').GetString() | Should -Be 'Paris'
            $item.Sample.GetProperty('model').GetString() | Should -Be 'gpt-4o-mini'
            $item.Sample.GetProperty('max_completion_tokens').GetInt32() | Should -Be 2048 -Because 'a sample reports the limit it was drawn with'
            # The stand-in model answers "You said: <last user message>": not the expected answer, so both graders fail it.
            $item.OutputText | Should -Be 'You said: Paris'
            ($item.Results | Where-Object Name -eq exact).Passed | Should -BeFalse
            ($item.Results | Where-Object Name -eq close).Score | Should -Be ([math]::Round(1 - 10 / 15, 4))
            $item.Status | Should -Be 'fail'
            ($run | Get-OpenAiEvalRun).PerModelUsage[0].GetProperty('invocation_count').GetInt32() | Should -Be 1
        }

        It 'A run reads its rows from an uploaded JSONL file with -FileId' {
            $path = Join-Path $work 'rows.jsonl'
            $rows | ForEach-Object { $_ | ConvertTo-Json -Depth 5 -Compress } | Set-Content $path
            $file = New-OpenAiFile -Path $path -Purpose evals -Confirm:$false
            $run = New-TestEval | New-OpenAiEvalRun -FileId $file.Id -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 10 }
            ($run | Get-OpenAiEvalRun).ResultCounts.ToString() | Should -Be '1 passed, 2 failed, 0 errored of 3'
        }

        It 'Get-OpenAiEvalRun lists an eval''s runs, asks the API for one status, and gets one by id' {
            $eval = New-TestEval
            $first = $eval | New-OpenAiEvalRun -Item $rows -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 10 }
            $second = $eval | New-OpenAiEvalRun -Item $rows -Confirm:$false
            (@($eval | Get-OpenAiEvalRun)).Id | Should -Be @($first.Id, $second.Id)
            $since = Get-EmulatorSeq $emu
            (@($eval | Get-OpenAiEvalRun -Status completed)).Id | Should -Be @($first.Id)
            @(Get-EmulatorLog $emu -Since $since)[0].query | Should -BeLike '*status=completed*'
            (Get-OpenAiEvalRun -EvalId $eval.Id -RunId $second.Id).Status | Should -Be 'queued'
            (@($eval | Get-OpenAiEvalRun -Descending)).Id | Should -Be @($second.Id, $first.Id)
        }
    }

    Context 'Waiting, cancelling, deleting' {
        It 'Get-OpenAiEvalRun | Wait-OpenAiEvalRun | Get-OpenAiEvalRunOutputItem -Status fail binds EvalId and RunId by property name' {
            $e = New-TestEval
            $null = $e | New-OpenAiEvalRun -Item $rows -Confirm:$false
            $null = $e | New-OpenAiEvalRun -Item $rows[0] -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 10 }
            $failed = @(Get-OpenAiEvalRun -EvalId $e.Id | Wait-OpenAiEvalRun | Get-OpenAiEvalRunOutputItem -Status fail)
            $failed.Count | Should -Be 2
            $failed | ForEach-Object { $_.Status | Should -Be 'fail'; $_.EvalId | Should -Be $e.Id }
        }

        It 'Wait-OpenAiEvalRun polls until the run ends and shows progress from the result counts' {
            $run = New-TestEval | New-OpenAiEvalRun -Item $rows -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 2 }
            $ps = [powershell]::Create()
            try {
                $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddStatement()
                $null = $ps.AddCommand('Wait-OpenAiEvalRun').AddParameter('EvalId', $run.EvalId).AddParameter('Id', $run.Id).AddParameter('PollInterval', 0.1).AddParameter('Connection', (Get-OpenAiConnection -Current))
                $async = $ps.BeginInvoke()
                # Once the first progress record (1 of 3 graded) is out, let the run finish.
                $deadline = [DateTime]::UtcNow.AddSeconds(60)
                while (-not @($ps.Streams.Progress | Where-Object Activity -eq 'Wait-OpenAiEvalRun').Count -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
                Set-EmulatorClock @{ advance_seconds = 10 }
                $out = $ps.EndInvoke($async)
                $out[0].Status | Should -Be 'completed'
                $progress = @($ps.Streams.Progress | Where-Object { $_.Activity -eq 'Wait-OpenAiEvalRun' -and $_.RecordType -eq 'Processing' })
                $progress[0].StatusDescription | Should -BeLike 'in_progress: 1 of 3 graded, 1 passed, 0 failed*'
                $progress[0].PercentComplete | Should -Be 33
                $progress[-1].StatusDescription | Should -BeLike 'completed: 3 of 3 graded, 1 passed, 2 failed*'
                $progress[-1].PercentComplete | Should -Be 100
            }
            finally { $ps.Dispose() }
        }

        It 'A run that fails is an OpenAiEvalRunFailed error carrying the run''s error, never a quiet object' {
            $run = New-TestEval | New-OpenAiEvalRun -Model no-such-model -InputMessage '{{item.question}}' -Item $rows[0].item -Confirm:$false
            Set-EmulatorClock @{ advance_seconds = 5 }
            $out = $run | Wait-OpenAiEvalRun -ErrorAction SilentlyContinue -ErrorVariable failure
            $out | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiEvalRunFailed,*'
            $failure[0].Exception.ErrorCode | Should -Be 'model_not_found'
            $failure[0].Exception.Message | Should -BeLike '*model_not_found*no-such-model*'
            $failure[0].TargetObject.Id | Should -Be $run.Id
            $failure[0].TargetObject.Error.Code | Should -Be 'model_not_found'
        }

        It 'Wait-OpenAiEvalRun -Timeout gives up with OpenAiWaitTimeout while the run goes on' {
            Set-EmulatorClock @{ now = (Invoke-EmulatorControl GET 'clock' -Emulator $emu).now }
            $run = New-TestEval | New-OpenAiEvalRun -Item $rows -Confirm:$false
            $run | Wait-OpenAiEvalRun -Timeout 1 -PollInterval 0.2 -ErrorAction SilentlyContinue -ErrorVariable failure | Should -BeNullOrEmpty
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiWaitTimeout,*'
            $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
            ($run | Get-OpenAiEvalRun).Status | Should -Be 'queued'
        }

        It 'Stop-OpenAiEvalRun cancels a queued run (POST to the run itself); a run already ended is refused before any request' {
            $run = New-TestEval | New-OpenAiEvalRun -Item $rows -Confirm:$false
            $since = Get-EmulatorSeq $emu
            $stopped = $run | Stop-OpenAiEvalRun -Confirm:$false -PassThru
            $stopped.Status | Should -Be 'canceled'
            (Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).path | Should -Be "/v1/evals/$($run.EvalId)/runs/$($run.Id)"
            $run | Wait-OpenAiEvalRun -WarningVariable warned -WarningAction SilentlyContinue | ForEach-Object Status | Should -Be 'canceled'
            $warned[0] | Should -BeLike '*canceled*'
            $since = Get-EmulatorSeq $emu
            $run | Stop-OpenAiEvalRun -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiRunAlreadyEnded,*'
            @(Get-EmulatorLog $emu -Since $since | Where-Object method -eq POST).Count | Should -Be 0
        }

        It 'Remove-OpenAiEvalRun deletes a run; it is then not found' {
            $run = New-TestEval | New-OpenAiEvalRun -Item $rows -Confirm:$false
            ($run | Remove-OpenAiEvalRun -Confirm:$false -PassThru).Id | Should -Be $run.Id
            $run | Get-OpenAiEvalRun -ErrorAction SilentlyContinue -ErrorVariable failure
            $failure[0].FullyQualifiedErrorId | Should -BeLike 'OpenAiNotFound,*'
        }
    }
}
