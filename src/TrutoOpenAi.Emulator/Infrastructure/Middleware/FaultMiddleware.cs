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
        if (decision.StreamHoldAfter is { } hold) context.Items[StreamLog.HoldAfterKey] = hold;
        if (decision.After)
        {
            await CarryOutThenFailAsync(context, decision);
            return;
        }
        if (decision.Drop)
        {
            context.Items[RecordingMiddleware.FaultKey] = "drop";
            context.Abort();
            return;
        }
        if (decision.Status != 0)
        {
            context.Items[RecordingMiddleware.FaultKey] = decision.Label;
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

    /// <summary>Runs the request (its effect stays), throws its answer away, then drops the connection or answers the status.</summary>
    private async Task CarryOutThenFailAsync(HttpContext context, FaultDecision decision)
    {
        var original = context.Response.Body;
        using (var discarded = new MemoryStream())
        {
            context.Response.Body = discarded;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }
        }
        context.Items[RecordingMiddleware.FaultKey] = decision.Label;
        if (decision.Drop || context.Response.HasStarted)
        {
            context.Abort();
            return;
        }
        context.Response.Headers.ContentLength = null;
        context.Response.Headers.ContentType = default;
        await ApiErrors.ForFault(decision.Status).WriteAsync(context);
    }
}
