using System.Net;
using System.Net.Sockets;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

/// <summary>Creates (POSTs) are sent again only when the failure certainly came before the server acted.</summary>
public sealed class CreateRetryTests
{
    private static OpenAiRequest Create() =>
        new OpenAiRequest(HttpMethod.Post, "organization/projects").WithJsonBody(new ProjectCreateRequest { Name = "p" });

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_create_failing_with_a_5xx_is_not_sent_again_and_reports_an_unknown_outcome(HttpStatusCode status)
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", status, """{"error":{"message":"boom"}}""", ("x-request-id", "req_1"));

        var error = await Assert.ThrowsAsync<OpenAiOutcomeUnknownException>(() => api.Client.SendJsonAsync(Create(), null, CancellationToken.None));

        Assert.Single(api.Sent);
        Assert.Equal("OpenAiOutcomeUnknown", error.ErrorId);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal("req_1", error.RequestId);
        Assert.Contains("may or may not have been applied", error.Message);
    }

    [Fact]
    public async Task A_create_dropped_after_it_was_sent_is_not_sent_again()
    {
        using var api = new ApiHarness();
        api.Fail(HttpMethod.Post, "organization/projects", new HttpRequestException("The response ended prematurely.", new IOException("ended")));

        var error = await Assert.ThrowsAsync<OpenAiOutcomeUnknownException>(() => api.Client.SendJsonAsync(Create(), null, CancellationToken.None));

        Assert.Single(api.Sent);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_create_is_sent_again_after_429_a_503_with_Retry_After_x_should_retry_and_a_refused_connection()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.TooManyRequests, "{}", ("retry-after-ms", "5"));
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", "1"));
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.InternalServerError, "{}", ("x-should-retry", "true"));
        api.Fail(HttpMethod.Post, "organization/projects", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.OK, """{"id":"proj_1"}""");
        api.Settings.MaxRetries = 4;

        using var document = await api.Client.SendJsonAsync(Create(), null, CancellationToken.None);

        Assert.Equal("proj_1", document.RootElement.GetProperty("id").GetString());
        Assert.Equal(5, api.Sent.Count);
    }

    [Fact]
    public async Task Reads_and_deletes_keep_retrying_after_a_5xx()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Delete, "files/file-1", HttpStatusCode.InternalServerError, "{}");
        api.Reply(HttpMethod.Delete, "files/file-1", HttpStatusCode.OK, """{"id":"file-1","deleted":true}""");

        using var _ = await api.Client.SendJsonAsync(new OpenAiRequest(HttpMethod.Delete, "files/file-1"), null, CancellationToken.None);

        Assert.Equal(2, api.Sent.Count);
    }

    [Theory]
    [InlineData("organization/projects/proj_1")]                 // update: sets the given name again
    [InlineData("organization/projects/proj_1/archive")]         // state change
    [InlineData("batches/batch_1/cancel")]                       // cancel
    [InlineData("fine_tuning/jobs/ftjob_1/pause")]               // state change
    [InlineData("vector_stores/vs_1/files/file-1")]              // update of attributes
    [InlineData("uploads/upload_1/parts")]                       // a repeated part is an orphan, never a duplicate
    public async Task A_POST_the_operation_table_marks_safe_to_repeat_is_retried_after_a_5xx(string path)
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, path, HttpStatusCode.InternalServerError, "{}");
        api.Reply(HttpMethod.Post, path, HttpStatusCode.OK, """{"id":"x_1"}""");

        using var _ = await api.Client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, path).WithJsonBody(new { name = "p" }), null, CancellationToken.None);

        Assert.Equal(2, api.Sent.Count);
    }

    [Theory]
    [InlineData("batches")]                                      // create
    [InlineData("uploads/upload_1/complete")]                    // action that is not a state change
    [InlineData("threads/thread_1/runs/run_1/submit_tool_outputs")]
    [InlineData("not/in/the/table")]                             // an unknown POST is treated as a create
    public async Task A_POST_the_operation_table_marks_once_is_not_sent_again_after_a_5xx(string path)
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, path, HttpStatusCode.InternalServerError, "{}");
        api.Reply(HttpMethod.Post, path, HttpStatusCode.OK, """{"id":"x_1"}""");

        await Assert.ThrowsAsync<OpenAiOutcomeUnknownException>(() => api.Client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, path).WithJsonBody(new { name = "p" }), null, CancellationToken.None));

        Assert.Single(api.Sent);
    }

    [Fact]
    public void The_operation_table_marks_every_create_once_and_every_read_delete_and_update_safe()
    {
        foreach (var operation in TrutoOpenAi.Core.Catalog.OperationTable.All)
        {
            var expected = operation.Method != "POST" || operation.Tool.StartsWith("update_", StringComparison.Ordinal) || operation.Access != TrutoOpenAi.Core.Catalog.OpenAiOperationAccess.Write
                ? true
                : operation.Tool.StartsWith("create_", StringComparison.Ordinal) ? false : (bool?)null;
            if (expected is bool safe) Assert.True(safe == operation.SafeToRepeat, $"{operation}: SafeToRepeat should be {safe}");
        }
    }

    [Fact]
    public async Task A_TLS_certificate_failure_is_not_retried()
    {
        using var api = new ApiHarness();
        api.Fail(HttpMethod.Get, "models", new HttpRequestException("The SSL connection could not be established",
            new System.Security.Authentication.AuthenticationException("The remote certificate is invalid")));

        await Assert.ThrowsAsync<OpenAiTransportException>(() => api.GetJsonAsync("models"));

        Assert.Single(api.Sent);
    }

    [Theory]
    [InlineData("retry-after", "1e300")]
    [InlineData("retry-after", "Infinity")]
    [InlineData("retry-after-ms", "1e308")]
    [InlineData("retry-after", "99999999999999")]
    public async Task A_huge_or_infinite_Retry_After_fails_the_call_with_the_API_error_not_an_overflow(string header, string value)
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""", (header, value));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(api.Sent);
    }

    [Fact]
    public async Task ProjectService_create_with_an_unknown_outcome_returns_the_project_it_finds_by_name_instead_of_creating_another()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.InternalServerError, "{}");
        var created = ApiHarness.Now.ToUnixTimeSeconds();
        api.Reply(HttpMethod.Get, "organization/projects", HttpStatusCode.OK,
            $$"""{"object":"list","data":[{"id":"proj_old","name":"p","created_at":{{created - 3600}}},{"id":"proj_new","name":"p","created_at":{{created}}}],"has_more":false}""");

        var project = await new ProjectService(api.Client).CreateAsync(new ProjectCreateRequest { Name = "p" }, null, CancellationToken.None);

        Assert.Equal("proj_new", project.Id);
        Assert.Equal(1, api.Sent.Count(s => s.Method == HttpMethod.Post));
    }

    [Fact]
    public async Task ProjectService_create_is_sent_again_when_the_project_was_not_created()
    {
        using var api = new ApiHarness();
        api.Fail(HttpMethod.Post, "organization/projects", new HttpRequestException("ended", new IOException("ended")));
        api.Reply(HttpMethod.Get, "organization/projects", HttpStatusCode.OK, """{"object":"list","data":[],"has_more":false}""");
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.OK, """{"id":"proj_1","name":"p"}""");

        var project = await new ProjectService(api.Client).CreateAsync(new ProjectCreateRequest { Name = "p" }, null, CancellationToken.None);

        Assert.Equal("proj_1", project.Id);
        Assert.Equal(2, api.Sent.Count(s => s.Method == HttpMethod.Post));
    }
}
