using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Deletes an eval run and its output items.</summary>
    /// <remarks>
    /// <para>Deletes the runs given by -EvalId and -Id or piped in from Get-OpenAiEvalRun. Each run is looked up first and
    /// named in the confirmation prompt (ConfirmImpact High); an unknown run writes an OpenAiNotFound error and the pipeline
    /// goes on. Writes nothing unless -PassThru, then the API's deletion confirmation. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiEvalRun -EvalId eval_abc123 -Status failed | Remove-OpenAiEvalRun -Confirm:$false</code>
    /// <para>Deletes the failed runs of an eval.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiEvalRun", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_eval_run_by_id", "DELETE", "/evals/{eval_id}/runs/{run_id}")]
    public sealed class RemoveOpenAiEvalRunCommand : EvalRunActionCmdlet
    {
        protected override string Action => "Delete";

        protected override object Send(EvalService service) => Await(observer => service.DeleteRunAsync(EvalId, Id, observer, CancellationToken));
    }
}
