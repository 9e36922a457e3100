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
                return TimeSpan.FromMilliseconds(ms);
            if (headers.TryGetValues("retry-after", out var values))
            {
                var text = values.FirstOrDefault();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                    return TimeSpan.FromSeconds(seconds);
                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    var wait = date - now;
                    return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
                }
            }
            return null;
        }

        [ThreadStatic] private static Random? _threadRandom;
        private static double ThreadSafeRandom() => (_threadRandom ??= new Random(Guid.NewGuid().GetHashCode())).NextDouble();
    }
}
