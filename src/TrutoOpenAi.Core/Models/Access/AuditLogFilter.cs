using System;
using System.Collections.Generic;
using System.Linq;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>
    /// The filters of list-audit-logs, turned into its query: effective_at[gt|gte|lt|lte] in unix seconds and the
    /// bracketed arrays project_ids[], event_types[], actor_ids[], actor_emails[], resource_ids[] (see
    /// reference/list_pagination.md §2; the effective_at wire form is the bracketed one).
    /// </summary>
    public sealed class AuditLogFilter
    {
        /// <summary>Only events strictly after this time (effective_at[gt]).</summary>
        public DateTimeOffset? After { get; set; }

        /// <summary>Only events strictly before this time (effective_at[lt]).</summary>
        public DateTimeOffset? Before { get; set; }

        public IList<string> ProjectIds { get; set; } = new List<string>();
        public IList<string> EventTypes { get; set; } = new List<string>();
        public IList<string> ActorIds { get; set; } = new List<string>();
        public IList<string> ActorEmails { get; set; } = new List<string>();
        public IList<string> ResourceIds { get; set; } = new List<string>();

        /// <summary>Only tenant-scoped events (tenant_only=true).</summary>
        public bool TenantOnly { get; set; }

        /// <summary>
        /// The query pairs, in a stable order. Times are whole seconds: "after T" is effective_at &gt; floor(T) and
        /// "before T" is effective_at &lt; ceil(T), which for whole-second events is exactly "after"/"before" T.
        /// </summary>
        public IEnumerable<KeyValuePair<string, string>> ToQuery()
        {
            if (After is { } after && Before is { } before && after >= before)
                throw new OpenAiValidationException("After", $"-After ({after:u}) must be earlier than -Before ({before:u}).", "OpenAiInvalidTimeRange");
            if (After is { } a) yield return Pair("effective_at[gt]", Floor(a));
            if (Before is { } b) yield return Pair("effective_at[lt]", Ceiling(b));
            foreach (var pair in Many("project_ids[]", ProjectIds)) yield return pair;
            foreach (var pair in Many("event_types[]", EventTypes)) yield return pair;
            foreach (var pair in Many("actor_ids[]", ActorIds)) yield return pair;
            foreach (var pair in Many("actor_emails[]", ActorEmails)) yield return pair;
            foreach (var pair in Many("resource_ids[]", ResourceIds)) yield return pair;
            if (TenantOnly) yield return new KeyValuePair<string, string>("tenant_only", "true");
        }

        public OpenAiRequest ApplyTo(OpenAiRequest request)
        {
            foreach (var pair in ToQuery()) request.WithQuery(pair.Key, pair.Value);
            return request;
        }

        private static IEnumerable<KeyValuePair<string, string>> Many(string name, IEnumerable<string>? values) =>
            (values ?? Enumerable.Empty<string>()).Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal)
                .Select(v => new KeyValuePair<string, string>(name, v));

        private static KeyValuePair<string, string> Pair(string name, long seconds) =>
            new KeyValuePair<string, string>(name, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

        internal static long Floor(DateTimeOffset t) => (long)Math.Floor(t.ToUnixTimeMilliseconds() / 1000.0);

        internal static long Ceiling(DateTimeOffset t) => (long)Math.Ceiling(t.ToUnixTimeMilliseconds() / 1000.0);
    }
}
