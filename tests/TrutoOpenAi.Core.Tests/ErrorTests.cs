using System.Net;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task Puts_the_API_error_fields_and_the_request_id_into_the_exception()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/projects", HttpStatusCode.BadRequest,
            """{"error":{"message":"Invalid 'limit': integer above maximum value.","type":"invalid_request_error","param":"limit","code":"integer_above_max_value"}}""",
            ("x-request-id", "req_4f2a9c"));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("organization/projects"));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Invalid 'limit': integer above maximum value.", error.ApiMessage);
        Assert.Equal("invalid_request_error", error.ErrorType);
        Assert.Equal("limit", error.Param);
        Assert.Equal("integer_above_max_value", error.Code);
        Assert.Equal("req_4f2a9c", error.RequestId);
        Assert.Equal("GET", error.Method);
        Assert.Equal("/organization/projects", error.Path);
        foreach (var part in new[] { "Invalid 'limit'", "HTTP 400", "invalid_request_error", "integer_above_max_value", "param limit", "req_4f2a9c", "GET /organization/projects" })
            Assert.Contains(part, error.Message);
    }

    [Theory]
    [InlineData(400, "OpenAiInvalidRequest")]
    [InlineData(401, "OpenAiAuthenticationFailed")]
    [InlineData(403, "OpenAiPermissionDenied")]
    [InlineData(404, "OpenAiNotFound")]
    [InlineData(409, "OpenAiConflict")]
    [InlineData(422, "OpenAiUnprocessableEntity")]
    [InlineData(429, "OpenAiRateLimited")]
    [InlineData(500, "OpenAiServerError")]
    [InlineData(503, "OpenAiServerError")]
    [InlineData(418, "OpenAiApiError")]
    public async Task Names_the_error_by_its_status(int status, string errorId)
    {
        using var api = new ApiHarness(s => s.MaxRetries = 0);
        api.Reply(HttpMethod.Get, "models", (HttpStatusCode)status, """{"error":{"message":"nope","type":"t"}}""");

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(errorId, error.ErrorId);
    }

    [Fact]
    public async Task Gives_a_readable_exception_for_an_error_body_that_is_not_JSON()
    {
        using var api = new ApiHarness(s => s.MaxRetries = 0);
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>", ("x-request-id", "req_html"));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("502 Bad Gateway", error.Message);
        Assert.Contains("HTTP 502", error.Message);
        Assert.Contains("req_html", error.Message);
        Assert.Null(error.ErrorType);
    }

    [Fact]
    public async Task Gives_a_readable_exception_for_an_empty_error_body()
    {
        using var api = new ApiHarness(s => s.MaxRetries = 0);
        api.Reply(HttpMethod.Delete, "files/file_1", HttpStatusCode.NotFound, body: null);

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() =>
            api.Client.SendJsonAsync(new OpenAiRequest(HttpMethod.Delete, "files/file_1"), null, CancellationToken.None));

        Assert.Equal("OpenAiNotFound", error.ErrorId);
        Assert.StartsWith("NotFound (DELETE /files/file_1: HTTP 404", error.Message);
    }

    [Fact]
    public async Task Redacts_a_key_the_API_echoes_in_its_error_message()
    {
        const string echoed = "sk-proj-abc123XYZ789leakedSecret";
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.Unauthorized,
            $$$"""{"error":{"message":"Incorrect API key provided: {{{echoed}}}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","code":"invalid_api_key"}}""");

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal("OpenAiAuthenticationFailed", error.ErrorId);
        Assert.Contains("Incorrect API key provided: sk-***", error.Message);
        Assert.DoesNotContain("abc123XYZ789", error.Message);
        Assert.DoesNotContain("abc123XYZ789", error.ToString());
        // ApiMessage is what the cmdlet layer shows as the error's details: it must be just as clean.
        Assert.DoesNotContain("abc123XYZ789", error.ApiMessage);
    }

    [Fact]
    public async Task Reports_a_success_body_that_is_not_JSON_as_OpenAiUnexpectedResponse()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "not json at all");

        var error = await Assert.ThrowsAsync<OpenAiResponseException>(() => api.GetJsonAsync("models"));

        Assert.Equal("OpenAiUnexpectedResponse", error.ErrorId);
        Assert.Contains("GET /models", error.Message);
    }
}
