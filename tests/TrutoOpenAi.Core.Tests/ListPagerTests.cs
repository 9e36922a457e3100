using System.Net;
using System.Text.Json;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class ListPagerTests
{
    private static readonly HttpMethod Get = HttpMethod.Get;

    private static string Page(IEnumerable<string> ids, bool hasMore, string? lastIdJson = null, string extra = "") =>
        "{\"object\":\"list\",\"data\":[" + string.Join(",", ids.Select(id => $"{{\"id\":\"{id}\"}}")) + "]" +
        $",\"has_more\":{(hasMore ? "true" : "false")}" + (lastIdJson is null ? "" : $",\"last_id\":{lastIdJson}") + extra + "}";

    private static ListPager<string> Pager(ApiHarness api, OpenAiRequest request, PagingStyle style) =>
        new(api.Client, request, style, element => element.GetProperty("id").GetString()!);

    private static async Task<List<string>> DrainAsync(ListPager<string> pager, int maxPages = 50)
    {
        var all = new List<string>();
        for (var i = 0; i < maxPages; i++)
        {
            var page = await pager.NextPageAsync(null, CancellationToken.None);
            if (page is null) return all;
            all.AddRange(page);
        }
        throw new InvalidOperationException($"The pager was still going after {maxPages} pages.");
    }

    [Fact]
    public async Task CursorAfter_follows_last_id_and_stops_when_has_more_is_false()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_a", "file_b" }, true, "\"file_b\""));
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_c" }, false, "\"file_c\""));
        var pager = Pager(api, new OpenAiRequest(Get, "files").WithQuery("limit", 2).WithQuery("purpose", "batch"), PagingStyle.CursorAfter);

        var items = await DrainAsync(pager);

        Assert.Equal(new[] { "file_a", "file_b", "file_c" }, items);
        Assert.Equal(2, api.Sent.Count);
        Assert.Null(api.Sent[0].QueryValue("after"));
        Assert.Equal("file_b", api.Sent[1].QueryValue("after"));
        Assert.Equal("2", api.Sent[1].QueryValue("limit"));
        Assert.Equal("batch", api.Sent[1].QueryValue("purpose"));
        Assert.Equal(2, pager.PagesFetched);
        Assert.False(pager.HasMore);
        Assert.Null(await pager.NextPageAsync(null, CancellationToken.None));
        Assert.Equal(2, api.Sent.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task CursorAfter_falls_back_to_the_last_item_id_when_last_id_is_missing_or_null(string? lastIdJson)
    {
        using var api = new ApiHarness();
        api.Reply(Get, "organization/audit_logs", HttpStatusCode.OK, Page(new[] { "audit_1", "audit_2" }, true, lastIdJson));
        api.Reply(Get, "organization/audit_logs", HttpStatusCode.OK, Page(new[] { "audit_3" }, false, lastIdJson));

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "organization/audit_logs"), PagingStyle.CursorAfter));

        Assert.Equal(new[] { "audit_1", "audit_2", "audit_3" }, items);
        Assert.Equal("audit_2", api.Sent[1].QueryValue("after"));
    }

    [Fact]
    public async Task HasMoreOnly_uses_the_last_item_id_as_the_cursor()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "fine_tuning/jobs", HttpStatusCode.OK, Page(new[] { "ftjob_1", "ftjob_2" }, true, "\"not_a_cursor\""));
        api.Reply(Get, "fine_tuning/jobs", HttpStatusCode.OK, Page(new[] { "ftjob_3" }, false));

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "fine_tuning/jobs"), PagingStyle.HasMoreOnly));

        Assert.Equal(new[] { "ftjob_1", "ftjob_2", "ftjob_3" }, items);
        Assert.Equal("ftjob_2", api.Sent[1].QueryValue("after"));
    }

    [Fact]
    public async Task PageToken_sends_page_from_next_page_and_keeps_the_other_query_parameters()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "organization/usage/completions", HttpStatusCode.OK,
            """{"object":"page","data":[{"id":"b1"},{"id":"b2"}],"has_more":true,"next_page":"page_AAA=="}""");
        api.Reply(Get, "organization/usage/completions", HttpStatusCode.OK,
            """{"object":"page","data":[{"id":"b3"}],"has_more":true,"next_page":"page_BBB"}""");
        api.Reply(Get, "organization/usage/completions", HttpStatusCode.OK,
            """{"object":"page","data":[{"id":"b4"}],"has_more":false,"next_page":null}""");
        var request = new OpenAiRequest(Get, "organization/usage/completions")
            .WithQuery("start_time", 1700000000L).WithQuery("bucket_width", "1d").WithQuery("limit", 2);

        var items = await DrainAsync(Pager(api, request, PagingStyle.PageToken));

        Assert.Equal(new[] { "b1", "b2", "b3", "b4" }, items);
        Assert.Equal(3, api.Sent.Count);
        Assert.Null(api.Sent[0].QueryValue("page"));
        Assert.Equal("page_AAA==", api.Sent[1].QueryValue("page"));
        Assert.Equal("page_BBB", api.Sent[2].QueryValue("page"));
        Assert.All(api.Sent, sent =>
        {
            Assert.Equal("1700000000", sent.QueryValue("start_time"));
            Assert.Equal("1d", sent.QueryValue("bucket_width"));
            Assert.Equal("2", sent.QueryValue("limit"));
            Assert.Null(sent.QueryValue("after"));
            Assert.Single(sent.Query, p => p.Key == "start_time");
        });
        Assert.Single(api.Sent[2].Query, p => p.Key == "page");
    }

    [Fact]
    public async Task None_makes_exactly_one_request_whatever_the_answer_says()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", HttpStatusCode.OK, Page(new[] { "gpt-a", "gpt-b" }, true, "\"gpt-b\""));
        var pager = Pager(api, new OpenAiRequest(Get, "models"), PagingStyle.None);

        var items = await DrainAsync(pager);

        Assert.Equal(new[] { "gpt-a", "gpt-b" }, items);
        Assert.Single(api.Sent);
    }

    [Fact]
    public async Task Requests_nothing_before_the_first_page_is_asked_for()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "organization/projects", HttpStatusCode.OK, Page(new[] { "proj_1" }, false));

        var pager = new Services.ProjectService(api.Client).List(limit: 10, includeArchived: false);

        Assert.Empty(api.Sent);
        Assert.Equal(0, pager.PagesFetched);
        Assert.True(pager.HasMore);

        var first = await pager.NextPageAsync(null, CancellationToken.None);

        Assert.Equal("proj_1", Assert.Single(first!).Id);
        Assert.Single(api.Sent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"file_z\"")]
    public async Task An_empty_page_that_claims_has_more_ends_the_walk(string? lastIdJson)
    {
        using var api = new ApiHarness();
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_a" }, true, "\"file_a\""));
        api.Reply(Get, "files", HttpStatusCode.OK, Page(Array.Empty<string>(), true, lastIdJson));
        // Were the pager to go on, this would be its next answer, forever.
        api.Reply(Get, "files", HttpStatusCode.OK, Page(Array.Empty<string>(), true, lastIdJson));

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "files"), PagingStyle.CursorAfter));

        Assert.Equal(new[] { "file_a" }, items);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task A_page_token_that_does_not_advance_ends_the_walk()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "organization/costs", HttpStatusCode.OK, """{"object":"page","data":[{"id":"b1"}],"has_more":true,"next_page":"page_A"}""");
        api.Reply(Get, "organization/costs", HttpStatusCode.OK, """{"object":"page","data":[],"has_more":true,"next_page":"page_A"}""");
        // Were the pager to send page_A again, it would get the same answer forever.
        api.Reply(Get, "organization/costs", HttpStatusCode.OK, """{"object":"page","data":[],"has_more":true,"next_page":"page_A"}""");

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "organization/costs").WithQuery("start_time", 1L), PagingStyle.PageToken));

        Assert.Equal(new[] { "b1" }, items);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task A_cursor_that_does_not_advance_ends_the_walk()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_a" }, true, "\"file_a\""));
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_a" }, true, "\"file_a\""));
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_a" }, true, "\"file_a\""));

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "files"), PagingStyle.CursorAfter));

        Assert.Equal(new[] { "file_a", "file_a" }, items);
        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Three_pages_of_100_give_300_items_in_order_with_three_requests()
    {
        using var api = new ApiHarness();
        var ids = Enumerable.Range(1, 300).Select(i => $"user_{i:D3}").ToList();
        for (var page = 0; page < 3; page++)
        {
            var slice = ids.Skip(page * 100).Take(100).ToList();
            api.Reply(Get, "organization/users", HttpStatusCode.OK, Page(slice, page < 2, $"\"{slice[^1]}\""));
        }

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "organization/users").WithQuery("limit", 100), PagingStyle.CursorAfter));

        Assert.Equal(ids, items);
        Assert.Equal(3, api.Sent.Count);
        Assert.Equal(new[] { null, "user_100", "user_200" }, api.Sent.Select(s => s.QueryValue("after")));
    }

    [Fact]
    public async Task Retries_inside_a_page_do_not_disturb_the_cursor()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_a" }, true, "\"file_a\""));
        api.Reply(Get, "files", HttpStatusCode.TooManyRequests, "{}", ("retry-after-ms", "250"));
        api.Reply(Get, "files", HttpStatusCode.OK, Page(new[] { "file_b" }, false, "\"file_b\""));

        var items = await DrainAsync(Pager(api, new OpenAiRequest(Get, "files"), PagingStyle.CursorAfter));

        Assert.Equal(new[] { "file_a", "file_b" }, items);
        Assert.Equal(new[] { null, "file_a", "file_a" }, api.Sent.Select(s => s.QueryValue("after")));
        Assert.Equal(new[] { TimeSpan.FromMilliseconds(250) }, api.Time.Delays);
    }
}
