using System.Text.RegularExpressions;
using System.Xml.Linq;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Usage;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class UsageCostReportTests
{
    private static readonly DateTimeOffset Start = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static OpenAiCost Cost(int day, string project, string lineItem, decimal amount) => new()
    {
        BucketStart = Start.AddDays(day), BucketEnd = Start.AddDays(day + 1), ProjectId = project, LineItem = lineItem, Amount = amount, Currency = "usd",
    };

    private static readonly OpenAiCost[] Rows =
    [
        Cost(0, "proj_a", "gpt-4o, input", 1.10m), Cost(0, "proj_a", "gpt-4o, output", 2.20m), Cost(0, "proj_b", "gpt-4o, input", 0.30m),
        Cost(1, "proj_a", "gpt-4o, input", 0.40m), Cost(2, "proj_c", "tts-1", 5.00m), Cost(2, "proj_b", "gpt-4o, input", 0.01m),
    ];

    [Fact]
    public void Summary_sums_exactly_per_project_line_item_and_day()
    {
        var summary = OpenAiCostSummary.From(Rows, projectNames: new Dictionary<string, string> { ["proj_c"] = "Contoso" });

        Assert.Equal(9.01m, summary.TotalAmount);
        Assert.Equal("usd", summary.Currency);
        Assert.Equal(new[] { ("proj_c", 5.00m), ("proj_a", 3.70m), ("proj_b", 0.31m) }, summary.ByProject.Select(t => (t.Key, t.Amount)));
        Assert.Equal("Contoso", summary.ByProject[0].Name);
        Assert.Equal(new[] { ("tts-1", 5.00m), ("gpt-4o, output", 2.20m), ("gpt-4o, input", 1.81m) }, summary.ByLineItem.Select(t => (t.Key, t.Amount)));
        Assert.Equal(new[] { ("2024-11-01", 3.60m), ("2024-11-02", 0.40m), ("2024-11-03", 5.01m) }, summary.ByDay.Select(t => (t.Key, t.Amount)));
        Assert.Equal(1.0, summary.ByProject.Sum(t => t.Share), 10);
        Assert.Equal(Start, summary.StartTime);
        Assert.Equal(Start.AddDays(3), summary.EndTime);
    }

    private static string Render() => CostReport.Render(new CostReportData
    {
        Title = "Tenants <& co>",
        StartTime = Start,
        EndTime = Start.AddDays(3),
        Costs = Rows,
        Completions = [new OpenAiCompletionsUsage { ProjectId = "proj_a", InputTokens = 1234567, OutputTokens = 89, NumModelRequests = 3, BucketStart = Start }],
        ProjectNames = new Dictionary<string, string> { ["proj_a"] = "Alpha \"A\"", ["proj_b"] = "Beta" },
        GeneratedAt = Start.AddDays(3),
    });

    [Fact]
    public void Report_is_one_well_formed_document_with_no_script_and_no_external_resource()
    {
        var html = Render();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        // Well-formed markup (the SVG must be, to be drawn), once the doctype is set aside.
        XDocument.Parse(html.Substring(html.IndexOf("<html", StringComparison.Ordinal)));
        Assert.Contains("Tenants &lt;&amp; co&gt;", html);
    }

    [Fact]
    public void Report_chart_has_one_series_per_project_with_one_bar_per_day_with_spend()
    {
        var svg = XDocument.Parse(Render().Substring(Render().IndexOf("<html", StringComparison.Ordinal)))
            .Descendants().Single(e => e.Name.LocalName == "svg");
        var series = svg.Descendants().Where(e => e.Name.LocalName == "g" && (string?)e.Attribute("class") == "series").ToList();

        Assert.Equal(new[] { "proj_c", "proj_a", "proj_b" }, series.Select(s => (string?)s.Attribute("data-project")));
        Assert.Equal("Alpha \"A\"", (string?)series[1].Attribute("data-name"));
        Assert.Equal(new[] { 1, 2, 2 }, series.Select(s => s.Elements().Count(e => e.Name.LocalName == "rect")));
        Assert.Equal(3, series.Select(s => (string?)s.Attribute("fill")).Distinct().Count());
        Assert.Equal("3", (string?)svg.Attribute("data-days"));
        // Bars of one day stack: heights sum to the day's total in proportion to the axis.
        var day0 = series.SelectMany(s => s.Elements()).Where(e => (string?)e.Attribute("data-day") == "2024-11-01").ToList();
        Assert.Equal(3.60m, day0.Sum(e => decimal.Parse((string)e.Attribute("data-amount")!, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Report_shows_the_totals_top_line_items_and_tokens()
    {
        var html = Render();

        Assert.Contains("data-kpi=\"total\"><div class=\"label\">Total spend</div><div class=\"value\">$9.01</div>", html);
        Assert.Contains("1,234,567", html);
        Assert.Matches(new Regex("<table class=\"line-items\">.*?<td>tts-1</td><td class=\"num\">\\$5.00</td>", RegexOptions.Singleline), html);
        Assert.Contains("Alpha &quot;A&quot;", html);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("0.8", "1")]
    [InlineData("3.6", "5")]
    [InlineData("212", "250")]
    [InlineData("1001", "2000")]
    public void Axis_maximum_is_a_round_number_at_or_above_the_largest_day(string value, string expected) =>
        Assert.Equal(decimal.Parse(expected), CostReport.NiceMax(decimal.Parse(value)));
}
