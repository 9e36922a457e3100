using System.Net;
using System.Security;
using RichardSzalay.MockHttp;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class AuthenticationTests
{
    [Theory]
    [InlineData("organization/projects", ApiHarness.AdminKey)]
    [InlineData("organization/usage/completions", ApiHarness.AdminKey)]
    [InlineData("projects/proj_1/roles", ApiHarness.AdminKey)]
    [InlineData("models", ApiHarness.ApiKey)]
    [InlineData("vector_stores", ApiHarness.ApiKey)]
    [InlineData("files", ApiHarness.ApiKey)]
    public async Task Sends_the_admin_key_to_organization_endpoints_and_the_API_key_to_the_others(string path, string key)
    {
        using var api = new ApiHarness();
        var expected = api.Expect(HttpMethod.Get, path).WithHeaders("Authorization", "Bearer " + key);
        api.RespondWith(expected, HttpStatusCode.OK, "{}");

        using var _ = await api.GetJsonAsync(path);

        Assert.Equal(1, api.Mock.GetMatchCount(expected));
        Assert.Equal("Bearer " + key, Assert.Single(api.Sent).Header("Authorization"));
    }

    [Fact]
    public async Task Refuses_an_organization_call_without_an_admin_key_before_sending_anything()
    {
        using var api = new ApiHarness(s => s.AdminKey = null);

        var error = await Assert.ThrowsAsync<OpenAiMissingKeyException>(() => api.GetJsonAsync("organization/projects"));

        Assert.Equal("OpenAiMissingKey", error.ErrorId);
        Assert.Contains("-AdminKey", error.Message);
        Assert.DoesNotContain(ApiHarness.ApiKey, error.Message);
        Assert.Empty(api.Sent);
        Assert.Empty(api.Time.Delays);
    }

    [Fact]
    public async Task Refuses_a_model_call_without_an_API_key_before_sending_anything()
    {
        using var api = new ApiHarness(s => s.ApiKey = null);

        var error = await Assert.ThrowsAsync<OpenAiMissingKeyException>(() => api.GetJsonAsync("models"));

        Assert.Contains("-ApiKey", error.Message);
        Assert.DoesNotContain(ApiHarness.AdminKey, error.Message);
        Assert.Empty(api.Sent);
    }

    [Fact]
    public async Task Sends_the_organization_and_project_headers_with_API_key_calls()
    {
        using var api = new ApiHarness(s => { s.Organization = "org-42"; s.Project = "proj_7"; });
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "{}");

        using var _ = await api.GetJsonAsync("models");

        var sent = Assert.Single(api.Sent);
        Assert.Equal("org-42", sent.Header("OpenAI-Organization"));
        Assert.Equal("proj_7", sent.Header("OpenAI-Project"));
    }

    [Fact]
    public async Task Sends_the_organization_but_not_the_project_header_with_admin_calls()
    {
        using var api = new ApiHarness(s => { s.Organization = "org-42"; s.Project = "proj_7"; });
        api.Reply(HttpMethod.Get, "organization/users", HttpStatusCode.OK, "{}");

        using var _ = await api.GetJsonAsync("organization/users");

        var sent = Assert.Single(api.Sent);
        Assert.Equal("org-42", sent.Header("OpenAI-Organization"));
        Assert.Null(sent.Header("OpenAI-Project"));
    }

    [Fact]
    public async Task Sends_neither_header_when_no_organization_or_project_is_set()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "{}");

        using var _ = await api.GetJsonAsync("models");

        var sent = Assert.Single(api.Sent);
        Assert.Null(sent.Header("OpenAI-Organization"));
        Assert.Null(sent.Header("OpenAI-Project"));
    }

    [Fact]
    public async Task Sends_each_retry_with_exactly_one_set_of_auth_headers()
    {
        using var api = new ApiHarness(s => { s.Organization = "org-42"; s.Project = "proj_7"; });
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.InternalServerError, "{}");
        api.Reply(HttpMethod.Get, "models", HttpStatusCode.OK, "{}");

        using var _ = await api.GetJsonAsync("models");

        Assert.All(api.Sent, sent =>
        {
            Assert.Equal("Bearer " + ApiHarness.ApiKey, sent.Header("Authorization"));
            Assert.Equal("org-42", sent.Header("OpenAI-Organization"));
        });
    }
}

/// <summary>Key choice and per-operation headers come from the operation table, by the request's method and path template.</summary>
public sealed class OperationKeyAndHeaderTests
{
    private static async Task<SentRequest> SendAsync(ApiHarness api, HttpMethod method, string path)
    {
        api.Reply(method, path.Split('?')[0], HttpStatusCode.OK, "{}");
        using var _ = await api.Client.SendJsonAsync(new OpenAiRequest(method, path.Split('?')[0]).WithQuery("beta", path.Contains("beta=true") ? "true" : null), api.Observer, default);
        return Assert.Single(api.Sent);
    }

    [Theory]
    // The checkpoint permissions live outside /organization but take the admin key (the spec says so in their summary).
    [InlineData("GET", "fine_tuning/checkpoints/ft%3Agpt-4o-mini%3Aorg%3Aweather%3AB7R9/permissions", ApiHarness.AdminKey)]
    [InlineData("POST", "fine_tuning/checkpoints/ft%3Agpt-4o-mini%3Aorg%3Aweather%3AB7R9/permissions", ApiHarness.AdminKey)]
    [InlineData("DELETE", "fine_tuning/checkpoints/ft%3Agpt-4o-mini%3Aorg%3Aweather%3AB7R9/permissions/cp_1", ApiHarness.AdminKey)]
    [InlineData("GET", "fine_tuning/jobs/ftjob_1/checkpoints", ApiHarness.ApiKey)]
    [InlineData("POST", "organization/certificates/activate", ApiHarness.AdminKey)]
    [InlineData("DELETE", "projects/proj_1/groups/group_1/roles/role_1", ApiHarness.AdminKey)]
    [InlineData("GET", "assistants/asst_1", ApiHarness.ApiKey)]
    // No operation: the API key, whatever the path looks like.
    [InlineData("GET", "organization", ApiHarness.ApiKey)]
    [InlineData("GET", "no/such/endpoint", ApiHarness.ApiKey)]
    public async Task Sends_the_key_the_operation_table_names(string method, string path, string key)
    {
        using var api = new ApiHarness(s => s.Project = "proj_7");

        var sent = await SendAsync(api, new HttpMethod(method), path);

        Assert.Equal("Bearer " + key, sent.Header("Authorization"));
        Assert.Equal(key == ApiHarness.AdminKey ? null : "proj_7", sent.Header("OpenAI-Project"));
    }

    [Theory]
    [InlineData("GET", "assistants")]
    [InlineData("POST", "assistants/asst_1")]
    [InlineData("POST", "threads")]
    [InlineData("DELETE", "threads/thread_1/messages/msg_1")]
    [InlineData("POST", "threads/thread_1/runs/run_1/cancel")]
    [InlineData("GET", "threads/thread_1/runs/run_1/steps/step_1")]
    [InlineData("POST", "threads/runs")]
    public async Task Sends_OpenAI_Beta_assistants_v2_with_every_assistants_family_request(string method, string path)
    {
        using var api = new ApiHarness();

        var sent = await SendAsync(api, new HttpMethod(method), path);

        Assert.Equal("assistants=v2", sent.Header("OpenAI-Beta"));
        Assert.Equal("Bearer " + ApiHarness.ApiKey, sent.Header("Authorization"));
    }

    [Theory]
    [InlineData("GET", "vector_stores")]
    [InlineData("POST", "responses")]
    [InlineData("GET", "organization/projects")]
    [InlineData("GET", "no/such/endpoint")]
    public async Task Sends_no_beta_header_with_other_requests(string method, string path)
    {
        using var api = new ApiHarness();

        var sent = await SendAsync(api, new HttpMethod(method), path);

        Assert.Null(sent.Header("OpenAI-Beta"));
    }

    [Fact]
    public async Task Sends_the_responses_beta_header_with_the_beta_variant()
    {
        using var api = new ApiHarness();

        var sent = await SendAsync(api, HttpMethod.Get, "responses/resp_1?beta=true");

        Assert.Equal("responses_multi_agent=v1", sent.Header("OpenAI-Beta"));
    }

    [Fact]
    public async Task Sends_the_operation_header_once_on_every_retry()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Get, "assistants", HttpStatusCode.InternalServerError, "{}");
        api.Reply(HttpMethod.Get, "assistants", HttpStatusCode.OK, "{}");

        using var _ = await api.GetJsonAsync("assistants");

        Assert.Equal(2, api.Sent.Count);
        Assert.All(api.Sent, sent => Assert.Equal("assistants=v2", sent.Header("OpenAI-Beta")));
    }

    [Fact]
    public async Task Refuses_a_checkpoint_permission_call_without_an_admin_key_naming_the_operation()
    {
        using var api = new ApiHarness(s => s.AdminKey = null);

        var error = await Assert.ThrowsAsync<OpenAiMissingKeyException>(() => api.GetJsonAsync("fine_tuning/checkpoints/ft%3Ax/permissions"));

        Assert.Contains("GET /fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions", error.Message);
        Assert.Contains("-AdminKey", error.Message);
        Assert.Empty(api.Sent);
    }
}

public sealed class SettingsTests
{
    private static OpenAiConnectionSettings Settings(string baseUri) => new()
    {
        BaseUri = new Uri(baseUri),
        ApiKey = SecretText.ToSecure(ApiHarness.ApiKey),
        AdminKey = SecretText.ToSecure(ApiHarness.AdminKey),
    };

    [Theory]
    [InlineData("http://api.test/v1/")]
    [InlineData("http://api.openai.com/v1")]
    [InlineData("http://10.0.0.5:8080/v1/")]
    public void Refuses_plain_http_to_a_host_that_is_not_loopback(string baseUri)
    {
        var error = Assert.Throws<OpenAiValidationException>(() => new OpenAiClient(Settings(baseUri), new MockHttpMessageHandler()));

        Assert.Equal("OpenAiInsecureBaseUri", error.ErrorId);
        Assert.Equal("BaseUri", error.ParameterName);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/v1/")]
    [InlineData("http://localhost:5080/v1")]
    [InlineData("http://[::1]:5080/v1/")]
    public async Task Allows_plain_http_to_a_loopback_address(string baseUri)
    {
        var mock = new MockHttpMessageHandler();
        var expected = mock.Expect(HttpMethod.Get, new Uri(new Uri(baseUri.TrimEnd('/') + "/"), "models").AbsoluteUri)
            .Respond("application/json", "{}");
        using var client = new OpenAiClient(Settings(baseUri), mock, new InstantTimeProvider(ApiHarness.Now), () => 0);

        using var _ = await client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, "models"), null, CancellationToken.None);

        Assert.Equal(1, mock.GetMatchCount(expected));
    }

    [Fact]
    public void Refuses_an_admin_key_given_as_the_API_key_without_showing_it()
    {
        var settings = Settings("https://api.test/v1/");
        settings.ApiKey = SecretText.ToSecure(ApiHarness.AdminKey);

        var error = Assert.Throws<OpenAiValidationException>(() => new OpenAiClient(settings, new MockHttpMessageHandler()));

        Assert.Equal("OpenAiWrongKeyKind", error.ErrorId);
        Assert.Equal("ApiKey", error.ParameterName);
        Assert.DoesNotContain("FakeAdminSecret", error.ToString());
    }

    [Fact]
    public void Refuses_a_project_key_given_as_the_admin_key_without_showing_it()
    {
        var settings = Settings("https://api.test/v1/");
        settings.AdminKey = SecretText.ToSecure(ApiHarness.ApiKey);

        var error = Assert.Throws<OpenAiValidationException>(() => new OpenAiClient(settings, new MockHttpMessageHandler()));

        Assert.Equal("OpenAiWrongKeyKind", error.ErrorId);
        Assert.Equal("AdminKey", error.ParameterName);
        Assert.DoesNotContain("FakeApiSecret", error.ToString());
    }

    [Fact]
    public void Refuses_an_empty_key()
    {
        var settings = Settings("https://api.test/v1/");
        settings.ApiKey = new SecureString();

        var error = Assert.Throws<OpenAiValidationException>(settings.Validate);

        Assert.Equal("OpenAiMissingKey", error.ErrorId);
        Assert.Equal("ApiKey", error.ParameterName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Refuses_MaxRetries_outside_0_to_10(int maxRetries)
    {
        var settings = Settings("https://api.test/v1/");
        settings.MaxRetries = maxRetries;

        Assert.Equal("MaxRetries", Assert.Throws<OpenAiValidationException>(settings.Validate).ParameterName);
    }

    [Fact]
    public void Never_shows_a_key_when_settings_or_connection_are_printed()
    {
        var settings = Settings("https://api.test/v1/");
        using var connection = new OpenAiConnection(settings, new MockHttpMessageHandler());

        foreach (var text in new[] { settings.ToString(), connection.ToString(), connection.Client.Settings.ToString() })
        {
            Assert.DoesNotContain("FakeAdminSecret", text);
            Assert.DoesNotContain("FakeApiSecret", text);
        }
        Assert.True(connection.HasAdminKey);
        Assert.True(connection.HasApiKey);
        Assert.Equal(new Uri("https://api.test/v1/"), connection.BaseUri);
    }

    [Fact]
    public void Adds_the_missing_trailing_slash_to_the_base_URI_so_paths_append()
    {
        var settings = Settings("https://api.test/v1");

        Assert.Equal("https://api.test/v1/", settings.NormalizedBaseUri.AbsoluteUri);
        Assert.Equal("https://api.test/v1/models", new Uri(settings.NormalizedBaseUri, "models").AbsoluteUri);
    }
}
