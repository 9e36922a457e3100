using System.Net;
using System.Text;
using RichardSzalay.MockHttp;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core.Tests.Support;

/// <summary>What the fake API received: captured inside the mock, while the request and its body are still alive.</summary>
public sealed record SentRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, string? Body, string? ContentType)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The decoded query, in order, repeated names kept.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts.Length > 1 ? parts[1] : "")))
            .ToList();

    public string? QueryValue(string name) => Query.Where(p => p.Key == name).Select(p => p.Value).LastOrDefault();
}

/// <summary>
/// One OpenAiClient over MockHttp with an instant, recording clock and a scripted random source.
/// Expectations are consumed in order; any request nobody expected fails the call (and is still recorded).
/// </summary>
public sealed class ApiHarness : IDisposable
{
    public const string AdminKey = "sk-admin-FakeAdminSecret42";
    public const string ApiKey = "sk-proj-FakeApiSecret42";
    public static readonly Uri BaseUri = new("https://api.test/v1/");
    public static readonly DateTimeOffset Now = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly object _gate = new();
    private readonly List<SentRequest> _sent = new();
    private readonly Queue<double> _random = new();
    private OpenAiClient? _client;

    public ApiHarness(Action<OpenAiConnectionSettings>? configure = null)
    {
        Settings = new OpenAiConnectionSettings
        {
            BaseUri = BaseUri,
            AdminKey = SecretText.ToSecure(AdminKey),
            ApiKey = SecretText.ToSecure(ApiKey),
        };
        configure?.Invoke(Settings);
        // MockHttp never completes a call whose async responder throws, so failures use its synchronous Throw.
        Mock.Fallback.Throw(new InvalidOperationException("A request nobody expected reached the fake API."));
        Transport = new RecordingHandler(this) { InnerHandler = Mock };
    }

    /// <summary>What the client is given as its transport: records each request, then lets MockHttp answer it.</summary>
    public HttpMessageHandler Transport { get; }

    /// <summary>Runs for every request as it reaches the transport (after it is recorded).</summary>
    public Action<HttpRequestMessage>? BeforeSend { get; set; }

    public MockHttpMessageHandler Mock { get; } = new();
    public InstantTimeProvider Time { get; } = new(Now);
    public OpenAiConnectionSettings Settings { get; }
    public RecordingObserver Observer { get; } = new();
    public OpenAiClient Client => _client ??= new OpenAiClient(Settings, Transport, Time, NextRandom);

    /// <summary>How many times the random source was read.</summary>
    public int RandomReads { get; private set; }

    public IReadOnlyList<SentRequest> Sent
    {
        get { lock (_gate) return _sent.ToList(); }
    }

    /// <summary>Values the client's jitter will draw, in order (0.5 once they run out).</summary>
    public void QueueRandom(params double[] values)
    {
        foreach (var value in values) _random.Enqueue(value);
    }

    private double NextRandom()
    {
        RandomReads++;
        return _random.Count > 0 ? _random.Dequeue() : 0.5;
    }

    /// <summary>The next request must be <paramref name="method"/> on <paramref name="path"/> (relative to /v1/, escaped form).</summary>
    public MockedRequest Expect(HttpMethod method, string path)
    {
        var expected = new MockedRequest();
        expected.With(r => r.Method == method && r.RequestUri!.AbsolutePath == BaseUri.AbsolutePath + path);
        Mock.AddRequestExpectation(expected);
        return expected;
    }

    /// <summary>Expect a request and answer it with a status, a body and headers.</summary>
    public MockedRequest Reply(HttpMethod method, string path, HttpStatusCode status, string? body = "{}", params (string Name, string Value)[] headers)
    {
        var expected = Expect(method, path);
        RespondWith(expected, status, body, headers);
        return expected;
    }

    public void RespondWith(MockedRequest expected, HttpStatusCode status, string? body = "{}", params (string Name, string Value)[] headers) =>
        expected.Respond(_ => Response(status, body, headers));

    /// <summary>Expect a request and fail it in the transport.</summary>
    public MockedRequest Fail(HttpMethod method, string path, Exception error)
    {
        var expected = Expect(method, path);
        expected.Throw(error);
        return expected;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string? body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status);
        if (body != null) response.Content = new StringContent(body, Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
                throw new InvalidOperationException($"Header {name} could not be added.");
        }
        return response;
    }

    public Task<System.Text.Json.JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken = default) =>
        Client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, path), Observer, cancellationToken);

    internal async Task RecordAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Key] = string.Join(",", header.Value);
        string? body = null, contentType = null;
        if (request.Content != null)
        {
            body = await request.Content.ReadAsStringAsync();
            contentType = request.Content.Headers.ContentType?.MediaType;
        }
        lock (_gate) _sent.Add(new SentRequest(request.Method, request.RequestUri!, headers, body, contentType));
    }

    public void Dispose()
    {
        _client?.Dispose();
        Mock.Dispose();
    }
}

internal sealed class RecordingHandler(ApiHarness harness) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await harness.RecordAsync(request);
        harness.BeforeSend?.Invoke(request);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Collects what the client reports about attempts and retries.</summary>
public sealed class RecordingObserver : IOpenAiCallObserver
{
    private readonly object _gate = new();
    private readonly List<(int Retry, int MaxRetries, TimeSpan Delay, string Reason)> _retries = new();
    private readonly List<(string Method, Uri Uri, int Attempt)> _requests = new();

    public IReadOnlyList<(int Retry, int MaxRetries, TimeSpan Delay, string Reason)> Retries { get { lock (_gate) return _retries.ToList(); } }
    public IReadOnlyList<(string Method, Uri Uri, int Attempt)> Requests { get { lock (_gate) return _requests.ToList(); } }

    public void OnRequest(string method, Uri uri, int attempt, string? bodySummary) { lock (_gate) _requests.Add((method, uri, attempt)); }
    public void OnResponse(string method, Uri uri, int status, TimeSpan elapsed, string? requestId) { }
    public void OnRetry(int retry, int maxRetries, TimeSpan delay, string reason) { lock (_gate) _retries.Add((retry, maxRetries, delay, reason)); }
}
