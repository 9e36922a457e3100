using System.Net;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

/// <summary>What a hostile or broken server can make the client do: nothing silent, nothing unbounded, no key shown.</summary>
public sealed class HostileServerTests
{
    [Fact]
    public async Task A_key_echoed_in_code_or_param_is_redacted()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.BadRequest,
            "{\"error\":{\"message\":\"bad\",\"code\":\"" + ApiHarness.ApiKey + "\",\"param\":\"key " + ApiHarness.AdminKey + "\"}}");

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        foreach (var text in new[] { error.Message, error.Code!, error.Param! })
        {
            Assert.DoesNotContain("FakeApiSecret42", text);
            Assert.DoesNotContain("FakeAdminSecret42", text);
        }
    }

    [Fact]
    public async Task A_huge_error_body_is_kept_only_up_to_the_cap()
    {
        using var api = new ApiHarness();
        var body = new string('x', 5 * 1024 * 1024);
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.BadRequest, body);

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.True(error.Message.Length < OpenAiClient.MaxErrorBodyBytes + 1000, $"message of {error.Message.Length} chars");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    public async Task An_empty_or_wrong_shaped_success_body_is_OpenAiUnexpectedResponse(string body)
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<OpenAiResponseException>(() =>
            new Services.ProjectService(api.Client).CreateAsync(new Services.ProjectCreateRequest { Name = "p" }, null, CancellationToken.None));
        Assert.Equal("OpenAiUnexpectedResponse", error.ErrorId);
    }

    [Theory]
    [InlineData("""{"object":"list","data":{"id":"x"},"has_more":false}""")]
    [InlineData("""{"object":"list","has_more":false}""")]
    public async Task A_list_whose_data_is_not_an_array_is_OpenAiUnexpectedResponse(string body)
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "organization/projects", HttpStatusCode.OK, body);
        var pager = new ListPager<OpenAiProject>(api.Client, new OpenAiRequest(HttpMethod.Get, "organization/projects"), PagingStyle.CursorAfter, OpenAiObject.From<OpenAiProject>);

        await Assert.ThrowsAsync<OpenAiResponseException>(() => pager.NextPageAsync(null, CancellationToken.None));
    }

    [Theory]
    [InlineData("%2e%2e/_emulator/health")]
    [InlineData("%2E%2E/%2e%2e/x")]
    [InlineData("models/..%2f..%2fx")]
    [InlineData("https:\\\\x\\y")]
    [InlineData("file:///etc/passwd")]
    public async Task A_path_that_would_leave_the_base_URI_is_refused_before_sending(string path)
    {
        using var api = new ApiHarness();

        var error = await Assert.ThrowsAsync<OpenAiValidationException>(() => api.Client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, path), null, CancellationToken.None));

        Assert.Equal("OpenAiInvalidPath", error.ErrorId);
        Assert.Empty(api.Sent);
    }
}
