using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Cancels a fine-tuning job.</summary>
    /// <remarks>
    /// <para>Cancels the jobs given by -Id or piped in from Get-OpenAiFineTuningJob. Only jobs that are validating_files, queued, running or paused can be cancelled; a finished job writes an OpenAiInvalidRequest error and the pipeline goes on. The job is looked up first and named in the confirmation prompt (ConfirmImpact High). Writes nothing unless -PassThru, then the job with Status cancelled. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Stop-OpenAiFineTuningJob -Id ftjob-abc123 -Confirm:$false -PassThru</code>
    /// <para>Cancels one job and writes it.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Status queued | Stop-OpenAiFineTuningJob -WhatIf</code>
    /// <para>Shows which queued jobs would be cancelled, cancelling none.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiFineTuningJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiFineTuningJob))]
    [OpenAiOperation("openai_fine_tuning_jobs_cancel", "POST", "/fine_tuning/jobs/{fine_tuning_job_id}/cancel")]
    public sealed class StopOpenAiFineTuningJobCommand : FineTuningJobActionCmdlet
    {
        protected override string Action => "Cancel";

        protected override Task<OpenAiFineTuningJob> SendAsync(FineTuningService service, string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            service.CancelJobAsync(id, observer, cancellationToken);
    }
}
