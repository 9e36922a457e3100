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
        private static readonly ResiliencePropertyKey<bool> IdempotentProperty = new ResiliencePropertyKey<bool>("TrutoOpenAi.Idempotent");

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
                // Redirects are not followed: the organization and project headers (and the key, on some runtimes) would go along.
                InnerHandler = new TracingHandler { InnerHandler = transport ?? new HttpClientHandler { AllowAutoRedirect = false } },
            };
            _http = new HttpClient(auth, disposeHandler: true)
            {
                BaseAddress = settings.NormalizedBaseUri,
                Timeout = System.Threading.Timeout.InfiniteTimeSpan, // per attempt, below
            };
            _http.DefaultRequestHeaders.UserAgent.ParseAdd($"TrutoOpenAi/{typeof(OpenAiClient).Assembly.GetName().Version}");
            _pipeline = BuildPipeline();
        }

        internal OpenAiConnectionSettings Settings { get; }

        /// <summary>The connection's retry budget (services that reconcile an unknown outcome retry within it).</summary>
        public int MaxRetries => Settings.MaxRetries;
        /// <summary>The longest Retry-After this client waits for (Connect-OpenAi -MaxRetryAfterSec); longer waits are not retried.</summary>
        public TimeSpan MaxRetryAfter => Settings.MaxRetryAfter;

        /// <summary>Now, by the client's clock (tests inject it).</summary>
        public DateTimeOffset Now => _time.GetUtcNow();

        /// <summary>The backoff before retry number <paramref name="retry"/> (0-based).</summary>
        public TimeSpan RetryDelay(int retry) => _retry.Backoff(retry);

        /// <summary>Waits on the client's clock (instant in tests with a fake clock).</summary>
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.CompletedTask
#if NET8_0_OR_GREATER
            : Task.Delay(delay, _time, cancellationToken);
#else
            : _time.Delay(delay, cancellationToken);
#endif

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
            var target = ResolveUri(request);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(ObserverProperty, observer);
            context.Properties.Set(IdempotentProperty, request.IsIdempotent);
            var attempt = 0;
            HttpResponseMessage response;
            try
            {
                response = await _pipeline.ExecuteAsync(async (ctx, state) =>
                {
                    attempt++;
                    return await SendOnceAsync(state.request, state.target, attempt, ctx.Properties.GetValue(ObserverProperty, null), ctx.CancellationToken).ConfigureAwait(false);
                }, context, (request, target)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (!request.IsIdempotent && (ex is AttemptTimeoutException || ex is IOException ||
                                       (ex is HttpRequestException && !RetryPolicy.CertainlyNotSent(ex))))
            {
                // A create may have been carried out: repeating it could duplicate it, and failing as if nothing happened could lose it.
                throw new OpenAiOutcomeUnknownException(request.Method.Method, "/" + request.Path,
                    ex is AttemptTimeoutException ? $"no answer within {Settings.Timeout.TotalSeconds:0.#} s" : "the connection failed (" + ex.Message + ")",
                    null, null, ex);
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
            if (response.IsSuccessStatusCode)
            {
                if (observer is IOpenAiPollObserver poller && ReadPollAfter(response) is TimeSpan after) poller.OnPollAfter(after);
                return response;
            }
            using (response)
            {
                var error = await ToApiExceptionAsync(request, response).ConfigureAwait(false);
                if (!request.IsIdempotent && error.StatusCode >= 500 && !_retry.CertainlyNotActed(response, _time.GetUtcNow()))
                    throw new OpenAiOutcomeUnknownException(request.Method.Method, "/" + request.Path, $"the server failed with HTTP {error.StatusCode}",
                        error.StatusCode, error.RequestId, error);
                throw error;
            }
        }

        /// <summary>
        /// The absolute address of a request, which must stay under the base URI: an encoded '..' (%2e%2e), a backslash, or
        /// another scheme or host in the path is refused before anything is sent.
        /// </summary>
        private Uri ResolveUri(OpenAiRequest request)
        {
            var baseUri = Settings.NormalizedBaseUri;
            var pathAndQuery = request.PathAndQuery;
            var path = pathAndQuery.Split('?')[0];
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(path);
            }
            catch (UriFormatException)
            {
                decoded = path;
            }
            Uri? target = null;
            var shapeOk = decoded.IndexOf('\\') < 0 &&
                          Array.TrueForAll(decoded.Split('/'), segment => segment != ".." && segment != ".") &&
                          Uri.TryCreate(baseUri, pathAndQuery, out target);
            if (!shapeOk || target is null || !target.IsAbsoluteUri ||
                !string.Equals(target.GetLeftPart(UriPartial.Authority), baseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) ||
                !target.AbsolutePath.StartsWith(baseUri.AbsolutePath, StringComparison.Ordinal))
            {
                throw new OpenAiValidationException("Path",
                    $"The path '{SecretText.Redact(path)}' would leave the connection's base URI {baseUri}: it may not hold '..', '.', a backslash or another address (also when percent-encoded).",
                    "OpenAiInvalidPath");
            }
            return target;
        }

        private async Task<HttpResponseMessage> SendOnceAsync(OpenAiRequest request, Uri target, int attempt, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var message = new HttpRequestMessage(request.Method, target);
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
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context.Properties.GetValue(IdempotentProperty, true),
                        args.Context.CancellationToken)),
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

        /// <summary>
        /// Idempotent requests: retryable statuses, connection failures and timeouts. Others (creates) only when the failure
        /// certainly came before the server acted: a connection never made, 429, 408, a 503 with Retry-After, x-should-retry: true.
        /// A TLS certificate failure is never retried: it cannot succeed.
        /// </summary>
        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, bool idempotent, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return false; // the caller gave up: never retry that
            var now = _time.GetUtcNow();
            if (outcome.Result is { } response)
                return _retry.ShouldRetry(response, now) && (idempotent || response.IsSuccessStatusCode || _retry.CertainlyNotActed(response, now));
            var exception = outcome.Exception;
            if (exception is null || RetryPolicy.IsCertificateFailure(exception)) return false;
            if (!idempotent) return exception is HttpRequestException && RetryPolicy.CertainlyNotSent(exception);
            return exception is HttpRequestException || exception is IOException || exception is AttemptTimeoutException;
        }

        private static string Describe(Outcome<HttpResponseMessage> outcome) =>
            outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}"
            : outcome.Exception is AttemptTimeoutException ? "timeout"
            : outcome.Exception?.GetType().Name ?? "failure";

        private async Task<OpenAiApiException> ToApiExceptionAsync(OpenAiRequest request, HttpResponseMessage response)
        {
            string? message = null, type = null, code = null, param = null;
            var body = response.Content is null ? string.Empty : await ReadCappedAsync(response.Content).ConfigureAwait(false);
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

        /// <summary>The <c>openai-poll-after-ms</c> header (a whole number of milliseconds, capped at an hour), or null.</summary>
        internal static TimeSpan? ReadPollAfter(HttpResponseMessage response)
        {
            if (!response.Headers.TryGetValues("openai-poll-after-ms", out var values)) return null;
            foreach (var value in values)
                if (long.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms))
                    return TimeSpan.FromMilliseconds(Math.Min(ms, 3_600_000));
            return null;
        }

        /// <summary>Error bodies are read up to 64 KB: a huge one must not become a huge error record (or exhaust memory).</summary>
        public const int MaxErrorBodyBytes = 64 * 1024;

        private static async Task<string> ReadCappedAsync(HttpContent content)
        {
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
            var buffer = new byte[MaxErrorBodyBytes];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer, read, buffer.Length - read).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
            }
            return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
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
            if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !document.RootElement.EnumerateObject().MoveNext())
                throw new OpenAiResponseException($"{request.Method} /{request.Path} answered success with {(document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object ? "an empty body" : "JSON that is not an object")} instead of a {typeof(T).Name}.");
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
