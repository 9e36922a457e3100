using System.Net;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class PathAndQueryTests
{
    [Theory]
    [InlineData("proj_abc", "proj_abc")]
    [InlineData("my project", "my%20project")]
    [InlineData("what?now", "what%3Fnow")]
    [InlineData("tag#1", "tag%231")]
    [InlineData("100%", "100%25")]
    [InlineData("a&b=c", "a%26b%3Dc")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("日本", "%E6%97%A5%E6%9C%AC")]
    [InlineData("..x", "..x")]
    public void Escapes_every_id_placed_in_a_path(string id, string escaped)
    {
        Assert.Equal("organization/projects/" + escaped + "/users",
            OpenAiPath.Format("organization/projects/{project_id}/users", ("project_id", id)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("proj/abc")]
    [InlineData("proj\\abc")]
    [InlineData("..")]
    [InlineData(".")]
    public void Refuses_an_id_that_is_empty_or_would_change_the_path(string? id)
    {
        var error = Assert.Throws<OpenAiValidationException>(() =>
            OpenAiPath.Format("organization/projects/{project_id}", ("project_id", id)));

        Assert.Equal("OpenAiInvalidId", error.ErrorId);
        Assert.Equal("ProjectId", error.ParameterName);
        Assert.Contains("-ProjectId", error.Message);
    }

    [Fact]
    public void Names_the_parameter_at_fault_when_a_path_has_several_ids()
    {
        var error = Assert.Throws<OpenAiValidationException>(() =>
            OpenAiPath.Format("vector_stores/{vector_store_id}/files/{file_id}", ("vector_store_id", "vs_1"), ("file_id", "a/b")));

        Assert.Equal("FileId", error.ParameterName);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task Refuses_a_bad_id_before_any_request_is_sent(string id)
    {
        using var api = new ApiHarness();
        var projects = new ProjectService(api.Client);

        var error = await Assert.ThrowsAsync<OpenAiValidationException>(() => projects.GetAsync(id, null, CancellationToken.None));

        Assert.Equal("OpenAiInvalidId", error.ErrorId);
        Assert.Empty(api.Sent);
    }

    [Fact]
    public async Task Sends_the_escaped_id_in_the_request_URL()
    {
        using var api = new ApiHarness();
        const string escaped = "proj%201%3F%23%25%C3%A9";
        api.Reply(HttpMethod.Get, "organization/projects/" + escaped, HttpStatusCode.OK, """{"id":"proj 1?#%é"}""");

        var project = await new ProjectService(api.Client).GetAsync("proj 1?#%é", null, CancellationToken.None);

        var sent = Assert.Single(api.Sent);
        Assert.Equal("/v1/organization/projects/" + escaped, sent.Uri.AbsolutePath);
        Assert.Equal("", sent.Uri.Query);
        Assert.Equal("", sent.Uri.Fragment);
        Assert.Equal("proj 1?#%é", project.Id);
    }

    [Fact]
    public async Task Sends_bracketed_query_names_readably_and_escapes_the_values()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/audit_logs", HttpStatusCode.OK, "{}");
        var request = new OpenAiRequest(HttpMethod.Get, "organization/audit_logs")
            .WithQuery("project_ids[]", new[] { "proj a", "proj&b=c" })
            .WithQuery("effective_at[gte]", 1700000000L)
            .WithQuery("tenant_only", true)
            .WithQuery("after", (string?)null);

        using var _ = await api.Client.SendJsonAsync(request, null, CancellationToken.None);

        var sent = Assert.Single(api.Sent);
        Assert.Equal("?project_ids[]=proj%20a&project_ids[]=proj%26b%3Dc&effective_at[gte]=1700000000&tenant_only=true", sent.Uri.Query);
        Assert.Equal(new[] { "proj a", "proj&b=c" }, sent.Query.Where(p => p.Key == "project_ids[]").Select(p => p.Value));
    }

    [Fact]
    public void Replaces_every_value_of_a_query_parameter_with_SetQuery()
    {
        var request = new OpenAiRequest(HttpMethod.Get, "/files").WithQuery("limit", 5).WithQuery("after", "a").WithQuery("after", "b");

        request.SetQuery("after", "c");

        Assert.Equal("files?limit=5&after=c", request.PathAndQuery);
        Assert.Equal("c", request.GetQuery("after"));
    }
}
