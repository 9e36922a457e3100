using System;
using System.Collections.Generic;

namespace TrutoOpenAi.Core.Usage
{
    /// <summary>
    /// The query of a usage or costs report in .NET terms: times as DateTimeOffset (sent as unix seconds), filters by
    /// their API array name (project_ids, models ...), group_by in snake_case or PascalCase.
    /// </summary>
    public sealed class UsageQuery
    {
        /// <summary>Start of the range, inclusive (required by the API).</summary>
        public DateTimeOffset StartTime { get; set; }

        /// <summary>End of the range, exclusive; null for the API's default (now).</summary>
        public DateTimeOffset? EndTime { get; set; }

        /// <summary>1m, 1h or 1d; null for the API's default (1d).</summary>
        public string? BucketWidth { get; set; }

        /// <summary>Buckets per page; null for the API's default for the bucket width.</summary>
        public int? Limit { get; set; }

        /// <summary>Fields to group by (ProjectId or project_id ...).</summary>
        public IList<string> GroupBy { get; } = new List<string>();

        /// <summary>Array filters by API name: project_ids, user_ids, api_key_ids, models, sources, sizes, vector_store_ids, context_levels.</summary>
        public IDictionary<string, IList<string>> Filters { get; } = new Dictionary<string, IList<string>>(StringComparer.Ordinal);

        /// <summary>Completions only: true = batch jobs only, false = non-batch only, null = both.</summary>
        public bool? Batch { get; set; }

        public UsageQuery AddFilter(string name, IEnumerable<string>? values)
        {
            if (values is null) return this;
            if (!Filters.TryGetValue(name, out var list)) Filters[name] = list = new List<string>();
            foreach (var value in values)
                if (!string.IsNullOrEmpty(value) && !list.Contains(value)) list.Add(value);
            if (list.Count == 0) Filters.Remove(name);
            return this;
        }
    }
}
