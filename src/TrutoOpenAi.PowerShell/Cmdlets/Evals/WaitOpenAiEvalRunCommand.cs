using System.Management.Automation;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Waits for eval runs to end, showing their progress.</summary>
    /// <remarks>
    /// <para>Reads each run (-EvalId and -Id, or runs piped in from Get-OpenAiEvalRun or New-OpenAiEvalRun) every
    /// -PollInterval seconds, showing a progress bar from its result counts (items graded of the total, passed and
    /// failed), until it is completed, failed or canceled. A completed run is written, so it pipes into
    /// Get-OpenAiEvalRunOutputItem. A failed run is an OpenAiEvalRunFailed error whose message carries the run's error
    /// code and message and whose TargetObject is the run. A canceled run is written with a warning. -Timeout gives up on
    /// a run after that many seconds with an OpenAiWaitTimeout error (the run goes on). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiEvalRun -EvalId eval_abc123 -Model gpt-4o-mini -InputMessage '{{item.question}}' -Item @{ question = 'Capital of France?'; answer = 'Paris' } | Wait-OpenAiEvalRun</code>
    /// <para>Starts a run and waits for its grades.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiEvalRun -EvalId eval_abc123 | Wait-OpenAiEvalRun -Timeout 600 | Get-OpenAiEvalRunOutputItem -Status fail</code>
    /// <para>Waits up to ten minutes for each run of an eval, then lists the failed items.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "OpenAiEvalRun")]
    [OutputType(typeof(OpenAiEvalRun))]
    public sealed class WaitOpenAiEvalRunCommand : OpenAiWaitCmdlet<OpenAiEvalRun>
    {
        /// <summary>The id of the eval (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EvalId { get; set; } = string.Empty;

        /// <summary>The id of the run (evalrun_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RunId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string FailedErrorId => "OpenAiEvalRunFailed";

        protected override string Describe(OpenAiEvalRun run) => $"Eval run {run.Id}";

        protected override PollStatus Classify(OpenAiEvalRun run)
        {
            var counts = run.ResultCounts;
            var status = counts is null ? run.Status ?? "unknown"
                : $"{run.Status}: {counts.Done} of {counts.Total} graded, {counts.Passed} passed, {counts.Failed} failed";
            var percent = counts is { Total: > 0 } ? System.Math.Min(100, counts.Done * 100 / counts.Total) : -1;
            return run.Status switch
            {
                "completed" => new PollStatus(PollState.Done, status, percent),
                "canceled" => new PollStatus(PollState.Stopped, status, percent),
                "failed" => new PollStatus(PollState.Failed, status, percent, run.Error?.Code, run.Error?.Message),
                _ => new PollStatus(PollState.Pending, status, percent),
            };
        }

        protected override void ProcessRecord()
        {
            var evalId = EvalId;
            var id = Id;
            Enqueue($"eval run {id}", (observer, cancellationToken) => new EvalService(Client).GetRunAsync(evalId, id, observer, cancellationToken));
        }
    }
}
