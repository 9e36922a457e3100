namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>
/// Moves the emulator clock by its tick (POST /_emulator/clock {"tick_seconds": n}) before each authenticated /v1
/// request is handled, so waiters that poll see runs, batches and jobs progress deterministically (per request, not
/// per wall-clock second). Does nothing while the tick is 0, the default.
/// </summary>
public sealed class ClockTickMiddleware(RequestDelegate next, EmulatorState state)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/v1")) state.Clock.Tick();
        return next(context);
    }
}
