using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Gets the events of fine-tuning jobs.</summary>
    /// <remarks>
    /// <para>Lists the events of the job given by -FineTuningJobId (or piped in from Get-OpenAiFineTuningJob), newest
    /// first, streaming every page; -First stops the requests once enough have come. Events tell each status change
    /// (files validated, job started, paused, resumed, cancelled, succeeded), training metrics (Type metrics, Data) and
    /// the new model's name. Each event carries FineTuningJobId. -Level keeps only events of the given levels (filtered
    /// here). An unknown job writes an OpenAiNotFound error and the pipeline goes on. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Id ftjob-abc123 | Get-OpenAiFineTuningEvent -First 10</code>
    /// <para>Shows the ten newest events of one job.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Status failed | Get-OpenAiFineTuningEvent -Level error</code>
    /// <para>Shows the errors of every failed job.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiFineTuningEvent", SupportsPaging = true)]
    [OutputType(typeof(OpenAiFineTuningEvent))]
    [OpenAiOperation("list_all_openai_fine_tuning_events", "GET", "/fine_tuning/jobs/{fine_tuning_job_id}/events")]
    public sealed class GetOpenAiFineTuningEventCommand : OpenAiListCmdlet
    {
        /// <summary>The job whose events to list (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FineTuningJobId { get; set; } = string.Empty;

        /// <summary>Only events of these levels.</summary>
        [Parameter]
        [ValidateSet("info", "warn", "error")]
        public string[]? Level { get; set; }

        protected override void ProcessRecord()
        {
            Try(FineTuningJobId, () =>
            {
                var filtered = Level is { Length: > 0 };
                var pager = new FineTuningService(Client).ListEvents(FineTuningJobId, EffectivePageSize(filtersLocally: filtered));
                WritePages(pager, !filtered ? null : e => System.Array.IndexOf(Level!, e.Level) >= 0);
            });
        }
    }
}
