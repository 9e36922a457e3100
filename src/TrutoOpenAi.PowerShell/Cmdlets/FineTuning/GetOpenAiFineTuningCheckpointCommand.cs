using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Gets the checkpoints of fine-tuning jobs.</summary>
    /// <remarks>
    /// <para>Lists the checkpoints of the job given by -FineTuningJobId (or piped in from Get-OpenAiFineTuningJob), newest
    /// first, streaming every page. A checkpoint is a usable model (FineTunedModelCheckpoint, ft:...) saved at one step of
    /// training, with its Metrics; the API saves them at the end of epochs of a succeeded job. An unknown job writes an
    /// OpenAiNotFound error and the pipeline goes on. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Status succeeded | Get-OpenAiFineTuningCheckpoint | Format-Table FineTuningJobId, StepNumber, FineTunedModelCheckpoint</code>
    /// <para>Lists the checkpoints of every succeeded job.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningCheckpoint -FineTuningJobId ftjob-abc123 | Sort-Object { $_.Metrics.train_loss } | Select-Object -First 1</code>
    /// <para>Finds the checkpoint with the lowest training loss.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiFineTuningCheckpoint", SupportsPaging = true)]
    [OutputType(typeof(OpenAiFineTuningCheckpoint))]
    [OpenAiOperation("list_all_openai_fine_tuning_checkpoints", "GET", "/fine_tuning/jobs/{fine_tuning_job_id}/checkpoints")]
    public sealed class GetOpenAiFineTuningCheckpointCommand : OpenAiListCmdlet
    {
        /// <summary>The job whose checkpoints to list (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FineTuningJobId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            Try(FineTuningJobId, () =>
                WritePages(new FineTuningService(Client).ListCheckpoints(FineTuningJobId, EffectivePageSize())));
        }
    }
}
