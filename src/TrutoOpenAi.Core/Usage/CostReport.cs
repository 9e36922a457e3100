using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using TrutoOpenAi.Core.Models.Usage;

namespace TrutoOpenAi.Core.Usage
{
    /// <summary>What a cost report shows: the cost rows (grouped by project and line item), optional token usage, names.</summary>
    public sealed class CostReportData
    {
        public string Title { get; set; } = "OpenAI cost report";

        /// <summary>The requested period (start inclusive, end exclusive).</summary>
        public DateTimeOffset StartTime { get; set; }
        public DateTimeOffset EndTime { get; set; }

        /// <summary>Daily cost rows, ideally grouped by project_id and line_item.</summary>
        public IList<OpenAiCost> Costs { get; set; } = new List<OpenAiCost>();

        /// <summary>Completions usage rows grouped by project (tokens and requests); may be empty.</summary>
        public IList<OpenAiCompletionsUsage> Completions { get; set; } = new List<OpenAiCompletionsUsage>();

        /// <summary>Project id to display name.</summary>
        public IDictionary<string, string> ProjectNames { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Describes the project filter, e.g. "3 projects"; null for the whole organization.</summary>
        public string? Scope { get; set; }

        public DateTimeOffset GeneratedAt { get; set; } = DateTimeOffset.UtcNow;

        /// <summary>How many line items to list.</summary>
        public int TopLineItems { get; set; } = 10;
    }

    /// <summary>
    /// Renders a cost report as one self-contained HTML document: inline CSS and SVG, no script, no external resource,
    /// so it opens offline and can be mailed as an attachment. A pure function of its data.
    /// </summary>
    public static class CostReport
    {
        private const int ChartWidth = 960;
        private const int ChartHeight = 340;
        private const int PlotLeft = 64;
        private const int PlotRight = 16;
        private const int PlotTop = 16;
        private const int PlotBottom = 48;

        // Tableau 20: distinct, print-friendly; beyond 20 projects colours continue by golden-angle hues.
        private static readonly string[] Palette =
        {
            "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
            "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63", "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
        };

        public static string Render(CostReportData data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            var names = new Dictionary<string, string>(data.ProjectNames ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            var summary = OpenAiCostSummary.From(data.Costs, data.StartTime, data.EndTime, names);
            var currency = (summary.Currency ?? "usd").ToUpperInvariant();
            var days = Days(data.StartTime, data.EndTime, data.Costs);
            var projects = summary.ByProject.Select(p => p.Key).ToList();

            var html = new StringBuilder(32 * 1024);
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .Append("<meta name=\"generator\" content=\"TrutoOpenAi Export-OpenAiCostReport\"/>\n")
                .Append("<title>").Append(E(data.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

            html.Append("<header><h1>").Append(E(data.Title)).Append("</h1>\n<p class=\"period\">")
                .Append(E(Day(data.StartTime))).Append(" &#8211; ").Append(E(Day(data.EndTime.AddSeconds(-1)))).Append(" (UTC)")
                .Append(" &#183; ").Append(E(data.Scope ?? "all projects"))
                .Append(" &#183; generated ").Append(E(data.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))).Append(" UTC</p></header>\n");

            // Headline figures.
            var inputTokens = data.Completions.Sum(c => c.InputTokens);
            var outputTokens = data.Completions.Sum(c => c.OutputTokens);
            var requests = data.Completions.Sum(c => c.NumModelRequests);
            var dayCount = Math.Max(1, days.Count);
            html.Append("<section class=\"cards\">\n");
            Card(html, "total", "Total spend", Money(summary.TotalAmount, currency));
            Card(html, "average", "Average per day", Money(summary.TotalAmount / dayCount, currency));
            Card(html, "projects", "Projects with spend", projects.Count(p => summary.ByProject.First(t => t.Key == p).Amount != 0).ToString(CultureInfo.InvariantCulture));
            Card(html, "tokens", "Tokens (in / out)", Count(inputTokens) + " / " + Count(outputTokens));
            Card(html, "requests", "Model requests", Count(requests));
            html.Append("</section>\n");

            // Stacked bars: one series per project, one bar per day.
            html.Append("<section><h2>Spend per day and project</h2>\n");
            AppendChart(html, days, projects, data.Costs, names, currency);
            AppendLegend(html, projects, names);
            html.Append("</section>\n");

            // Per project.
            var tokensByProject = data.Completions.GroupBy(c => c.ProjectId ?? "(none)", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (In: g.Sum(c => c.InputTokens), Out: g.Sum(c => c.OutputTokens), Requests: g.Sum(c => c.NumModelRequests)), StringComparer.Ordinal);
            html.Append("<section><h2>Spend per project</h2>\n<table class=\"projects\">\n<thead><tr><th></th><th>Project</th><th>Id</th><th class=\"num\">Spend</th><th class=\"num\">Share</th><th class=\"num\">Input tokens</th><th class=\"num\">Output tokens</th><th class=\"num\">Requests</th></tr></thead>\n<tbody>\n");
            for (var i = 0; i < summary.ByProject.Length; i++)
            {
                var p = summary.ByProject[i];
                tokensByProject.TryGetValue(p.Key, out var t);
                html.Append("<tr data-project=\"").Append(E(p.Key)).Append("\"><td><span class=\"swatch\" style=\"background:").Append(Colour(i)).Append("\"></span></td><td>")
                    .Append(E(p.Name ?? p.Key)).Append("</td><td class=\"id\">").Append(E(p.Key)).Append("</td><td class=\"num\">").Append(Money(p.Amount, currency))
                    .Append("</td><td class=\"num\"><span class=\"bar\" style=\"width:").Append(N(Bar(p.Share, summary.ByProject))).Append("px\"></span>").Append(Pct(p.Share * 100)).Append("%</td><td class=\"num\">")
                    .Append(Count(t.In)).Append("</td><td class=\"num\">").Append(Count(t.Out)).Append("</td><td class=\"num\">").Append(Count(t.Requests)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n<tfoot><tr><td></td><td>Total</td><td></td><td class=\"num\">").Append(Money(summary.TotalAmount, currency))
                .Append("</td><td class=\"num\">100%</td><td class=\"num\">").Append(Count(inputTokens)).Append("</td><td class=\"num\">").Append(Count(outputTokens))
                .Append("</td><td class=\"num\">").Append(Count(requests)).Append("</td></tr></tfoot>\n</table></section>\n");

            // Top line items.
            html.Append("<section><h2>Top line items</h2>\n<table class=\"line-items\">\n<thead><tr><th>Line item</th><th class=\"num\">Spend</th><th class=\"num\">Share</th></tr></thead>\n<tbody>\n");
            foreach (var item in summary.ByLineItem.Take(Math.Max(1, data.TopLineItems)))
            {
                html.Append("<tr><td>").Append(E(item.Key)).Append("</td><td class=\"num\">").Append(Money(item.Amount, currency))
                    .Append("</td><td class=\"num\"><span class=\"bar\" style=\"width:").Append(N(Bar(item.Share, summary.ByLineItem))).Append("px\"></span>").Append(Pct(item.Share * 100)).Append("%</td></tr>\n");
            }
            html.Append("</tbody></table></section>\n");

            html.Append("<footer>Amounts as reported by /v1/organization/costs (daily buckets, UTC). Tokens from /v1/organization/usage/completions.</footer>\n");
            html.Append("</main>\n</body>\n</html>\n");
            return html.ToString();
        }

        private static void AppendChart(StringBuilder html, IList<DateTime> days, IList<string> projects, IList<OpenAiCost> costs,
            IDictionary<string, string> names, string currency)
        {
            var perDayProject = costs.GroupBy(c => (Day: c.BucketStart.UtcDateTime.Date, Project: c.ProjectId ?? "(none)"))
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Amount));
            var dayTotals = days.Select(d => projects.Sum(p => perDayProject.TryGetValue((d, p), out var v) ? Math.Max(0, v) : 0)).ToList();
            var max = NiceMax(dayTotals.Count == 0 ? 0 : dayTotals.Max());
            var plotWidth = ChartWidth - PlotLeft - PlotRight;
            var plotHeight = ChartHeight - PlotTop - PlotBottom;
            var slot = days.Count == 0 ? plotWidth : (double)plotWidth / days.Count;
            var barWidth = Math.Max(1, slot * 0.72);

            html.Append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").Append(ChartWidth).Append(' ').Append(ChartHeight)
                .Append("\" width=\"").Append(ChartWidth).Append("\" height=\"").Append(ChartHeight).Append("\" data-days=\"").Append(days.Count)
                .Append("\" data-series=\"").Append(projects.Count).Append("\" aria-label=\"Spend per day, stacked by project\">\n");

            // Grid and y axis.
            html.Append("<g class=\"axis y\">\n");
            for (var i = 0; i <= 4; i++)
            {
                var value = max * i / 4;
                var y = PlotTop + plotHeight - plotHeight * i / 4.0;
                html.Append("<line x1=\"").Append(PlotLeft).Append("\" x2=\"").Append(ChartWidth - PlotRight).Append("\" y1=\"").Append(N(y)).Append("\" y2=\"").Append(N(y)).Append("\"/>")
                    .Append("<text x=\"").Append(PlotLeft - 6).Append("\" y=\"").Append(N(y + 4)).Append("\" text-anchor=\"end\">").Append(E(Money(value, currency, compact: true))).Append("</text>\n");
            }
            html.Append("</g>\n");

            // x axis labels: every day when few, otherwise about ten.
            var step = Math.Max(1, (int)Math.Ceiling(days.Count / 10.0));
            html.Append("<g class=\"axis x\">\n");
            for (var d = 0; d < days.Count; d += step)
            {
                var x = PlotLeft + slot * d + slot / 2;
                html.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(ChartHeight - PlotBottom + 18).Append("\" text-anchor=\"middle\">")
                    .Append(days[d].ToString("MMM d", CultureInfo.InvariantCulture)).Append("</text>\n");
            }
            html.Append("</g>\n");

            // One series per project, stacked in the order of the legend (largest spender at the bottom).
            var baseline = new double[days.Count];
            for (var p = 0; p < projects.Count; p++)
            {
                var project = projects[p];
                names.TryGetValue(project, out var name);
                html.Append("<g class=\"series\" data-project=\"").Append(E(project)).Append("\" data-name=\"").Append(E(name ?? project))
                    .Append("\" fill=\"").Append(Colour(p)).Append("\">\n");
                for (var d = 0; d < days.Count; d++)
                {
                    if (!perDayProject.TryGetValue((days[d], project), out var amount) || amount <= 0 || max == 0) continue;
                    var height = (double)(amount / max) * plotHeight;
                    var y = PlotTop + plotHeight - baseline[d] - height;
                    baseline[d] += height;
                    var x = PlotLeft + slot * d + (slot - barWidth) / 2;
                    html.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" width=\"").Append(N(barWidth)).Append("\" height=\"").Append(N(height))
                        .Append("\" data-day=\"").Append(days[d].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("\" data-amount=\"")
                        .Append(amount.ToString(CultureInfo.InvariantCulture)).Append("\"><title>").Append(E(name ?? project)).Append(", ")
                        .Append(days[d].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(": ").Append(E(Money(amount, currency))).Append("</title></rect>\n");
                }
                html.Append("</g>\n");
            }
            html.Append("<line class=\"baseline\" x1=\"").Append(PlotLeft).Append("\" x2=\"").Append(ChartWidth - PlotRight).Append("\" y1=\"").Append(PlotTop + plotHeight)
                .Append("\" y2=\"").Append(PlotTop + plotHeight).Append("\"/>\n</svg>\n");
        }

        private static void AppendLegend(StringBuilder html, IList<string> projects, IDictionary<string, string> names)
        {
            html.Append("<ul class=\"legend\">\n");
            for (var p = 0; p < projects.Count; p++)
            {
                names.TryGetValue(projects[p], out var name);
                html.Append("<li data-project=\"").Append(E(projects[p])).Append("\"><span class=\"swatch\" style=\"background:").Append(Colour(p)).Append("\"></span>")
                    .Append(E(name ?? projects[p])).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }

        private static void Card(StringBuilder html, string key, string label, string value) =>
            html.Append("<div class=\"card\" data-kpi=\"").Append(key).Append("\"><div class=\"label\">").Append(E(label)).Append("</div><div class=\"value\">")
                .Append(E(value)).Append("</div></div>\n");

        /// <summary>The UTC days of the period (capped to what the rows cover when the period is open-ended).</summary>
        private static IList<DateTime> Days(DateTimeOffset start, DateTimeOffset end, IList<OpenAiCost> costs)
        {
            var first = start.UtcDateTime.Date;
            var last = end.UtcDateTime.AddSeconds(-1).Date;
            if (costs.Count > 0)
            {
                var minDay = costs.Min(c => c.BucketStart.UtcDateTime.Date);
                var maxDay = costs.Max(c => c.BucketStart.UtcDateTime.Date);
                if (minDay < first) first = minDay;
                if (maxDay > last) last = maxDay;
            }
            var days = new List<DateTime>();
            for (var d = first; d <= last && days.Count < 3660; d = d.AddDays(1)) days.Add(d);
            return days;
        }

        /// <summary>A round axis maximum at or above <paramref name="value"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
        internal static decimal NiceMax(decimal value)
        {
            if (value <= 0) return 0;
            var exponent = Math.Floor(Math.Log10((double)value));
            var power = (decimal)Math.Pow(10, exponent);
            foreach (var m in new[] { 1m, 2m, 2.5m, 5m, 10m })
                if (m * power >= value) return m * power;
            return 10 * power;
        }

        internal static string Colour(int index) =>
            index < Palette.Length ? Palette[index]
                : "hsl(" + ((index * 137.508) % 360).ToString("0", CultureInfo.InvariantCulture) + ",55%,55%)";

        private static string Money(decimal amount, string currency, bool compact = false)
        {
            var symbol = currency == "USD" ? "$" : currency + " ";
            if (compact && Math.Abs(amount) >= 1000) return symbol + (amount / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k";
            return symbol + amount.ToString(compact ? "#,##0.##" : "#,##0.00", CultureInfo.InvariantCulture);
        }

        /// <summary>Share bars scaled to the largest share (60 px), so small shares stay visible.</summary>
        private static double Bar(double share, OpenAiCostTotal[] totals)
        {
            var max = totals.Length == 0 ? 0 : totals.Max(t => t.Share);
            return max <= 0 ? 0 : Math.Max(1, share / max * 60);
        }

        private static string Count(long value) => value.ToString("#,##0", CultureInfo.InvariantCulture);
        private static string Pct(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        private static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        private static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

        private const string Css = @"
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --bg: #f5f7fa; --accent: #4e79a7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 14px/1.45 'Segoe UI', 'DejaVu Sans', Helvetica, Arial, sans-serif; }
main { max-width: 1010px; margin: 0 auto; padding: 24px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
.period { margin: 0 0 20px; color: var(--muted); }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 18px; }
section.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 20px; font-weight: 600; margin-top: 4px; white-space: nowrap; }
.card[data-kpi=total] .value { color: var(--accent); font-size: 24px; }
h2 { font-size: 16px; margin: 0 0 12px; }
svg.chart { display: block; width: 100%; height: auto; }
.axis line { stroke: var(--line); }
.axis text { fill: var(--muted); font-size: 11px; }
.baseline { stroke: #9aa5b1; }
.series rect { stroke: #fff; stroke-width: .5; }
.legend { list-style: none; margin: 10px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 12px; color: var(--muted); }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; font-size: 12px; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.projects td:nth-child(2) { white-space: nowrap; }
td.id { color: var(--muted); font-family: Consolas, 'DejaVu Sans Mono', monospace; font-size: 12px; }
tfoot td { font-weight: 600; border-bottom: 0; }
.bar { display: inline-block; height: 8px; background: #c5d5e6; border-radius: 2px; margin-right: 6px; max-width: 60px; vertical-align: 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
@media print { body { background: #fff; } section { break-inside: avoid; } }
";
    }
}
