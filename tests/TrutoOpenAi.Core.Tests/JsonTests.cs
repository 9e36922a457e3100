using System.Net;
using System.Text.Json;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Json;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class JsonTests
{
    private const string ProjectJson =
        """{"id":"proj_abc","object":"organization.project","name":"Payments","created_at":1711471533,"archived_at":null,"status":"active","external_key_id":"key_9","billing":{"plan":"pro"},"tags":["a","b"]}""";

    [Fact]
    public void Reads_unix_seconds_as_DateTimeOffset_and_a_null_archived_at_as_null()
    {
        using var document = JsonDocument.Parse(ProjectJson);

        var project = OpenAiObject.From<OpenAiProject>(document.RootElement);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711471533), project.CreatedAt);
        Assert.Null(project.ArchivedAt);
        Assert.Equal("proj_abc", project.Id);
        Assert.Equal("proj_abc", project.ProjectId);
        Assert.Equal("organization.project", project.Object);
        Assert.Equal("Payments", project.Name);
        Assert.Equal("active", project.Status);
        Assert.Equal("key_9", project.ExternalKeyId);
    }

    [Fact]
    public void Reads_fractional_unix_seconds_to_the_millisecond()
    {
        using var document = JsonDocument.Parse("""{"id":"p","created_at":1711471533.25,"archived_at":1711471600}""");

        var project = OpenAiObject.From<OpenAiProject>(document.RootElement);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1711471533250), project.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1711471600), project.ArchivedAt);
    }

    [Fact]
    public void Keeps_unknown_fields_in_AdditionalProperties_and_the_original_object_in_RawJson()
    {
        using var document = JsonDocument.Parse(ProjectJson);

        var project = OpenAiObject.From<OpenAiProject>(document.RootElement);

        Assert.NotNull(project.AdditionalProperties);
        Assert.Equal(new[] { "billing", "tags" }, project.AdditionalProperties!.Keys.OrderBy(k => k));
        Assert.Equal("pro", project.AdditionalProperties["billing"].GetProperty("plan").GetString());
        Assert.Equal(2, project.AdditionalProperties["tags"].GetArrayLength());
        Assert.Equal(ProjectJson, project.RawJson);
    }

    [Fact]
    public void Writes_snake_case_names_unix_seconds_and_leaves_nulls_out()
    {
        var json = OpenAiJson.Serialize(new Sample { DisplayName = "x", ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1700000000), MaybeNot = null });

        Assert.Equal("""{"display_name":"x","expires_at":1700000000}""", json);
    }

    private sealed class Sample
    {
        public string? DisplayName { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public string? MaybeNot { get; set; }
    }
}

public sealed class RateLimitTests
{
    [Theory]
    [InlineData("6m0s", 360_000)]
    [InlineData("12ms", 12)]
    [InlineData("1s", 1_000)]
    [InlineData("1h2m3.5s", 3_723_500)]
    [InlineData("0.5", 500)]
    [InlineData("250us", 0.25)]
    public void Parses_Go_durations_and_plain_seconds(string text, double milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), RateLimitStatus.ParseDuration(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5x")]
    [InlineData("1s and more")]
    public void Returns_null_for_text_that_is_not_a_duration(string? text)
    {
        Assert.Null(RateLimitStatus.ParseDuration(text));
    }

    private static readonly (string, string)[] RateHeaders =
    {
        ("x-ratelimit-limit-requests", "60"),
        ("x-ratelimit-remaining-requests", "59"),
        ("x-ratelimit-reset-requests", "1s"),
        ("x-ratelimit-limit-tokens", "150000"),
        ("x-ratelimit-remaining-tokens", "149984"),
        ("x-ratelimit-reset-tokens", "6m0s"),
        ("x-request-id", "req_rate"),
    };

    [Fact]
    public async Task Sets_the_rate_limit_headers_of_a_response_on_the_client()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "{}", RateHeaders);
        Assert.Null(api.Client.RateLimit);

        using var _ = await api.GetJsonAsync("models");

        var rate = api.Client.RateLimit!;
        Assert.Equal(60, rate.LimitRequests);
        Assert.Equal(59, rate.RemainingRequests);
        Assert.Equal(TimeSpan.FromSeconds(1), rate.ResetRequests);
        Assert.Equal(150000, rate.LimitTokens);
        Assert.Equal(149984, rate.RemainingTokens);
        Assert.Equal(TimeSpan.FromMinutes(6), rate.ResetTokens);
        Assert.Equal("req_rate", rate.RequestId);
        Assert.Equal(ApiHarness.Now, rate.ObservedAt);
    }

    [Fact]
    public async Task Keeps_the_last_rate_limit_status_when_a_response_has_no_such_headers()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "{}", RateHeaders);
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "{}", ("x-request-id", "req_plain"));

        using (await api.GetJsonAsync("models")) { }
        using (await api.GetJsonAsync("models")) { }

        Assert.Equal("req_rate", api.Client.RateLimit!.RequestId);
        Assert.Equal(59, api.Client.RateLimit.RemainingRequests);
    }

    [Fact]
    public async Task Records_the_rate_limit_status_of_a_429_that_fails_the_call()
    {
        using var api = new ApiHarness(s => s.MaxRetries = 0);
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.TooManyRequests, "{}",
            ("x-ratelimit-remaining-requests", "0"), ("x-ratelimit-reset-requests", "12ms"));

        await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(0, api.Client.RateLimit!.RemainingRequests);
        Assert.Equal(TimeSpan.FromMilliseconds(12), api.Client.RateLimit.ResetRequests);
    }
}
