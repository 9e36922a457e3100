using TrutoOpenAi.Core.Models.Access;
using System.Globalization;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.AuditLogs;

/// <summary>
/// Audit logs (list-audit-logs): GET /organization/audit_logs, newest first; limit 1-100 (default 20), after, before;
/// filters effective_at[gt|gte|lt|lte] (unix seconds), project_ids[], event_types[], actor_ids[], actor_emails[],
/// resource_ids[] (each also accepted without the brackets), tenant_only.
/// </summary>
public sealed class AuditLogsArea : IEmulatorArea
{
    private static readonly ListSpec ListSpec = new(DefaultLimit: 20, MinLimit: 1, MaxLimit: 100, SupportsBefore: true);

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<AuditLogStore>();
        v1.MapGet("/organization/audit_logs", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, ListSpec);
            var filter = Filter(request);
            return Results.Json(store.Page(query, filter), EmulatorJson.Options);
        });
    }

    private static Func<AuditLogEvent, bool> Filter(HttpRequest request)
    {
        long? gt = Seconds(request, "gt"), gte = Seconds(request, "gte"), lt = Seconds(request, "lt"), lte = Seconds(request, "lte");
        var projects = Set(request, "project_ids");
        var types = Set(request, "event_types");
        foreach (var type in types ?? [])
            if (!AuditLogStore.EventTypes.Contains(type))
                throw ApiErrors.BadRequest($"Invalid value: '{type}' is not a supported audit log event type.", "event_types[]", "invalid_value").Throw();
        var actors = Set(request, "actor_ids");
        var emails = Set(request, "actor_emails", StringComparer.OrdinalIgnoreCase);
        var resources = Set(request, "resource_ids");
        var tenantOnly = ListQuery.ParseBool(request, "tenant_only", false);
        if (tenantOnly && types?.FirstOrDefault(t => !AuditLogEventTypes.IsTenantScoped(t)) is { } notTenant)
            throw ApiErrors.BadRequest($"With tenant_only=true every event type must be tenant-scoped; '{notTenant}' is not.", "event_types[]", "invalid_value").Throw();

        return e =>
            (gt is null || e.EffectiveAt > gt) && (gte is null || e.EffectiveAt >= gte) &&
            (lt is null || e.EffectiveAt < lt) && (lte is null || e.EffectiveAt <= lte) &&
            (projects is null || e.ProjectId is not null && projects.Contains(e.ProjectId)) &&
            (types is null || types.Contains(e.Type)) &&
            (actors is null || actors.Contains(e.ActorId)) &&
            (emails is null || e.ActorEmail is not null && emails.Contains(e.ActorEmail)) &&
            (resources is null || e.ResourceIds.Any(resources.Contains)) &&
            AuditLogEventTypes.IsTenantScoped(e.Type) == tenantOnly;
    }

    private static long? Seconds(HttpRequest request, string op)
    {
        var name = $"effective_at[{op}]";
        if (!request.Query.TryGetValue(name, out var raw)) return null;
        var text = raw[0] ?? "";
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw ApiErrors.BadRequest($"Invalid '{name}': expected an integer (unix seconds), but got '{text}' instead.", name, "invalid_type").Throw();
        return value;
    }

    private static HashSet<string>? Set(HttpRequest request, string name, StringComparer? comparer = null)
    {
        var values = request.Query[name + "[]"].Concat(request.Query[name]).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
        return values.Count == 0 ? null : new HashSet<string>(values, comparer ?? StringComparer.Ordinal);
    }
}
