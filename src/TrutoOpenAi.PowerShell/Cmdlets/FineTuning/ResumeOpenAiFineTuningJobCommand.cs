using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Resumes a paused fine-tuning job.</summary>
    /// <remarks>
    /// <para>Resumes the jobs given by -Id or piped in from Get-OpenAiFineTuningJob -Status paused; training goes on where it stopped. Only paused jobs can be resumed; others write an OpenAiInvalidRequest error and the pipeline goes on. Writes nothing unless -PassThru, then the job with Status running. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Status paused | Resume-OpenAiFineTuningJob -Confirm:$false</code>
    /// <para>Resumes every paused job.</para>
    /// </example>
    /// <example>
    /// <code>Resume-OpenAiFineTuningJob -Id ftjob-abc123 -PassThru -Confirm:$false</code>
    /// <para>Resumes one job and writes it.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Resume, "OpenAiFineTuningJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiFineTuningJob))]
    [OpenAiOperation("openai_fine_tuning_jobs_resume", "POST", "/fine_tuning/jobs/{fine_tuning_job_id}/resume")]
    public sealed class ResumeOpenAiFineTuningJobCommand : FineTuningJobActionCmdlet
    {
        protected override string Action => "Resume";

        protected override Task<OpenAiFineTuningJob> SendAsync(FineTuningService service, string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            service.ResumeJobAsync(id, observer, cancellationToken);
    }
}
