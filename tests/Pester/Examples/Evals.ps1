# Help-example world: evals. One eval with a string-check criterion and a recorded-answer run, so the listing examples
# show output.
@{
    Order = 25   # before Platform (30), whose clock moves complete the run; moving the clock here would end Platform's in-progress work
    Setup = {
        param($World)
        $config = @{ type = 'custom'; item_schema = @{ type = 'object'; properties = @{ question = @{ type = 'string' }; answer = @{ type = 'string' } } }; include_sample_schema = $true }
        $exact = @{ type = 'string_check'; name = 'exact'; input = '{{sample.output_text}}'; reference = '{{item.answer}}'; operation = 'eq' }
        $eval = New-OpenAiEval -Name 'Capitals' -DataSourceConfig $config -TestingCriterion $exact -Confirm:$false
        $World.EvalId = $eval.Id
        $null = New-OpenAiEvalRun -EvalId $eval.Id -Name 'replay' -Item @{ item = @{ answer = 'Paris' }; sample = @{ output_text = 'Paris' } } -Confirm:$false
    }
    # No placeholders for eval_abc123 yet: the examples that name it end in Wait-OpenAiEvalRun, which waits on the
    # emulator clock that this harness freezes; they stay skipped until the harness can move the clock for a waiter.
}
