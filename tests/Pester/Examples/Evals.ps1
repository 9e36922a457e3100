# Help-example world: evals. 'Capitals' (a string-check criterion) with a recorded-answer run that is completed with one
# passed and one failed item ('replay') and a long run still grading ('nightly'); 'Regressions', whose only run failed
# (a model the emulator does not know); ./eval.json for -Definition.
@{
    Order = 25   # before Platform (30), whose clock moves (35 s) complete 'replay' and leave 'nightly' in progress
    Setup = {
        param($World)
        $config = @{ type = 'custom'; item_schema = @{ type = 'object'; properties = @{ question = @{ type = 'string' }; answer = @{ type = 'string' } } }; include_sample_schema = $true }
        $exact = @{ type = 'string_check'; name = 'exact'; input = '{{sample.output_text}}'; reference = '{{item.answer}}'; operation = 'eq' }
        $eval = New-OpenAiEval -Name 'Capitals' -DataSourceConfig $config -TestingCriterion $exact -Confirm:$false
        $World.EvalId = $eval.Id
        $replay = @{ item = @{ answer = 'Paris' }; sample = @{ output_text = 'Paris' } }, @{ item = @{ answer = 'Lima' }; sample = @{ output_text = 'Quito' } }
        $World.EvalRunId = (New-OpenAiEvalRun -EvalId $eval.Id -Name 'replay' -Item $replay -Confirm:$false).Id
        # One item is graded per emulator second: 60 items are still grading after the 35 s the Platform world moves.
        $nightly = 1..60 | ForEach-Object { @{ item = @{ answer = "a$_" }; sample = @{ output_text = "a$_" } } }
        $null = New-OpenAiEvalRun -EvalId $eval.Id -Name 'nightly' -Item $nightly -Confirm:$false
        $regressions = New-OpenAiEval -Name 'Regressions' -DataSourceConfig $config -TestingCriterion $exact -Confirm:$false
        $World.FailedEvalId = $regressions.Id
        $null = New-OpenAiEvalRun -EvalId $regressions.Id -Model 'retired-model' -InputMessage '{{item.question}}' -Item @{ question = 'q'; answer = 'a' } -Confirm:$false
        @{ name = 'Support answers'; data_source_config = $config; testing_criteria = @($exact) } | ConvertTo-Json -Depth 8 |
            Set-Content -LiteralPath (Join-Path $World.Dir 'eval.json')
    }
    Placeholders = [ordered]@{
        # eval_abc123 is 'Capitals', except in examples that look for failed runs.
        'eval_abc123\b'    = { param($World, $Code) if ($Code -match '-Status failed') { $World.FailedEvalId } else { $World.EvalId } }
        'evalrun_abc123\b' = { param($World) $World.EvalRunId }
    }
}
