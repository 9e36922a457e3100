using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the spend alerts of the organization or of a project.</summary>
    /// <remarks>
    /// <para>A spend alert e-mails its recipients when the month's spend crosses its threshold. Without -ProjectId, gets
    /// the organization's alerts; with -ProjectId (or projects piped in), the alerts of each project. Without -AlertId,
    /// lists every alert, streaming the pages; with -AlertId, gets those alerts (an unknown id writes an OpenAiNotFound
    /// error and the pipeline goes on). Threshold is in dollars, ThresholdAmount in cents as the API counts. Needs an
    /// admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiSpendAlert</code>
    /// <para>Lists the organization's spend alerts.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiSpendAlert | Format-Table ProjectId, Threshold, Recipients</code>
    /// <para>Lists the spend alerts of every project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiSpendAlert", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiSpendAlert))]
    [OpenAiOperation("", "GET", "/organization/spend_alerts", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/organization/spend_alerts/{alert_id}", ParameterSet = ByIdSet)]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/spend_alerts", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/spend_alerts/{alert_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiSpendAlertCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project whose alerts to get (proj_...); leave it out for the organization's alerts.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Ids of the alerts to get (alert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] AlertId { get; set; } = new string[0];

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Descending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(ParameterSetName = ListSet, DontShow = true)]
        public SwitchParameter Descending { get; set; }

        protected override void ProcessRecord()
        {
            var service = new SpendService(Client);
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in AlertId)
                    Try(id, () => WriteObject(Await(observer => service.GetAlertAsync(projectId, id, observer, CancellationToken))));
                return;
            }
            Try(projectId, () => WritePages(service.ListAlerts(projectId, EffectivePageSize(), ApiOrder(Order, Descending ? "Descending" : null) == "desc")));
        }
    }
}
