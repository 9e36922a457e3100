using TrutoOpenAi.Core;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public class AssistantsRetirementTests
{
    private static OpenAiApiException Error(int status, string message, string path = "/threads/thread_1/runs") =>
        new(status, message, "invalid_request_error", null, null, "req_1", "POST", path);

    [Theory]
    [InlineData(404, "Invalid URL (POST /v1/threads/thread_1/runs)")]
    [InlineData(410, "Gone")]
    [InlineData(400, "The Assistants API has been shut down. Use the Responses API.")]
    [InlineData(404, "This endpoint is no longer available.")]
    [InlineData(403, "The Assistants API was retired on August 26, 2026.")]
    public void An_answer_saying_the_endpoint_is_gone_is_a_retirement(int status, string message) =>
        Assert.True(AssistantsApi.IsRetirement(Error(status, message)));

    [Theory]
    [InlineData(404, "No thread found with id 'thread_1'.", "/threads/thread_1/runs")]
    [InlineData(400, "The v1 Assistants API has been deprecated. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.", "/assistants")]
    [InlineData(404, "Invalid URL (GET /v1/responses/x)", "/responses/x")]
    [InlineData(500, "The server had an error while processing your request.", "/assistants")]
    public void A_missing_object_a_header_problem_or_another_path_is_not(int status, string message, string path) =>
        Assert.False(AssistantsApi.IsRetirement(Error(status, message, path)));

    [Fact]
    public void The_retirement_error_names_the_date_the_route_and_the_replacement()
    {
        var retired = new OpenAiApiRetiredException(Error(404, "Invalid URL (POST /v1/threads/thread_1/runs)"), "Use Invoke-OpenAiResponse -ConversationId.");
        Assert.Equal("OpenAiApiRetired", retired.ErrorId);
        Assert.Contains("retired on 2026-08-26", retired.Message);
        Assert.Contains("POST /threads/thread_1/runs", retired.Message);
        Assert.EndsWith("Use Invoke-OpenAiResponse -ConversationId.", retired.Message);
        Assert.Equal(404, retired.StatusCode);
    }
}
