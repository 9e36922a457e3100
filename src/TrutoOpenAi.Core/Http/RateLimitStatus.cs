using System;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>The last x-ratelimit-* headers a connection saw. Reset values arrive as Go durations (<c>6m0s</c>, <c>12ms</c>).</summary>
    public sealed class RateLimitStatus
    {
        public int? LimitRequests { get; set; }
        public int? RemainingRequests { get; set; }
        public TimeSpan? ResetRequests { get; set; }
        public long? LimitTokens { get; set; }
        public long? RemainingTokens { get; set; }
        public TimeSpan? ResetTokens { get; set; }
        public DateTimeOffset ObservedAt { get; set; }
        public string? RequestId { get; set; }

        /// <summary>Reads the headers; returns null when the response carried none of them.</summary>
        public static RateLimitStatus? FromHeaders(HttpResponseHeaders headers, DateTimeOffset now)
        {
            var status = new RateLimitStatus
            {
                LimitRequests = (int?)Long(headers, "x-ratelimit-limit-requests"),
                RemainingRequests = (int?)Long(headers, "x-ratelimit-remaining-requests"),
                ResetRequests = Duration(headers, "x-ratelimit-reset-requests"),
                LimitTokens = Long(headers, "x-ratelimit-limit-tokens"),
                RemainingTokens = Long(headers, "x-ratelimit-remaining-tokens"),
                ResetTokens = Duration(headers, "x-ratelimit-reset-tokens"),
                ObservedAt = now,
                RequestId = First(headers, "x-request-id"),
            };
            var any = status.LimitRequests != null || status.RemainingRequests != null || status.ResetRequests != null ||
                      status.LimitTokens != null || status.RemainingTokens != null || status.ResetTokens != null;
            return any ? status : null;
        }

        private static readonly Regex DurationPart = new Regex(@"(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)", RegexOptions.Compiled);

        /// <summary>Parses Go-style durations: <c>1s</c>, <c>6m0s</c>, <c>12ms</c>, <c>1h2m3.5s</c>; plain numbers are seconds.</summary>
        public static TimeSpan? ParseDuration(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            text = text!.Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plainSeconds))
                return TimeSpan.FromSeconds(plainSeconds);
            var matches = DurationPart.Matches(text);
            if (matches.Count == 0) return null;
            var consumed = 0;
            double ms = 0;
            foreach (Match match in matches)
            {
                consumed += match.Length;
                var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                ms += match.Groups[2].Value switch
                {
                    "h" => value * 3_600_000,
                    "m" => value * 60_000,
                    "s" => value * 1000,
                    "ms" => value,
                    "us" or "µs" => value / 1000,
                    "ns" => value / 1_000_000,
                    _ => 0,
                };
            }
            return consumed == text.Length ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        }

        private static string? First(HttpResponseHeaders headers, string name) =>
            headers.TryGetValues(name, out var values) ? System.Linq.Enumerable.FirstOrDefault(values) : null;

        private static long? Long(HttpResponseHeaders headers, string name) =>
            long.TryParse(First(headers, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;

        private static TimeSpan? Duration(HttpResponseHeaders headers, string name) => ParseDuration(First(headers, name));
    }
}
