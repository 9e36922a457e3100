using System.Net;
using System.Text.Json;
using TrutoOpenAi.Core.Tests.Support;
using Xunit;

namespace TrutoOpenAi.Core.Tests;

public sealed class RetryTests
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private const string Ok = """{"ok":true}""";

    [Fact]
    public async Task Retries_a_429_after_the_Retry_After_seconds_and_then_succeeds()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""", ("Retry-After", "3"));
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var result = await api.GetJsonAsync("models");

        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, api.Sent.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(3) }, api.Time.Delays);
        // The wait Polly asked the clock for is the one the client announced to its observer.
        Assert.Equal(api.Time.Delays, api.Observer.Retries.Select(r => r.Delay));
        Assert.Equal("HTTP 429", Assert.Single(api.Observer.Retries).Reason);
        Assert.Equal(0, api.RandomReads); // a server hint needs no jitter
    }

    [Fact]
    public async Task Prefers_retry_after_ms_over_Retry_After()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", HttpStatusCode.TooManyRequests, "{}", ("retry-after-ms", "1500"), ("Retry-After", "9"));
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var _ = await api.GetJsonAsync("models");

        Assert.Equal(new[] { TimeSpan.FromMilliseconds(1500) }, api.Time.Delays);
    }

    [Fact]
    public async Task Reads_a_Retry_After_HTTP_date_against_the_injected_clock()
    {
        using var api = new ApiHarness();
        var when = ApiHarness.Now.AddSeconds(7).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        api.Reply(Get, "models", HttpStatusCode.ServiceUnavailable, "{}", ("Retry-After", when));
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var _ = await api.GetJsonAsync("models");

        Assert.Equal(2, api.Sent.Count);
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, api.Time.Delays);
    }

    [Fact]
    public async Task Fails_at_once_with_the_429_when_Retry_After_exceeds_MaxRetryAfter()
    {
        using var api = new ApiHarness(s => s.MaxRetryAfter = TimeSpan.FromSeconds(60));
        api.Reply(Get, "models", HttpStatusCode.TooManyRequests, """{"error":{"message":"quota","type":"requests"}}""", ("Retry-After", "61"));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("OpenAiRateLimited", error.ErrorId);
        Assert.Equal(TimeSpan.FromSeconds(61), error.RetryAfter);
        Assert.Single(api.Sent);
        Assert.Empty(api.Time.Delays);
    }

    [Fact]
    public async Task Reports_an_HTTP_date_Retry_After_on_the_exception_relative_to_the_injected_clock()
    {
        using var api = new ApiHarness();
        var when = ApiHarness.Now.AddSeconds(120).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        api.Reply(Get, "models", HttpStatusCode.TooManyRequests, "{}", ("Retry-After", when));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Single(api.Sent);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(409)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Retries_a_retryable_status_and_then_succeeds(int status)
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", (HttpStatusCode)status, "{}");
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var result = await api.GetJsonAsync("models");

        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, api.Sent.Count);
        Assert.Single(api.Time.Delays);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task Does_not_retry_a_client_error(int status)
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", (HttpStatusCode)status, """{"error":{"message":"no"}}""");

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(status, error.StatusCode);
        Assert.Single(api.Sent);
        Assert.Empty(api.Time.Delays);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Gives_up_after_MaxRetries_and_throws_the_last_answer(int maxRetries)
    {
        using var api = new ApiHarness(s => s.MaxRetries = maxRetries);
        for (var i = 0; i <= maxRetries; i++)
            api.Reply(Get, "models", HttpStatusCode.ServiceUnavailable, $$$"""{"error":{"message":"busy {{{i}}}"}}""");

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal($"busy {maxRetries}", error.ApiMessage);
        Assert.Equal(maxRetries + 1, api.Sent.Count);
        Assert.Equal(maxRetries, api.Time.Delays.Count);
    }

    [Fact]
    public async Task Backs_off_exponentially_with_jitter_from_the_injected_random_and_caps_at_8_seconds()
    {
        const int retries = 6;
        var draws = new[] { 0.0, 0.5, 0.999, 0.2, 0.4, 0.8 };
        using var api = new ApiHarness(s => s.MaxRetries = retries);
        api.QueueRandom(draws);
        for (var i = 0; i <= retries; i++) api.Reply(Get, "models", HttpStatusCode.InternalServerError, "{}");

        await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        var expected = draws.Select((r, n) => Math.Min(0.5 * Math.Pow(2, n), 8.0) * (1 - 0.25 * r) * 1000).ToArray();
        var waited = api.Time.Delays.Select(d => d.TotalMilliseconds).ToArray();
        Assert.Equal(retries, waited.Length);
        for (var n = 0; n < retries; n++)
        {
            // Task.Delay hands the timer whole milliseconds.
            Assert.InRange(waited[n], expected[n] - 1, expected[n]);
        }
        Assert.Equal(retries, api.RandomReads);
        // The observer hears the exact delay the policy computed.
        Assert.Equal(expected, api.Observer.Retries.Select(r => r.Delay.TotalMilliseconds).ToArray(), new Tolerance(0.001));
    }

    [Fact]
    public async Task Stops_retrying_when_the_server_says_x_should_retry_false()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", HttpStatusCode.InternalServerError, "{}", ("x-should-retry", "false"));

        var error = await Assert.ThrowsAsync<OpenAiApiException>(() => api.GetJsonAsync("models"));

        Assert.Equal(500, error.StatusCode);
        Assert.Single(api.Sent);
    }

    [Fact]
    public async Task Retries_a_non_retryable_status_when_the_server_says_x_should_retry_true()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", HttpStatusCode.BadRequest, "{}", ("x-should-retry", "true"));
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var _ = await api.GetJsonAsync("models");

        Assert.Equal(2, api.Sent.Count);
    }

    [Fact]
    public async Task Retries_a_transport_failure_and_then_succeeds()
    {
        using var api = new ApiHarness();
        api.Fail(Get, "models", new HttpRequestException("Connection refused"));
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var result = await api.GetJsonAsync("models");

        Assert.True(result.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(2, api.Sent.Count);
        Assert.Single(api.Time.Delays);
    }

    [Fact]
    public async Task Turns_a_persistent_transport_failure_into_OpenAiTransportException_after_every_retry()
    {
        using var api = new ApiHarness(s => s.MaxRetries = 2);
        for (var i = 0; i < 3; i++) api.Fail(Get, "models", new HttpRequestException("Connection refused"));

        var error = await Assert.ThrowsAsync<OpenAiTransportException>(() => api.GetJsonAsync("models"));

        Assert.Equal("OpenAiConnectionFailed", error.ErrorId);
        Assert.False(error.TimedOut);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Contains("3 attempt", error.Message);
        Assert.Contains("api.test", error.Message);
        Assert.Equal(3, api.Sent.Count);
        Assert.Equal(2, api.Time.Delays.Count);
    }

    [Fact]
    public async Task Retries_an_attempt_that_times_out_and_reports_OpenAiTimeout_when_every_attempt_does()
    {
        var calls = 0;
        var hanging = new HangingHandler(() => Interlocked.Increment(ref calls));
        var settings = new OpenAiConnectionSettings
        {
            BaseUri = ApiHarness.BaseUri,
            ApiKey = SecretText.ToSecure(ApiHarness.ApiKey),
            MaxRetries = 1,
            Timeout = TimeSpan.FromMilliseconds(1),
        };
        var time = new InstantTimeProvider(ApiHarness.Now);
        using var client = new OpenAiClient(settings, hanging, time, () => 0);

        var error = await Assert.ThrowsAsync<OpenAiTransportException>(() =>
            client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, "models"), null, CancellationToken.None));

        Assert.True(error.TimedOut);
        Assert.Equal("OpenAiTimeout", error.ErrorId);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Never_retries_a_caller_cancellation_during_a_request()
    {
        using var api = new ApiHarness();
        using var cts = new CancellationTokenSource();
        api.BeforeSend = _ => cts.Cancel(); // the user presses Ctrl+C while the request is in flight
        api.Fail(Get, "models", new OperationCanceledException(cts.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetJsonAsync("models", cts.Token));

        Assert.Single(api.Sent);
        Assert.Empty(api.Time.Delays);
    }

    [Fact]
    public async Task A_cancellation_during_the_retry_wait_ends_the_call_without_another_request()
    {
        using var api = new ApiHarness();
        using var cts = new CancellationTokenSource();
        api.Time.FireTimers = false;
        api.Time.OnTimer = _ => cts.Cancel();
        api.Reply(Get, "models", HttpStatusCode.TooManyRequests, "{}", ("Retry-After", "5"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetJsonAsync("models", cts.Token));

        Assert.Single(api.Sent);
        Assert.Equal(new[] { TimeSpan.FromSeconds(5) }, api.Time.Delays);
    }

    [Fact]
    public async Task A_call_cancelled_before_it_starts_sends_nothing()
    {
        using var api = new ApiHarness();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.GetJsonAsync("models", cts.Token));

        Assert.Empty(api.Sent);
    }

    [Fact]
    public async Task Re_sends_a_POST_body_identically_on_each_attempt()
    {
        using var api = new ApiHarness();
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.InternalServerError, "{}");
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.BadGateway, "{}");
        api.Reply(HttpMethod.Post, "organization/projects", HttpStatusCode.OK, """{"id":"proj_1"}""");
        // Marked idempotent (as an update is): a create would not be sent again after a 5xx.
        var request = new OpenAiRequest(HttpMethod.Post, "organization/projects") { Idempotent = true }
            .WithJsonBody(new Services.ProjectCreateRequest { Name = "Payments – é", ExternalKeyId = "key_1" });

        using var _ = await api.Client.SendJsonAsync(request, null, CancellationToken.None);

        var bodies = api.Sent.Select(s => s.Body).ToList();
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, body => Assert.Equal(bodies[0], body));
        Assert.Equal("Payments – é", JsonDocument.Parse(bodies[0]!).RootElement.GetProperty("name").GetString());
        Assert.All(api.Sent, s => Assert.Equal("application/json", s.ContentType));
    }

    [Fact]
    public async Task Counts_the_attempts_in_X_Stainless_Retry_Count()
    {
        using var api = new ApiHarness();
        api.Reply(Get, "models", HttpStatusCode.InternalServerError, "{}");
        api.Reply(Get, "models", HttpStatusCode.InternalServerError, "{}");
        api.Reply(Get, "models", HttpStatusCode.OK, Ok);

        using var _ = await api.GetJsonAsync("models");

        Assert.Equal(new[] { "0", "1", "2" }, api.Sent.Select(s => s.Header("X-Stainless-Retry-Count")));
        Assert.Equal(new[] { 1, 2, 3 }, api.Observer.Requests.Select(r => r.Attempt));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }

    /// <summary>A transport that never answers: only the per-attempt timeout ends it.</summary>
    private sealed class HangingHandler(Action onCall) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onCall();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
