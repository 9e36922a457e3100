using System.Management.Automation;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Cancels an eval run.</summary>
    /// <remarks>
    /// <para>Cancels the runs given by -EvalId and -Id or piped in from Get-OpenAiEvalRun. Only queued and in_progress runs
    /// can be cancelled: a run already completed, failed or canceled writes an OpenAiRunAlreadyEnded error and nothing is
    /// sent. The items graded so far stay readable with Get-OpenAiEvalRunOutputItem. The run is looked up first and named in
    /// the confirmation prompt (ConfirmImpact High). Writes nothing unless -PassThru, then the run with Status canceled.
    /// Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiEvalRun -EvalId eval_abc123 -Status in_progress | Stop-OpenAiEvalRun -Confirm:$false -PassThru</code>
    /// <para>Cancels every run of an eval still grading.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiEvalRun", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiEvalRun))]
    [OpenAiOperation("openai_eval_runs_cancel", "POST", "/evals/{eval_id}/runs/{run_id}")]
    public sealed class StopOpenAiEvalRunCommand : EvalRunActionCmdlet
    {
        protected override string Action => "Cancel";

        protected override string? Refusal(OpenAiEvalRun run) =>
            run.IsTerminal ? $"Eval run {run.Id} is already {run.Status}: only queued or in_progress runs can be cancelled." : null;

        protected override object Send(EvalService service) => Await(observer => service.CancelRunAsync(EvalId, Id, observer, CancellationToken));
    }
}
