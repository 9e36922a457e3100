using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TrutoOpenAi.Core.Models.Usage
{
    /// <summary>
    /// Costs summed in one pass: the total, and the totals per project, per line item and per day, largest first
    /// (days in date order). Sums are exact (decimal): they equal what Measure-Object gives on the same rows.
    /// </summary>
    public sealed class OpenAiCostSummary
    {
        /// <summary>Start of the first bucket summed (or the requested start when there were none).</summary>
        public DateTimeOffset StartTime { get; set; }

        /// <summary>End of the last bucket summed (or the requested end).</summary>
        public DateTimeOffset EndTime { get; set; }

        public decimal TotalAmount { get; set; }

        /// <summary>The currency of the amounts (usd); "mixed" if the rows disagree.</summary>
        public string? Currency { get; set; }

        /// <summary>How many cost rows were summed.</summary>
        public int RowCount { get; set; }

        public OpenAiCostTotal[] ByProject { get; set; } = new OpenAiCostTotal[0];
        public OpenAiCostTotal[] ByLineItem { get; set; } = new OpenAiCostTotal[0];
        public OpenAiCostTotal[] ByDay { get; set; } = new OpenAiCostTotal[0];

        /// <summary>Sums cost rows. Rows without a project or line item count under "(none)".</summary>
        public static OpenAiCostSummary From(IEnumerable<OpenAiCost> rows, DateTimeOffset? start = null, DateTimeOffset? end = null,
            IReadOnlyDictionary<string, string>? projectNames = null)
        {
            var list = rows?.ToList() ?? throw new ArgumentNullException(nameof(rows));
            var currencies = list.Select(r => r.Currency).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var currency = currencies.Count == 0 ? "usd" : currencies.Count == 1 ? currencies[0] : "mixed";
            var total = list.Sum(r => r.Amount);
            var summary = new OpenAiCostSummary
            {
                StartTime = list.Count > 0 ? list.Min(r => r.BucketStart) : start ?? default,
                EndTime = list.Count > 0 ? list.Max(r => r.BucketEnd) : end ?? default,
                TotalAmount = total,
                Currency = currency,
                RowCount = list.Count,
            };
            summary.ByProject = Totals("Project", list, r => r.ProjectId, total, currency, projectNames)
                .OrderByDescending(t => t.Amount).ThenBy(t => t.Key, StringComparer.Ordinal).ToArray();
            summary.ByLineItem = Totals("LineItem", list, r => r.LineItem, total, currency, null)
                .OrderByDescending(t => t.Amount).ThenBy(t => t.Key, StringComparer.Ordinal).ToArray();
            summary.ByDay = Totals("Day", list, r => r.BucketStart.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), total, currency, null)
                .OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
            return summary;
        }

        private static IEnumerable<OpenAiCostTotal> Totals(string dimension, List<OpenAiCost> rows, Func<OpenAiCost, string?> key, decimal total,
            string currency, IReadOnlyDictionary<string, string>? names) =>
            rows.GroupBy(r => key(r) ?? "(none)", StringComparer.Ordinal).Select(g =>
            {
                var amount = g.Sum(r => r.Amount);
                string? name = null;
                names?.TryGetValue(g.Key, out name);
                return new OpenAiCostTotal
                {
                    Dimension = dimension,
                    Key = g.Key,
                    Name = name,
                    Amount = amount,
                    Currency = currency,
                    Share = total == 0 ? 0 : (double)(amount / total),
                    RowCount = g.Count(),
                };
            });

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:0.00} {1} over {2} project(s)", TotalAmount, Currency, ByProject.Length);
    }

    /// <summary>One total of a <see cref="OpenAiCostSummary"/>: a project, a line item or a day, with its share of the whole.</summary>
    public sealed class OpenAiCostTotal
    {
        /// <summary>Project, LineItem or Day.</summary>
        public string Dimension { get; set; } = string.Empty;

        /// <summary>The project id, line item or day (yyyy-MM-dd).</summary>
        public string Key { get; set; } = string.Empty;

        /// <summary>The project's name when known.</summary>
        public string? Name { get; set; }

        public decimal Amount { get; set; }
        public string? Currency { get; set; }

        /// <summary>Fraction of the total, 0 to 1.</summary>
        public double Share { get; set; }

        public int RowCount { get; set; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1:0.00} {2}", Name ?? Key, Amount, Currency);
    }
}
