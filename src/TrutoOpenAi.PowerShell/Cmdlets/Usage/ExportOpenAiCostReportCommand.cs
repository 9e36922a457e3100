using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Usage;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Writes a self-contained HTML cost report: total spend, spend per project and day, top line items, tokens.</summary>
    /// <remarks>
    /// <para>Reads the daily costs grouped by project and line item (GET /organization/costs), the completions usage
    /// grouped by project (GET /organization/usage/completions) and the project names (GET /organization/projects), and
    /// writes one HTML file: headline figures (total spend, average per day, tokens, requests), a stacked bar chart of
    /// the spend per day with one series per project (inline SVG), a table of the spend per project with its share and
    /// tokens, and the top line items. The file has no script and loads nothing from the network: it opens offline, in
    /// any browser, and can be mailed or archived as it is.</para>
    /// <para>-StartTime and -EndTime choose the period (default: the last 30 days, from midnight UTC); -ProjectId (or
    /// piped projects) limits the report to those projects. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Export-OpenAiCostReport -Path ./costs.html -StartTime (Get-Date).AddDays(-30)</code>
    /// <para>The organization's report for the last 30 days.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-0000*' | Export-OpenAiCostReport -Path ./tenants.html -Title 'Tenants 1-9' -PassThru</code>
    /// <para>A report limited to the piped projects; writes the file's FileInfo.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "OpenAiCostReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    [OpenAiOperation("", "GET", "/organization/costs")]
    public sealed class ExportOpenAiCostReportCommand : OpenAiCmdlet
    {
        private readonly List<string> _projects = new List<string>();

        /// <summary>Path of the HTML file to write (replaced if it exists).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Start of the period (inclusive). Default: midnight UTC 29 days ago (30 days with today).</summary>
        [Parameter(Position = 1)]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>End of the period (exclusive). Default: now.</summary>
        [Parameter(Position = 2)]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Only these projects (proj_...); also bound from piped projects.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>The report's title.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "OpenAI cost report";

        /// <summary>How many line items to list (default 10).</summary>
        [Parameter]
        [ValidateRange(1, 1000)]
        public int TopLineItems { get; set; } = 10;

        /// <summary>Writes the report file's FileInfo.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (ProjectId != null) _projects.AddRange(ProjectId.Where(p => !_projects.Contains(p)));
        }

        protected override void EndProcessing()
        {
            var target = GetUnresolvedProviderPathFromPSPath(Path);
            if (!ShouldProcess(target, "Write cost report")) return;
            Try(target, () =>
            {
                var now = DateTimeOffset.UtcNow;
                var start = StartTime ?? new DateTimeOffset(now.UtcDateTime.Date.AddDays(-29), TimeSpan.Zero);
                var end = EndTime ?? now;
                var ids = _projects.Count > 0 ? _projects.ToArray() : null;
                var usage = new UsageService(Client);

                var costQuery = UsageParameters.Build(start, EndTime, null, UsageEndpoint.Costs.MaxLimit("1d"), new[] { "ProjectId", "LineItem" }, ids);
                var costs = ReadAll(usage.List(UsageEndpoint.Costs, costQuery));
                var tokenQuery = UsageParameters.Build(start, EndTime, null, UsageEndpoint.Completions.MaxLimit("1d"), new[] { "ProjectId" }, ids);
                var completions = ReadAll(usage.List(UsageEndpoint.Completions, tokenQuery));

                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var project in ReadAll(new ProjectService(Client).List(100, includeArchived: true)))
                    if (!string.IsNullOrEmpty(project.Name)) names[project.Id] = project.Name!;

                var html = CostReport.Render(new CostReportData
                {
                    Title = Title,
                    StartTime = start,
                    EndTime = end,
                    Costs = costs,
                    Completions = completions,
                    ProjectNames = names,
                    Scope = ids is null ? null : ids.Length == 1 ? (names.TryGetValue(ids[0], out var n) ? n : ids[0]) : $"{ids.Length} projects",
                    GeneratedAt = now,
                    TopLineItems = TopLineItems,
                });
                var directory = System.IO.Path.GetDirectoryName(target);
                if (!string.IsNullOrEmpty(directory)) System.IO.Directory.CreateDirectory(directory);
                File.WriteAllText(target, html, new UTF8Encoding(false));
                WriteVerbose($"Wrote {costs.Count} cost row(s) for {costs.Select(c => c.ProjectId).Distinct().Count()} project(s) to {target}.");
                if (PassThru) WriteObject(new FileInfo(target));
            });
        }

        private List<T> ReadAll<T>(ListPager<T> pager)
        {
            var all = new List<T>();
            while (true)
            {
                var page = Await(observer => pager.NextPageAsync(observer, CancellationToken));
                if (page is null) return all;
                all.AddRange(page);
            }
        }
    }
}
