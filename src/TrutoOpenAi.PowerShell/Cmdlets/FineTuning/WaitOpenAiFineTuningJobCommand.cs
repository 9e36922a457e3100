using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Waits for fine-tuning jobs to end, showing their progress.</summary>
    /// <remarks>
    /// <para>Reads each job (-Id, or jobs piped in from New-OpenAiFineTuningJob or Get-OpenAiFineTuningJob) until it ends,
    /// all of them at once, showing one progress bar per job with its status, its estimated finish and the time waited.
    /// The reads come every -PollInterval seconds (default 1 s, growing to 10 s), never more often than the API asks with
    /// openai-poll-after-ms. A succeeded job is written (its FineTunedModel is ready to use); a cancelled or paused job is
    /// written with a warning (a paused job waits for Resume-OpenAiFineTuningJob). A failed job is an
    /// OpenAiFineTuningJobFailed error whose message carries the job's error code and message and whose TargetObject is the
    /// job. -Timeout gives up after that many seconds with an OpenAiWaitTimeout error (the job goes on). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Wait-OpenAiFineTuningJob -Id ftjob-abc123 -Timeout 7200 | Select-Object Id, Status, FineTunedModel</code>
    /// <para>Waits up to two hours for a job, then shows the fine-tuned model it made.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "OpenAiFineTuningJob")]
    [OutputType(typeof(OpenAiFineTuningJob))]
    public sealed class WaitOpenAiFineTuningJobCommand : OpenAiWaitCmdlet<OpenAiFineTuningJob>
    {
        /// <summary>The id of the job (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FineTuningJobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string FailedErrorId => "OpenAiFineTuningJobFailed";

        protected override string Describe(OpenAiFineTuningJob job) => $"Fine-tuning job {job.Id}";

        protected override PollStatus Classify(OpenAiFineTuningJob job)
        {
            var status = job.Status ?? "unknown";
            var text = job.EstimatedFinish is { } eta && status == "running" ? $"{status}, estimated finish {eta.ToLocalTime():HH:mm:ss}" : status;
            return status switch
            {
                "succeeded" => new PollStatus(PollState.Done, text, 100),
                "cancelled" => new PollStatus(PollState.Stopped, text),
                "paused" => new PollStatus(PollState.Stopped, "paused: resume it with Resume-OpenAiFineTuningJob"),
                "failed" => new PollStatus(PollState.Failed, text, -1, job.Error?.Code, job.Error?.Message),
                _ => new PollStatus(PollState.Pending, text),
            };
        }

        protected override void ProcessRecord()
        {
            var id = Id;
            Enqueue($"fine-tuning job {id}", (observer, cancellationToken) => new FineTuningService(Client).GetJobAsync(id, observer, cancellationToken));
        }
    }
}
