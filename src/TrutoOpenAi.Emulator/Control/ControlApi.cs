using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Control;

/// <summary>The /_emulator control API: no auth, loopback callers only, JSON. See README.md.</summary>
public static class ControlApi
{
    private static readonly JsonSerializerOptions StrictOptions = new(EmulatorJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static void Map(WebApplication app, EmulatorState state, RequestRecorder recorder, FaultInjector faults)
    {
        var control = app.MapGroup("/_emulator");
        control.AddEndpointFilter(async (ctx, next) =>
        {
            var remote = ctx.HttpContext.Connection.RemoteIpAddress;
            if (remote is not null && !IPAddress.IsLoopback(remote))
                return ApiErrors.NotFound("The control API only answers loopback callers.").ToResult();
            return await next(ctx);
        });

        control.MapGet("/health", () => Results.Json(new { status = "ok" }, EmulatorJson.Options));

        control.MapGet("/requests", (HttpRequest request) =>
        {
            long since = 0;
            if (request.Query.TryGetValue("since", out var raw) &&
                !long.TryParse(raw.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out since))
                return ApiErrors.BadRequest("'since' must be an integer sequence number.", "since").ToResult();
            return Results.Json(recorder.Snapshot(since), EmulatorJson.Options);
        });
        control.MapDelete("/requests", () =>
        {
            recorder.Clear();
            return Results.Json(new { cleared = true }, EmulatorJson.Options);
        });

        var streams = app.Services.GetRequiredService<StreamLog>();
        control.MapGet("/streams", async (HttpRequest request) =>
        {
            long since = 0;
            if (request.Query.TryGetValue("since", out var raw) &&
                !long.TryParse(raw.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out since))
                return ApiErrors.BadRequest("'since' must be an integer sequence number.", "since").ToResult();
            if (!request.Query.TryGetValue("wait_seconds", out var rawWait))
                return Results.Json(streams.Snapshot(since), EmulatorJson.Options);
            if (!double.TryParse(rawWait.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var wait) || wait is < 0 or > 600)
                return ApiErrors.BadRequest("'wait_seconds' must be a number of seconds between 0 and 600.", "wait_seconds").ToResult();
            var waitFor = request.Query.TryGetValue("wait_for", out var rawFor) ? rawFor.ToString() : "ended";
            Func<StreamReport, Task>? signal = waitFor switch { "ended" => r => r.Ended, "held" => r => r.HeldOrEnded, _ => null };
            if (signal is null) return ApiErrors.BadRequest("'wait_for' must be 'ended' or 'held'.", "wait_for").ToResult();
            var reports = await streams.WaitAsync(since, signal, TimeSpan.FromSeconds(wait), request.HttpContext.RequestAborted);
            return Results.Json(reports, EmulatorJson.Options);
        });

        control.MapGet("/config", () => Results.Json(ConfigView(recorder), EmulatorJson.Options));
        control.MapPost("/config", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (_, record) = body.OptionalBool("record");
            var (_, capacity) = body.OptionalInteger("record_capacity", 1, 1_000_000);
            if (record is { } r) recorder.Enabled = r;
            if (capacity is { } c) recorder.SetCapacity((int)c);
            return Results.Json(ConfigView(recorder), EmulatorJson.Options);
        });

        control.MapGet("/faults", () => Results.Json(faults.Rules, EmulatorJson.Options));
        control.MapPost("/faults", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            FaultRule rule;
            try
            {
                rule = body.Root.Deserialize<FaultRule>(StrictOptions)!;
            }
            catch (JsonException e)
            {
                return ApiErrors.BadRequest($"Invalid fault rule: {e.Message}").ToResult();
            }
            if (rule.Validate() is { } problem) return ApiErrors.BadRequest(problem).ToResult();
            faults.Add(rule);
            return Results.Json(rule, EmulatorJson.Options);
        });
        control.MapDelete("/faults", () =>
        {
            faults.Clear();
            return Results.Json(new { cleared = true }, EmulatorJson.Options);
        });

        control.MapPost("/reset", () =>
        {
            state.Reset();
            faults.Clear(reseed: true);
            recorder.Clear();
            streams.Clear();
            return Results.Json(new { status = "reset" }, EmulatorJson.Options);
        });

        control.MapPost("/seed", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var summary = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var seeder in state.Stores.OfType<IEmulatorSeeder>())
                if (seeder.Seed(body.Root) is { } part)
                    foreach (var (key, value) in part) summary[key] = value;
            return Results.Json(summary, EmulatorJson.Options);
        });

        control.MapGet("/clock", () => Results.Json(ClockView(state.Clock), EmulatorJson.Options));
        control.MapPost("/clock", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (nowPresent, now) = body.OptionalInteger("now", 0);
            var (_, advance) = body.OptionalInteger("advance_seconds");
            var (_, tick) = body.OptionalInteger("tick_seconds", 0, 86_400);
            if (nowPresent) state.Clock.Set(now);
            if (advance is { } a) state.Clock.Advance(a);
            if (tick is { } t) state.Clock.TickSeconds = t;
            return Results.Json(ClockView(state.Clock), EmulatorJson.Options);
        });

        control.MapFallback(() => ApiErrors.NotFound("Unknown control route.").ToResult());
    }

    private static object ClockView(EmulatorClock clock) => new { now = clock.UnixSeconds, frozen = clock.IsFrozen, tick_seconds = clock.TickSeconds };

    private static object ConfigView(RequestRecorder recorder) => new { record = recorder.Enabled, record_capacity = recorder.Capacity };
}
