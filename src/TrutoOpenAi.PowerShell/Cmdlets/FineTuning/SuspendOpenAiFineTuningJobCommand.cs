using System.Management.Automation;
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
    [Cmdlet(VerbsLifecycle.Suspend, "OpenAiFineTuningJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiFineTuningJob))]
    [OpenAiOperation("openai_fine_tuning_jobs_pause", "POST", "/fine_tuning/jobs/{fine_tuning_job_id}/pause")]
    public sealed class SuspendOpenAiFineTuningJobCommand : OpenAiCmdlet
    {
        /// <summary>The id of the job (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FineTuningJobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the job as the request left it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new FineTuningService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetJobAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("fine-tuning job", current.Model + (current.Status is null ? "" : ", " + current.Status), current.Id), "Pause")) return;
                var changed = Await(observer => service.PauseJobAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(changed);
            });
        }
    }
}
