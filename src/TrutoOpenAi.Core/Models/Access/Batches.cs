using System;
using System.Collections.Generic;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>Splits ids into the groups an API accepts per request (e.g. at most 10 certificate ids).</summary>
    public static class Batches
    {
        /// <summary>Consecutive groups of at most <paramref name="size"/>, in order, duplicates dropped (first kept).</summary>
        public static IReadOnlyList<IReadOnlyList<string>> Of(IEnumerable<string> ids, int size)
        {
            if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), "A batch holds at least one item.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var batches = new List<IReadOnlyList<string>>();
            List<string>? current = null;
            foreach (var id in ids)
            {
                if (string.IsNullOrEmpty(id) || !seen.Add(id)) continue;
                if (current is null || current.Count == size)
                {
                    current = new List<string>(size);
                    batches.Add(current);
                }
                current.Add(id);
            }
            return batches;
        }
    }
}
