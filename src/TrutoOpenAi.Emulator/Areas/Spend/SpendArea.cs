using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Areas.Usage;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Spend;

/// <summary>
/// Spend alerts (organization and project: list, create, retrieve, update, delete) and hard spend limits
/// (organization and project: get, create-or-replace, delete). A limit's enforcement status is "enforcing" once the
/// month-to-date cost of its scope (from the usage generator) has reached the threshold, "inactive" before.
/// </summary>
public sealed class SpendArea : IEmulatorArea
{
    // list-*-spend-alerts: limit default 20, range 0-100; after, before; order asc|desc (default asc).
    private static readonly ListSpec AlertList = new(DefaultLimit: 20, MinLimit: 0, MaxLimit: 100, SupportsBefore: true, DefaultOrder: "asc");
    private static readonly string[] Currencies = ["USD"];
    private static readonly string[] Intervals = ["month"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var projects = state.Store<ProjectStore>();
        var alerts = state.Store<SpendAlertStore>();
        var limits = state.Store<SpendLimitStore>();

        string? Scope(string? projectId)
        {
            if (projectId is not null && projects.Get(projectId) is null) throw ApiErrors.NoSuch("project", projectId).Throw();
            return projectId;
        }

        IResult List(HttpRequest request, string? projectId)
        {
            Scope(projectId);
            var query = ListQuery.Parse(request, AlertList);
            return Results.Json(CursorList.Page(alerts.Items, query, a => a.ProjectId == projectId), EmulatorJson.Options);
        }

        async Task<IResult> Create(HttpRequest request, string? projectId)
        {
            Scope(projectId);
            var (threshold, currency, interval, channel) = ReadAlert(await JsonBody.ReadAsync(request));
            var alert = alerts.Items.Append(_ => new SpendAlert
            {
                Id = state.Ids.New("alert_"), ProjectId = projectId, ThresholdAmount = threshold, Currency = currency, Interval = interval, NotificationChannel = channel,
            });
            return Results.Json(alert, EmulatorJson.Options);
        }

        SpendAlert Find(string? projectId, string alertId)
        {
            Scope(projectId);
            var alert = alerts.Items.Get(alertId);
            if (alert is null || alert.ProjectId != projectId) throw ApiErrors.NoSuch("spend alert", alertId).Throw();
            return alert;
        }

        async Task<IResult> Update(HttpRequest request, string? projectId, string alertId)
        {
            Find(projectId, alertId);
            var (threshold, currency, interval, channel) = ReadAlert(await JsonBody.ReadAsync(request));
            var updated = alerts.Items.Update(alertId, a => a with { ThresholdAmount = threshold, Currency = currency, Interval = interval, NotificationChannel = channel });
            return updated is null ? ApiErrors.NoSuch("spend alert", alertId).ToResult() : Results.Json(updated, EmulatorJson.Options);
        }

        IResult Delete(string? projectId, string alertId)
        {
            Find(projectId, alertId);
            alerts.Items.Remove(alertId);
            return Results.Json(new
            {
                id = alertId,
                @object = projectId is null ? "organization.spend_alert.deleted" : "project.spend_alert.deleted",
                deleted = true,
            }, EmulatorJson.Options);
        }

        IResult LimitResult(string? projectId, long threshold) => Results.Json(new SpendLimit
        {
            Object = projectId is null ? "organization.spend_limit" : "project.spend_limit",
            ThresholdAmount = threshold,
            Enforcement = new SpendLimitEnforcement(MonthToDateCents(state, projects, projectId) >= threshold ? "enforcing" : "inactive"),
        }, EmulatorJson.Options);

        IResult GetLimit(string? projectId)
        {
            Scope(projectId);
            return limits.Limits.TryGetValue(projectId ?? "", out var threshold)
                ? LimitResult(projectId, threshold)
                : ApiErrors.NotFound(projectId is null ? "No hard spend limit is set for this organization." : $"No hard spend limit is set for project {projectId}.").ToResult();
        }

        async Task<IResult> SetLimit(HttpRequest request, string? projectId)
        {
            Scope(projectId);
            var body = await JsonBody.ReadAsync(request);
            var threshold = RequiredInteger(body, "threshold_amount", 1);
            RequiredEnum(body, "currency", Currencies);
            RequiredEnum(body, "interval", Intervals);
            limits.Limits[projectId ?? ""] = threshold;
            return LimitResult(projectId, threshold);
        }

        IResult DeleteLimit(string? projectId)
        {
            Scope(projectId);
            if (!limits.Limits.TryRemove(projectId ?? "", out _))
                return ApiErrors.NotFound(projectId is null ? "No hard spend limit is set for this organization." : $"No hard spend limit is set for project {projectId}.").ToResult();
            return Results.Json(new { @object = projectId is null ? "organization.spend_limit.deleted" : "project.spend_limit.deleted", deleted = true }, EmulatorJson.Options);
        }

        var org = v1.MapGroup("/organization");
        org.MapGet("/spend_alerts", (HttpRequest r) => List(r, null));
        org.MapPost("/spend_alerts", (HttpRequest r) => Create(r, null));
        org.MapGet("/spend_alerts/{alert_id}", (string alert_id) => Results.Json(Find(null, alert_id), EmulatorJson.Options));
        org.MapPost("/spend_alerts/{alert_id}", (string alert_id, HttpRequest r) => Update(r, null, alert_id));
        org.MapDelete("/spend_alerts/{alert_id}", (string alert_id) => Delete(null, alert_id));
        org.MapGet("/spend_limit", () => GetLimit(null));
        org.MapPost("/spend_limit", (HttpRequest r) => SetLimit(r, null));
        org.MapDelete("/spend_limit", () => DeleteLimit(null));

        var project = v1.MapGroup("/organization/projects/{project_id}");
        project.MapGet("/spend_alerts", (string project_id, HttpRequest r) => List(r, project_id));
        project.MapPost("/spend_alerts", (string project_id, HttpRequest r) => Create(r, project_id));
        project.MapGet("/spend_alerts/{alert_id}", (string project_id, string alert_id) => Results.Json(Find(project_id, alert_id), EmulatorJson.Options));
        project.MapPost("/spend_alerts/{alert_id}", (string project_id, string alert_id, HttpRequest r) => Update(r, project_id, alert_id));
        project.MapDelete("/spend_alerts/{alert_id}", (string project_id, string alert_id) => Delete(project_id, alert_id));
        project.MapGet("/spend_limit", (string project_id) => GetLimit(project_id));
        project.MapPost("/spend_limit", (string project_id, HttpRequest r) => SetLimit(r, project_id));
        project.MapDelete("/spend_limit", (string project_id) => DeleteLimit(project_id));
    }

    /// <summary>Cost of the scope from the first of the current UTC month to now, in cents.</summary>
    private static decimal MonthToDateCents(EmulatorState state, ProjectStore projects, string? projectId)
    {
        var now = state.Clock.UnixSeconds;
        var today = DateTimeOffset.FromUnixTimeSeconds(now).UtcDateTime;
        var monthStart = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        projects.Items.TryPage(int.MaxValue, null, null, false, projectId is null ? null : p => p.Id == projectId, out var scope, out _, out _);
        var costs = UsageEndpointDef.Endpoints.Single(e => e.IsCosts);
        decimal total = 0;
        for (var day = monthStart; day < now; day += UsageGenerator.Day)
            foreach (var atom in UsageGenerator.Atoms(costs, scope, day, UsageGenerator.Day, now)) total += atom.Measures[0];
        return total * 100;
    }

    private static (long Threshold, string Currency, string Interval, SpendAlertChannel Channel) ReadAlert(JsonBody body)
    {
        var threshold = RequiredInteger(body, "threshold_amount", 0);
        var currency = RequiredEnum(body, "currency", Currencies);
        var interval = RequiredEnum(body, "interval", Intervals);
        if (!body.Root.TryGetProperty("notification_channel", out var channel) || channel.ValueKind == JsonValueKind.Null)
            throw ApiErrors.MissingParameter("notification_channel").Throw();
        if (channel.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("notification_channel", "an object", channel.ValueKind).Throw();
        if (!channel.TryGetProperty("type", out var type) || type.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("notification_channel.type").Throw();
        if (type.ValueKind != JsonValueKind.String || type.GetString() != "email")
            throw ApiErrors.BadRequest($"Invalid value: '{(type.ValueKind == JsonValueKind.String ? type.GetString() : type.ToString())}'. Supported values are: 'email'.", "notification_channel.type", "invalid_value").Throw();
        if (!channel.TryGetProperty("recipients", out var recipients) || recipients.ValueKind == JsonValueKind.Null)
            throw ApiErrors.MissingParameter("notification_channel.recipients").Throw();
        if (recipients.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("notification_channel.recipients", "an array", recipients.ValueKind).Throw();
        var list = new List<string>();
        foreach (var r in recipients.EnumerateArray())
        {
            if (r.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType("notification_channel.recipients", "an array of strings", r.ValueKind).Throw();
            list.Add(r.GetString()!);
        }
        string? prefix = null;
        if (channel.TryGetProperty("subject_prefix", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType("notification_channel.subject_prefix", "a string", p.ValueKind).Throw();
            prefix = p.GetString();
        }
        return (threshold, currency, interval, new SpendAlertChannel("email", list, prefix));
    }

    private static long RequiredInteger(JsonBody body, string name, long min)
    {
        if (!body.Has(name)) throw ApiErrors.MissingParameter(name).Throw();
        var (_, value) = body.OptionalInteger(name, min);
        return value ?? throw ApiErrors.MissingParameter(name).Throw();
    }

    private static string RequiredEnum(JsonBody body, string name, string[] allowed)
    {
        var (_, value) = body.OptionalEnum(name, allowed);
        return value ?? throw ApiErrors.MissingParameter(name).Throw();
    }
}
