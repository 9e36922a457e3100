using System.Diagnostics;
using System.Globalization;

namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>
/// Outermost: gives every response an x-request-id (req_ + 32 hex) and, on /v1 paths outside /v1/organization,
/// the x-ratelimit-* and openai-processing-ms headers the real API sends.
/// </summary>
public sealed class RequestContextMiddleware(RequestDelegate next, RateLimitCounter counter)
{
    public const string RequestIdKey = "truto.request_id";
    public const string RateLimitedKey = "truto.rate_limited";

    public Task InvokeAsync(HttpContext context)
    {
        var requestId = "req_" + Guid.NewGuid().ToString("N");
        context.Items[RequestIdKey] = requestId;
        var started = Stopwatch.GetTimestamp();
        var path = context.Request.Path;
        var apiRoute = path.StartsWithSegments("/v1") && !path.StartsWithSegments("/v1/organization");
        var (remaining, reset) = apiRoute ? counter.Hit() : (0, TimeSpan.Zero);

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["x-request-id"] = requestId;
            if (apiRoute)
            {
                var limited = context.Items.ContainsKey(RateLimitedKey);
                headers["openai-version"] = "2020-10-01";
                headers["openai-processing-ms"] = ((long)Stopwatch.GetElapsedTime(started).TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-limit-requests"] = RateLimitCounter.RequestLimit.ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-remaining-requests"] = (limited ? 0 : remaining).ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-reset-requests"] = RateLimitCounter.Format(reset);
                headers["x-ratelimit-limit-tokens"] = RateLimitCounter.TokenLimit.ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-remaining-tokens"] = (limited ? 0 : RateLimitCounter.TokenLimit).ToString(CultureInfo.InvariantCulture);
                headers["x-ratelimit-reset-tokens"] = limited ? "6m0s" : "0s";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>A purely informative requests-per-minute window (never enforced: use faults to get 429s).</summary>
public sealed class RateLimitCounter
{
    public const int RequestLimit = 10_000;
    public const int TokenLimit = 30_000_000;
    private readonly object _gate = new();
    private long _windowStart = -1;
    private int _count;

    /// <summary>Counts a request; returns the remaining requests in this minute and the time until the window resets.</summary>
    public (int Remaining, TimeSpan Reset) Hit()
    {
        var nowMs = Environment.TickCount64;
        lock (_gate)
        {
            if (_windowStart < 0 || nowMs - _windowStart >= 60_000) { _windowStart = nowMs; _count = 0; }
            _count++;
            return (Math.Max(0, RequestLimit - _count), TimeSpan.FromMilliseconds(60_000 - (nowMs - _windowStart)));
        }
    }

    /// <summary>Go-style duration like the API: "120ms", "1s", "6m0s".</summary>
    public static string Format(TimeSpan t)
    {
        if (t < TimeSpan.FromSeconds(1)) return $"{Math.Max(0, (int)t.TotalMilliseconds)}ms";
        var seconds = (int)Math.Ceiling(t.TotalSeconds);
        return seconds < 60 ? $"{seconds}s" : $"{seconds / 60}m{seconds % 60}s";
    }
}
