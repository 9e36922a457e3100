using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core
{
    /// <summary>
    /// One connection's way to the API: one reused HttpClient whose handlers add the keys and trace each attempt,
    /// wrapped in a Polly retry that rebuilds the request for every attempt and honours Retry-After.
    /// Thread-safe; shared by every cmdlet call that uses the connection.
    /// </summary>
    public sealed class OpenAiClient : IDisposable
    {
        private static readonly ResiliencePropertyKey<IOpenAiCallObserver?> ObserverProperty =
            new ResiliencePropertyKey<IOpenAiCallObserver?>("TrutoOpenAi.Observer");

        private readonly HttpClient _http;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly TimeProvider _time;
        private readonly RetryPolicy _retry;

        public OpenAiClient(OpenAiConnectionSettings settings, HttpMessageHandler? transport = null,
            TimeProvider? timeProvider = null, Func<double>? random = null)
        {
            settings.Validate();
            Settings = settings;
            _time = timeProvider ?? TimeProvider.System;
            _retry = new RetryPolicy(settings.MaxRetryAfter, random);
            var auth = new AuthenticationHandler(settings)
            {
                InnerHandler = new TracingHandler { InnerHandler = transport ?? new HttpClientHandler() },
            };
            _http = new HttpClient(auth, disposeHandler: true)
            {
                BaseAddress = settings.NormalizedBaseUri,
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per attempt, below
            };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd($"TrutoOpenAi/{typeof(OpenAiClient).Assembly.GetName().Version}");
            _pipeline = BuildPipeline();
        }

        public OpenAiConnectionSettings Settings { get; }

        /// <summary>The x-ratelimit-* headers of the latest response that had them.</summary>
        public RateLimitStatus? RateLimit { get; private set; }

        /// <summary>Sends a request and parses the JSON answer. The caller disposes the document.</summary>
        public async Task<JsonDocument> SendJsonAsync(OpenAiRequest request, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var response = await SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            if (bytes.Length == 0) return JsonDocument.Parse("{}");
            try
            {
                return JsonDocument.Parse(bytes);
            }
            catch (JsonException ex)
            {
                throw new OpenAiResponseException($"{request.Method} /{request.Path} answered with a body that is not JSON.", ex);
            }
        }

        /// <summary>Sends a request (with retries) and returns a successful response; API errors throw <see cref="OpenAiApiException"/>.</summary>
        public async Task<HttpResponseMessage> SendAsync(OpenAiRequest request, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ObserverProperty, observer);
            var attempt = 0;
            HttpResponseMessage response;
            try
            {
                response = await _pipeline.ExecuteAsync(async (ctx, state) =>
                {
                    attempt++;
                    return await SendOnceAsync(state, attempt, ctx.Properties.GetValue(ObserverProperty, null), ctx.CancellationToken).ConfigureAwait(false);
                }, context, request).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (AttemptTimeoutException ex)
            {
                throw new OpenAiTransportException(
                    $"{request.Method} /{request.Path} did not answer within {Settings.Timeout.TotalSeconds:0.#} s (after {attempt} attempt(s)).", true, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new OpenAiTransportException(
                    $"{request.Method} /{request.Path} could not reach {Settings.NormalizedBaseUri.GetLeftPart(UriPartial.Authority)} after {attempt} attempt(s): {ex.Message}", false, ex);
            }
            catch (IOException ex)
            {
                throw new OpenAiTransportException(
                    $"{request.Method} /{request.Path}: the connection failed after {attempt} attempt(s): {ex.Message}", false, ex);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            var rate = RateLimitStatus.FromHeaders(response.Headers, _time.GetUtcNow());
            if (rate != null) RateLimit = rate;
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                throw await ToApiExceptionAsync(request, response).ConfigureAwait(false);
            }
        }

        private async Task<HttpResponseMessage> SendOnceAsync(OpenAiRequest request, int attempt, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(request.Method, request.PathAndQuery);
            message.Properties[AuthenticationHandler.OperationKey] = request.Operation;
            message.Properties[TracingHandler.ObserverKey] = observer;
            message.Properties[TracingHandler.AttemptKey] = attempt;
            message.Properties[TracingHandler.BodySummaryKey] = request.BodySummary;
            message.Headers.TryAddWithoutValidation("X-Stainless-Retry-Count", (attempt - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            message.Content = request.ContentFactory?.Invoke();

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Settings.Timeout);
            try
            {
                var completion = request.StreamResponse ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
                return await _http.SendAsync(message, completion, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new AttemptTimeoutException(ex);
            }
        }

        private ResiliencePipeline<HttpResponseMessage> BuildPipeline()
        {
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
            if (Settings.MaxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = Settings.MaxRetries,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(_retry.NextDelay(args.AttemptNumber, args.Outcome.Result, _time.GetUtcNow())),
                    OnRetry = args =>
                    {
                        var observer = args.Context.Properties.GetValue(ObserverProperty, null);
                        observer?.OnRetry(args.AttemptNumber + 1, Settings.MaxRetries, args.RetryDelay, Describe(args.Outcome));
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }
            return builder.Build();
        }

        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return false; // the caller gave up: never retry that
            if (outcome.Result is { } response) return _retry.ShouldRetry(response, _time.GetUtcNow());
            return outcome.Exception is HttpRequestException || outcome.Exception is IOException || outcome.Exception is AttemptTimeoutException;
        }

        private static string Describe(Outcome<HttpResponseMessage> outcome) =>
            outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}"
            : outcome.Exception is AttemptTimeoutException ? "timeout"
            : outcome.Exception?.GetType().Name ?? "failure";

        private async Task<OpenAiApiException> ToApiExceptionAsync(OpenAiRequest request, HttpResponseMessage response)
        {
            string? message = null, type = null, code = null, param = null;
            var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(body);
                var error = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object
                    ? e : document.RootElement;
                if (error.ValueKind == JsonValueKind.Object)
                {
                    message = Text(error, "message");
                    type = Text(error, "type");
                    code = Text(error, "code");
                    param = Text(error, "param");
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    message = error.GetString();
                }
            }
            catch (JsonException)
            {
                message = body.Length > 500 ? body.Substring(0, 500) : body;
            }
            var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? System.Linq.Enumerable.FirstOrDefault(ids) : null;
            var retryAfter = RetryPolicy.ReadRetryAfter(response.Headers, _time.GetUtcNow());
            return new OpenAiApiException((int)response.StatusCode, message, type, code, param, requestId,
                request.Method.Method, "/" + request.Path, retryAfter);
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => value.GetRawText(),
                }
                : null;

        public void Dispose() => _http.Dispose();

        /// <summary>An attempt ran out of time (not the caller's cancellation): retryable.</summary>
        private sealed class AttemptTimeoutException : Exception
        {
            public AttemptTimeoutException(Exception inner) : base("The attempt timed out.", inner) { }
        }
    }
}

namespace TrutoOpenAi.Core
{
    public static class OpenAiClientExtensions
    {
        /// <summary>Sends a request and reads the answer as one typed object.</summary>
        public static async System.Threading.Tasks.Task<T> SendAsync<T>(this OpenAiClient client, OpenAiRequest request,
            Http.IOpenAiCallObserver? observer, System.Threading.CancellationToken cancellationToken) where T : Models.OpenAiObject
        {
            using var document = await client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            try
            {
                using (Json.TolerantReader.Observe(observer)) return Models.OpenAiObject.From<T>(document.RootElement);
            }
            catch (System.Text.Json.JsonException ex)
            {
                throw new OpenAiResponseException($"{request.Method} /{request.Path} answered with JSON that is not a {typeof(T).Name}: {ex.Message}", ex);
            }
        }
    }
}
