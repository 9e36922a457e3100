using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>
    /// Which failures are worth another try and how long to wait, as the official SDKs do:
    /// 408, 409, 429 and 5xx (unless x-should-retry says otherwise), connection failures and timeouts;
    /// retry-after-ms, then Retry-After (seconds or HTTP date) up to a cap, else min(0.5·2^n, 8) s with −25 % jitter.
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly Func<double> _random;

        public RetryPolicy(TimeSpan maxRetryAfter, Func<double>? random = null)
        {
            MaxRetryAfter = maxRetryAfter;
            _random = random ?? ThreadSafeRandom;
        }

        public TimeSpan MaxRetryAfter { get; }

        public static bool IsRetryableStatus(int status) =>
            status == 408 || status == 409 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>Decides for a response: null means do not retry.</summary>
        public bool ShouldRetry(HttpResponseMessage response, DateTimeOffset now)
        {
            if (response.Headers.TryGetValues("x-should-retry", out var values))
            {
                var flag = values.FirstOrDefault();
                if (string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase)) return true;
                if (string.Equals(flag, "false", StringComparison.OrdinalIgnoreCase)) return false;
            }
            if (!IsRetryableStatus((int)response.StatusCode)) return false;
            var retryAfter = ReadRetryAfter(response.Headers, now);
            // A server asking for a longer pause than we are willing to wait: fail now with its answer.
            return retryAfter is null || retryAfter.Value <= MaxRetryAfter;
        }

        /// <summary>
        /// A failed answer that says the server did not carry the request out, so even a create may be sent again:
        /// x-should-retry: true, 429 (rate limited before any work), 408 (the request never arrived whole), and a 503 that
        /// asks to come back later (Retry-After). A 500, 502, 504 or a bare 503 may come after the work was done.
        /// </summary>
        public bool CertainlyNotActed(HttpResponseMessage response, DateTimeOffset now)
        {
            if (response.Headers.TryGetValues("x-should-retry", out var values) &&
                string.Equals(values.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase)) return true;
            var status = (int)response.StatusCode;
            if (status == 429 || status == 408) return true;
            return status == 503 && ReadRetryAfter(response.Headers, now) != null;
        }

        /// <summary>A transport failure that happened before the request left: name resolution, connecting, the TLS handshake.</summary>
        public static bool CertainlyNotSent(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (!(e is HttpRequestException http)) continue;
                // .NET 8+: HttpRequestException.HttpRequestError (read by name: this assembly targets netstandard2.0).
                var kind = typeof(HttpRequestException).GetProperty("HttpRequestError")?.GetValue(http)?.ToString();
                if (kind is "NameResolutionError" || kind is "ConnectionError" || kind is "SecureConnectionError" || kind is "ProxyTunnelError") return true;
                if (kind != null && kind != "Unknown") return false;
                if (http.InnerException is System.Net.Sockets.SocketException) return true;
            }
            return false;
        }

        /// <summary>The server's certificate was refused: retrying cannot help.</summary>
        public static bool IsCertificateFailure(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
                if (e is System.Security.Authentication.AuthenticationException) return true;
            return false;
        }

        /// <summary>The wait before retry number <paramref name="retry"/> (0-based), honouring the server's hint.</summary>
        public TimeSpan NextDelay(int retry, HttpResponseMessage? response, DateTimeOffset now)
        {
            if (response != null)
            {
                var hinted = ReadRetryAfter(response.Headers, now);
                if (hinted != null && hinted.Value >= TimeSpan.Zero && hinted.Value <= MaxRetryAfter) return hinted.Value;
            }
            return Backoff(retry);
        }

        public TimeSpan Backoff(int retry)
        {
            var seconds = Math.Min(0.5 * Math.Pow(2, retry), 8.0);
            var jitter = 1 - 0.25 * _random();
            return TimeSpan.FromMilliseconds(seconds * jitter * 1000);
        }

        /// <summary>retry-after-ms first, then Retry-After as seconds or an HTTP date.</summary>
        public static TimeSpan? ReadRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
        {
            if (headers.TryGetValues("retry-after-ms", out var msValues) &&
                double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
                return TimeSpan.FromMilliseconds(Math.Min(ms, LongestHint.TotalMilliseconds)); // Infinity or 1e300 must not overflow
            if (headers.TryGetValues("retry-after", out var values))
            {
                var text = values.FirstOrDefault();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    return TimeSpan.FromSeconds(Math.Min(seconds, LongestHint.TotalSeconds));
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    var wait = date - now;
                    return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                }
            }
            return null;
        }

        /// <summary>Hints beyond this are read as this (they are far above any cap, and TimeSpan cannot hold infinity).</summary>
        private static readonly TimeSpan LongestHint = TimeSpan.FromDays(365);

        [ThreadStatic] private static Random? _threadRandom;
        private static double ThreadSafeRandom() => (_threadRandom ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
    }
}
