using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Usage;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// The shape of the Get-OpenAiUsage* reports: the period (-StartTime/-EndTime), the bucket width, the projects (bound
    /// from piped projects) and paging are declared once here; the derived cmdlet names its endpoint, declares -GroupBy
    /// with the keys its endpoint accepts and its own filters, and adds them to the query in <see cref="AddFilters"/>.
    /// </summary>
    /// <typeparam name="T">The row type of the report.</typeparam>
    public abstract class OpenAiUsageCmdlet<T> : OpenAiListCmdlet where T : OpenAiUsageRecord
    {
        /// <summary>Start of the period (inclusive). Default: midnight UTC six days ago.</summary>
        [Parameter(Position = 0)]
        public DateTimeOffset? StartTime { get; set; }

        /// <summary>End of the period (exclusive). Default: now.</summary>
        [Parameter(Position = 1)]
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>Width of each time bucket: 1m, 1h or 1d (the default).</summary>
        [Parameter]
        [ValidateSet("1m", "1h", "1d")]
        public string? BucketWidth { get; set; }

        /// <summary>Only usage of these projects (proj_...); also bound from piped projects. Rows are then grouped by project.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>The report's endpoint, e.g. <see cref="UsageEndpoint.Completions"/>.</summary>
        protected abstract UsageEndpoint<T> Endpoint { get; }

        /// <summary>The -GroupBy keys of the derived cmdlet.</summary>
        protected abstract string[]? Grouping { get; }

        /// <summary>Adds the derived cmdlet's filters (models, users, API keys...) to the query.</summary>
        protected virtual void AddFilters(UsageQuery query) { }

        protected override (int Min, int Max)? PageSizeRange => Endpoint.PageSizeRange(BucketWidth);

        protected override void ProcessRecord()
        {
            Try(ProjectId, () =>
            {
                var query = UsageParameters.Build(StartTime, EndTime, BucketWidth, EffectivePageSize(), Grouping, ProjectId);
                AddFilters(query);
                WritePages(new UsageService(Client).List(Endpoint, query));
            });
        }
    }
}
