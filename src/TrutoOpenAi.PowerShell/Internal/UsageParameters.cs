using System;
using System.Collections.Generic;
using TrutoOpenAi.Core.Usage;

namespace TrutoOpenAi.PowerShell.Internal
{
    /// <summary>Turns the usage cmdlets' typed parameters into a <see cref="UsageQuery"/>.</summary>
    internal static class UsageParameters
    {
        /// <summary>The default start: midnight UTC six days ago, so the default (seven daily buckets) ends with today.</summary>
        public static DateTimeOffset DefaultStart(DateTimeOffset now) => new DateTimeOffset(now.UtcDateTime.Date.AddDays(-6), TimeSpan.Zero);

        public static UsageQuery Build(DateTimeOffset? start, DateTimeOffset? end, string? bucketWidth, int? limit, IEnumerable<string>? groupBy, string[]? projectIds)
        {
            var query = new UsageQuery
            {
                StartTime = start ?? DefaultStart(DateTimeOffset.UtcNow),
                EndTime = end,
                BucketWidth = bucketWidth,
                Limit = limit,
            };
            if (groupBy != null) foreach (var g in groupBy) query.GroupBy.Add(g);
            if (projectIds != null && projectIds.Length > 0)
            {
                query.AddFilter("project_ids", projectIds);
                // Rows scoped to projects carry their project: group by project too (sums are unchanged).
                if (!query.GroupBy.Contains("ProjectId") && !query.GroupBy.Contains("project_id")) query.GroupBy.Insert(0, "ProjectId");
            }
            return query;
        }
    }
}
