using System.Globalization;

namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>Applies <see cref="FaultInjector"/> decisions to authenticated /v1 requests: delay, drop, or an error status.</summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!faults.Any || !context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }
        var decision = faults.Decide(context.Request);
        if (decision.DelayMs > 0) await Task.Delay(decision.DelayMs, context.RequestAborted);
        if (decision.Drop)
        {
            context.Items[RecordingMiddleware.FaultKey] = "drop";
            context.Abort();
            return;
        }
        if (decision.Status != 0)
        {
            context.Items[RecordingMiddleware.FaultKey] = decision.Status.ToString(CultureInfo.InvariantCulture);
            if (decision.Status == 429) context.Items[RequestContextMiddleware.RateLimitedKey] = true;
            if (decision.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(seconds == Math.Floor(seconds) ? "0" : "0.###", CultureInfo.InvariantCulture);
            if (decision.RetryAfterMs is { } ms)
                context.Response.Headers["retry-after-ms"] = ms.ToString("0.###", CultureInfo.InvariantCulture);
            await ApiErrors.ForFault(decision.Status).WriteAsync(context);
            return;
        }
        await next(context);
    }
}
