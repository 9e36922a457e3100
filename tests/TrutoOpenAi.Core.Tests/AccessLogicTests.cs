using System.Runtime.InteropServices;
using System.Security;
using System.Text.Json;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Access;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public class AccessLogicTests
{
    [Fact]
    public void Batches_split_23_ids_into_10_10_and_3_in_order()
    {
        var ids = Enumerable.Range(1, 23).Select(i => $"cert_{i:D2}").ToList();
        var batches = Batches.Of(ids, 10);
        Assert.Equal(new[] { 10, 10, 3 }, batches.Select(b => b.Count));
        Assert.Equal(ids, batches.SelectMany(b => b));
    }

    [Fact]
    public void Batches_drop_duplicates_and_empty_ids_keeping_the_first()
    {
        var batches = Batches.Of(new[] { "a", "b", "a", "", "c" }, 2);
        Assert.Equal(new[] { new[] { "a", "b" }, new[] { "c" } }, batches.Select(b => b.ToArray()));
        Assert.Empty(Batches.Of(Array.Empty<string>(), 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Batches.Of(new[] { "a" }, 0));
    }

    [Fact]
    public void Audit_filter_builds_the_bracketed_query_in_a_stable_order()
    {
        var filter = new AuditLogFilter
        {
            After = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
            Before = DateTimeOffset.FromUnixTimeSeconds(1_700_086_400),
            EventTypes = { "project.created", "api_key.deleted", "project.created" },
            ProjectIds = { "proj_a", "proj_b" },
            ActorIds = { "user_1" },
            ActorEmails = { "a@example.com" },
            ResourceIds = { "key_x" },
            TenantOnly = false,
        };
        var request = filter.ApplyTo(new OpenAiRequest(HttpMethod.Get, "organization/audit_logs"));
        Assert.Equal(
            "organization/audit_logs?effective_at[gt]=1700000000&effective_at[lt]=1700086400&project_ids[]=proj_a&project_ids[]=proj_b" +
            "&event_types[]=project.created&event_types[]=api_key.deleted&actor_ids[]=user_1&actor_emails[]=a%40example.com&resource_ids[]=key_x",
            request.PathAndQuery);
    }

    [Fact]
    public void Audit_filter_rounds_fractional_times_so_after_and_before_stay_exclusive()
    {
        var filter = new AuditLogFilter
        {
            After = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_500),
            Before = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_500),
            TenantOnly = true,
        };
        var query = filter.ToQuery().ToList();
        Assert.Contains(new KeyValuePair<string, string>("effective_at[gt]", "1700000000"), query); // > 1700000000.5 ⟺ ≥ 1700000001
        Assert.Contains(new KeyValuePair<string, string>("effective_at[lt]", "1700000101"), query); // < 1700000100.5 ⟺ ≤ 1700000100
        Assert.Contains(new KeyValuePair<string, string>("tenant_only", "true"), query);
    }

    [Fact]
    public void Audit_filter_refuses_an_empty_time_window()
    {
        var filter = new AuditLogFilter { After = DateTimeOffset.UtcNow, Before = DateTimeOffset.UtcNow.AddHours(-1) };
        var error = Assert.Throws<OpenAiValidationException>(() => filter.ToQuery().ToList());
        Assert.Equal("OpenAiInvalidTimeRange", error.ErrorId);
    }

    [Fact]
    public void Audit_filter_without_filters_adds_nothing()
    {
        Assert.Empty(new AuditLogFilter().ToQuery());
    }

    [Fact]
    public void One_time_secret_is_moved_into_a_SecureString_and_scrubbed_from_the_json()
    {
        using var doc = JsonDocument.Parse("""{"id":"svc_acct_1","api_key":{"id":"key_1","value":"sk-svcacct-SECRET","name":"Secret Key"},"role":"member"}""");
        var (scrubbed, secret) = OneTimeSecret.Extract(doc.RootElement, "api_key", "value");
        Assert.NotNull(secret);
        Assert.True(secret!.IsReadOnly());
        Assert.Equal("sk-svcacct-SECRET", Plain(secret));
        var raw = scrubbed.GetRawText();
        Assert.DoesNotContain("SECRET", raw);
        Assert.DoesNotContain("\"value\"", raw);
        Assert.Contains("\"key_1\"", raw);

        var account = Models.OpenAiObject.From<OpenAiProjectServiceAccount>(scrubbed);
        Assert.Equal("key_1", account.ApiKeyId);
        Assert.DoesNotContain("SECRET", account.RawJson);
    }

    [Fact]
    public void One_time_secret_is_null_when_the_api_sends_none()
    {
        using var doc = JsonDocument.Parse("""{"id":"svc_acct_1","api_key":null}""");
        var (scrubbed, secret) = OneTimeSecret.Extract(doc.RootElement, "api_key", "value");
        Assert.Null(secret);
        Assert.Equal("""{"id":"svc_acct_1","api_key":null}""", scrubbed.GetRawText());
    }

    [Fact]
    public void Rate_limit_fields_keep_the_spec_names_with_digits()
    {
        using var doc = JsonDocument.Parse("""{"id":"rl_gpt-4o","model":"gpt-4o","max_requests_per_1_minute":5,"batch_1_day_max_input_tokens":5000000000}""");
        var limit = Models.OpenAiObject.From<OpenAiProjectRateLimit>(doc.RootElement);
        Assert.Equal(5, limit.MaxRequestsPer1Minute);
        Assert.Equal(5_000_000_000, limit.Batch1DayMaxInputTokens);
        Assert.Null(limit.AdditionalProperties);
        var body = Json.OpenAiJson.Serialize(new ProjectRateLimitUpdateRequest { MaxRequestsPer1Minute = 100 });
        Assert.Equal("""{"max_requests_per_1_minute":100}""", body);
    }

    private static string Plain(SecureString secure)
    {
        var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
        try { return Marshal.PtrToStringUni(pointer)!; }
        finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
    }
}
