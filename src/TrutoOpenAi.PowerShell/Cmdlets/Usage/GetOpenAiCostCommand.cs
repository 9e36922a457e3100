using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Usage;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the organization's costs, one row per day and group, or their sums in one summary.</summary>
    /// <remarks>
    /// <para>Reads GET /organization/costs (admin key) for the period from -StartTime to -EndTime in daily buckets,
    /// following next_page until the period is covered. Each bucket result becomes one row: BucketStart and BucketEnd
    /// (UTC), Day, Amount (decimal, exact as the API sends it) and Currency (usd), and the keys asked for with -GroupBy:
    /// ProjectId, LineItem (with Quantity and QuantityUnit) and ApiKeyId. A day without costs gives no row. -First and
    /// -Skip count rows; -PageSize is the number of days per request (1 to 180).</para>
    /// <para>-ProjectId (or projects piped in, e.g. from Get-OpenAiProject) limits the costs to those projects and groups
    /// by project, so each row says whose cost it is. Because amounts are decimals, Group-Object and Measure-Object on
    /// the rows give the same sums as the API's totals.</para>
    /// <para>-Summarize reads every row grouped by project and line item (for all piped projects together) and writes
    /// a single OpenAiCostSummary: TotalAmount, and the totals ByProject (with each project's Name, from the project
    /// list), ByLineItem and ByDay, each with its share.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiCost -StartTime (Get-Date).AddDays(-30) | Group-Object ProjectId | Select-Object Name, @{ n = 'Usd'; e = { ($_.Group | Measure-Object Amount -Sum).Sum } } | Sort-Object Usd -Descending</code>
    /// <para>Spend of the last 30 days per project, largest first: the bill of each tenant.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiCost -StartTime (Get-Date).AddDays(-30) -GroupBy LineItem | Group-Object LineItem | Sort-Object { ($_.Group | Measure-Object Amount -Sum).Sum } -Descending | Select-Object -First 5 Name</code>
    /// <para>The five most expensive line items of the month.</para>
    /// </example>
    /// <example>
    /// <code>$s = Get-OpenAiCost -StartTime (Get-Date).AddDays(-30) -Summarize; $s.TotalAmount; $s.ByDay | Format-Table Key, Amount</code>
    /// <para>One call for the month's total and the spend of each day.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiCost", SupportsPaging = true, DefaultParameterSetName = RowsSet)]
    [OutputType(typeof(OpenAiCost), ParameterSetName = new[] { RowsSet })]
    [OutputType(typeof(OpenAiCostSummary), ParameterSetName = new[] { SummarySet })]
    [OpenAiOperation("list_all_openai_costs", "GET", "/organization/costs")]
    public sealed class GetOpenAiCostCommand : OpenAiListCmdlet
    {
        private const string RowsSet = "Rows";
        private const string SummarySet = "Summary";
        private readonly List<OpenAiCost> _summaryRows = new List<OpenAiCost>();
        private DateTimeOffset _start;

        /// <summary>Start of the period (inclusive). Default: midnight UTC six days ago.</summary>
        [Parameter(Position = 0)]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>End of the period (exclusive). Default: now.</summary>
        [Parameter(Position = 1)]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Width of each bucket: costs come only in days (1d).</summary>
        [Parameter]
        [ValidateSet("1d")]
        public string? BucketWidth { get; set; }

        /// <summary>Only costs of these projects (proj_...); also bound from piped projects. Rows are then grouped by project.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>Only costs of these API keys (key_...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ApiKeyId { get; set; }

        /// <summary>Fields to group each day's costs by: ProjectId, LineItem, ApiKeyId.</summary>
        [Parameter(ParameterSetName = RowsSet)]
        [ValidateSet("ProjectId", "LineItem", "ApiKeyId")]
        public string[]? GroupBy { get; set; }

        /// <summary>Writes one OpenAiCostSummary (total, per project, per line item, per day) instead of the rows.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SummarySet)]
        public SwitchParameter Summarize { get; set; }

        protected override void ProcessRecord()
        {
            Try(ProjectId, () =>
            {
                var groupBy = Summarize ? new[] { "ProjectId", "LineItem" } : GroupBy;
                var query = UsageParameters.Build(StartTime, EndTime, BucketWidth, Summarize ? PageSize ?? MaxPageSize : EffectivePageSize(), groupBy, ProjectId);
                query.AddFilter("api_key_ids", ApiKeyId);
                _start = query.StartTime;
                var pager = new UsageService(Client).List(UsageEndpoint.Costs, query);
                if (!Summarize)
                {
                    // Without grouping the rows have no project or line item: a view without those columns (OpenAiCost#Ungrouped).
                    var grouped = query.GroupBy.Count > 0;
                    WritePages(pager, project: grouped ? null : row => Ungrouped(row));
                    return;
                }
                while (true)
                {
                    var page = Await(observer => pager.NextPageAsync(observer, CancellationToken));
                    if (page is null) break;
                    _summaryRows.AddRange(page);
                }
            });
        }

        private static PSObject Ungrouped(OpenAiCost row)
        {
            var wrapped = PSObject.AsPSObject(row);
            wrapped.TypeNames.Insert(0, typeof(OpenAiCost).FullName + "#Ungrouped");
            return wrapped;
        }

        /// <summary>
        /// The names of the projects in the summary (ByProject's Name), from the organization's project list (archived ones
        /// too); without names (and with a warning) when the list cannot be read.
        /// </summary>
        private Dictionary<string, string>? ProjectNames()
        {
            var wanted = new HashSet<string>(_summaryRows.Select(r => r.ProjectId).Where(id => !string.IsNullOrEmpty(id))!, StringComparer.Ordinal);
            if (wanted.Count == 0) return null;
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            try
            {
                var pager = new ProjectService(Client).List(100, includeArchived: true);
                while (names.Count < wanted.Count && Await(observer => pager.NextPageAsync(observer, CancellationToken)) is { } page)
                    foreach (var project in page)
                        if (wanted.Contains(project.Id) && !string.IsNullOrEmpty(project.Name)) names[project.Id] = project.Name!;
            }
            catch (Core.OpenAiException ex)
            {
                WriteWarning($"Project names are left out of the summary: the project list could not be read ({ex.Message}).");
            }
            return names;
        }

        protected override void EndProcessing()
        {
            if (Summarize) WriteObject(OpenAiCostSummary.From(_summaryRows, _start, EndTime ?? DateTimeOffset.UtcNow, ProjectNames()));
        }
    }
}
