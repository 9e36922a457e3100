using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Pauses a running fine-tuning job.</summary>
    /// <remarks>
    /// <para>Pauses the jobs given by -Id or piped in from Get-OpenAiFineTuningJob; training stops until Resume-OpenAiFineTuningJob. Only running jobs can be paused; others write an OpenAiInvalidRequest error and the pipeline goes on. The job is looked up first and named in the confirmation prompt. Writes nothing unless -PassThru, then the job with Status paused. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob | Where-Object Status -eq running | Suspend-OpenAiFineTuningJob -Confirm:$false</code>
    /// <para>Pauses every running job.</para>
    /// </example>
    /// <example>
    /// <code>Suspend-OpenAiFineTuningJob -Id ftjob-abc123 -PassThru -Confirm:$false</code>
    /// <para>Pauses one job and writes it.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Suspend, "OpenAiFineTuningJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiFineTuningJob))]
    [OpenAiOperation("openai_fine_tuning_jobs_pause", "POST", "/fine_tuning/jobs/{fine_tuning_job_id}/pause")]
    public sealed class SuspendOpenAiFineTuningJobCommand : FineTuningJobActionCmdlet
    {
        protected override string Action => "Pause";

        protected override Task<OpenAiFineTuningJob> SendAsync(FineTuningService service, string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            service.PauseJobAsync(id, observer, cancellationToken);
    }
}
