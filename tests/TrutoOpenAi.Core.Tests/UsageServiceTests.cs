using System.Net;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using TrutoOpenAi.Core.Usage;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class UsageServiceTests
{
    private static readonly DateTimeOffset Start = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Bucket(long start, params string[] results) =>
        $$"""{"object":"bucket","start_time":{{start}},"end_time":{{start + 86400}},"results":[{{string.Join(",", results)}}]}""";

    private static string Cost(string value, string? project = null, string? lineItem = null) =>
        $$"""{"object":"organization.costs.result","amount":{"value":{{value}},"currency":"usd"},"line_item":{{Q(lineItem)}},"project_id":{{Q(project)}},"api_key_id":null,"quantity":null,"quantity_unit":null}""";

    private static string Q(string? s) => s is null ? "null" : "\"" + s + "\"";

    [Fact]
    public async Task Costs_flatten_buckets_into_one_row_per_result_and_follow_next_page()
    {
        using var api = new ApiHarness();
        var t0 = Start.ToUnixTimeSeconds();
        api.Reply(HttpMethod.Get, "organization/costs", HttpStatusCode.OK,
            """{"object":"page","data":[""" + Bucket(t0, Cost("0.06", "proj_a"), Cost("1.5", "proj_b")) + "," + Bucket(t0 + 86400) +
            """],"has_more":true,"next_page":"page_2"}""");
        api.Reply(HttpMethod.Get, "organization/costs", HttpStatusCode.OK,
            """{"object":"page","data":[""" + Bucket(t0 + 2 * 86400, Cost("0.10000001", "proj_a")) + """],"has_more":false,"next_page":null}""");

        var query = new UsageQuery { StartTime = Start, EndTime = Start.AddDays(3), Limit = 2 };
        query.GroupBy.Add("ProjectId");
        var pager = new UsageService(api.Client).List(UsageEndpoint.Costs, query);
        var rows = new List<OpenAiCost>();
        while (await pager.NextPageAsync(null, CancellationToken.None) is { } page) rows.AddRange(page);

        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { 0.06m, 1.5m, 0.10000001m }, rows.Select(r => r.Amount));
        Assert.All(rows, r => Assert.Equal("usd", r.Currency));
        Assert.Equal(Start, rows[0].BucketStart);
        Assert.Equal(Start.AddDays(1), rows[0].BucketEnd);
        Assert.Equal(Start.AddDays(2), rows[2].BucketStart);
        Assert.Equal("proj_b", rows[1].ProjectId);
        Assert.Null(rows[0].AdditionalProperties);

        Assert.Equal(2, api.Sent.Count);
        Assert.Equal($"?start_time={t0}&end_time={t0 + 3 * 86400}&limit=2&group_by=project_id", api.Sent[0].Uri.Query);
        Assert.Equal("page_2", api.Sent[1].QueryValue("page"));
        Assert.Equal(t0.ToString(), api.Sent[1].QueryValue("start_time"));
    }

    [Fact]
    public void Filters_are_sent_as_repeated_keys_and_group_by_in_snake_case()
    {
        var query = new UsageQuery { StartTime = Start, BucketWidth = "1h", Batch = true };
        query.GroupBy.Add("ApiKeyId");
        query.GroupBy.Add("service_tier");
        query.AddFilter("project_ids", new[] { "proj_a", "proj_b" }).AddFilter("models", new[] { "gpt-4o" });

        var request = UsageService.BuildRequest(UsageEndpoint.Completions, query);

        Assert.Equal($"organization/usage/completions?start_time={Start.ToUnixTimeSeconds()}&bucket_width=1h&project_ids=proj_a&project_ids=proj_b&models=gpt-4o&batch=true&group_by=api_key_id&group_by=service_tier",
            request.PathAndQuery);
    }

    [Theory]
    [InlineData("EndTime", "OpenAiInvalidTimeRange")]
    [InlineData("BucketWidth", "OpenAiInvalidBucketWidth")]
    [InlineData("GroupBy", "OpenAiInvalidGroupBy")]
    [InlineData("PageSize", "OpenAiInvalidPageSize")]
    public void What_the_API_would_reject_is_refused_before_sending(string parameter, string errorId)
    {
        var query = new UsageQuery { StartTime = Start };
        switch (parameter)
        {
            case "EndTime": query.EndTime = Start.AddSeconds(-1); break;
            case "BucketWidth": query.BucketWidth = "1h"; break;
            case "GroupBy": query.GroupBy.Add("Model"); break;
            case "PageSize": query.Limit = 181; break;
        }
        var error = Assert.Throws<OpenAiValidationException>(() => UsageService.BuildRequest(UsageEndpoint.Costs, query));
        Assert.Equal(parameter, error.ParameterName);
        Assert.Equal(errorId, error.ErrorId);
    }

    [Theory]
    [InlineData(null, 31)]
    [InlineData("1d", 31)]
    [InlineData("1h", 168)]
    [InlineData("1m", 1440)]
    public void Usage_limits_follow_the_bucket_width(string? width, int max)
    {
        Assert.Equal(max, UsageEndpoint.Embeddings.MaxLimit(width));
        Assert.Equal(180, UsageEndpoint.Costs.MaxLimit(width));
    }

    [Fact]
    public void Usage_rows_carry_measures_and_grouping_keys()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Bucket(Start.ToUnixTimeSeconds(),
            """{"object":"organization.usage.completions.result","input_tokens":1000,"output_tokens":500,"input_cached_tokens":20,"num_model_requests":5,"project_id":"proj_a","user_id":null,"api_key_id":null,"model":"gpt-4o","batch":true,"service_tier":"flex"}"""));

        var row = Assert.Single(UsageEndpoint.Completions.ReadBucket(doc.RootElement));

        Assert.Equal((1000L, 500L, 20L, 5L), (row.InputTokens, row.OutputTokens, row.InputCachedTokens!.Value, row.NumModelRequests));
        Assert.Equal(("proj_a", "gpt-4o", true, "flex"), (row.ProjectId, row.Model, row.Batch!.Value, row.ServiceTier));
        Assert.Equal("Completions", row.Kind);
        Assert.Equal(Start, row.BucketStart);
    }

    [Fact]
    public void ToApiName_maps_PowerShell_names_to_the_APIs()
    {
        Assert.Equal("project_id", UsageEndpoint.ToApiName("ProjectId"));
        Assert.Equal("api_key_id", UsageEndpoint.ToApiName("ApiKeyId"));
        Assert.Equal("vector_store_id", UsageEndpoint.ToApiName("VectorStoreId"));
        Assert.Equal("line_item", UsageEndpoint.ToApiName("line_item"));
    }
}
