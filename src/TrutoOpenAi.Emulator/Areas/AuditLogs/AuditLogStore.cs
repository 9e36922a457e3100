using TrutoOpenAi.Core.Models.Access;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.AuditLogs;

/// <summary>One audit log event (components/schemas/AuditLog). <see cref="Details"/> is the payload written under the
/// property named after <see cref="Type"/>, e.g. "project.created": {"id": ..., "data": {"name": ...}}.</summary>
public sealed record AuditLogEvent(
    string Id, string Type, long EffectiveAt, string? ProjectId, string? ProjectName,
    string ActorId, string? ActorEmail, string ActorType, JsonObject Details, IReadOnlyList<string> ResourceIds, long Seq)
{
    /// <summary>The API shape: id, type, effective_at, project (when scoped), actor, and the type-named details.</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["effective_at"] = EffectiveAt,
        };
        if (ProjectId is not null) o["project"] = new JsonObject { ["id"] = ProjectId, ["name"] = ProjectName };
        var user = new JsonObject { ["id"] = ActorId, ["email"] = ActorEmail };
        o["actor"] = ActorType == "session"
            ? new JsonObject { ["type"] = "session", ["session"] = new JsonObject { ["user"] = user, ["ip_address"] = "127.0.0.1" } }
            : new JsonObject
            {
                ["type"] = "api_key",
                ["api_key"] = new JsonObject { ["id"] = "key_emulatoradmin0000", ["type"] = "user", ["user"] = user },
            };
        o[Type] = Details.DeepClone();
        return o;
    }
}

/// <summary>
/// The organisation's audit log, newest first. Areas call <see cref="Record"/> for the changes they perform (the
/// actor is the admin key owner, like a change made through the Admin API); tests seed older events through
/// POST /_emulator/seed {"audit_logs": [{"type", "effective_at", "project_id", "actor_id", "actor_email", "resource_id"}]}
/// or {"audit_logs": N}. Ids come from a generator of their own, so recording events never shifts the ids of other
/// resources under --seed-random.
/// </summary>
public sealed class AuditLogStore : IEmulatorStore, IEmulatorSeeder
{
    public const string ActorUserId = "user-emulatoradmin";
    public const string ActorEmail = "admin@emulator.local";

    /// <summary>The spec's AuditLogEventType enum.</summary>
    public static readonly HashSet<string> EventTypes = new(AuditLogEventTypes.All, StringComparer.Ordinal);

    private readonly EmulatorState _state;
    private readonly ProjectStore _projects;
    private readonly object _gate = new();
    private readonly List<AuditLogEvent> _events = new(); // sorted by (effective_at, seq) ascending
    private IdGenerator _ids;
    private long _seq;

    public AuditLogStore(EmulatorState state)
    {
        _state = state;
        _projects = state.Store<ProjectStore>();
        _ids = new IdGenerator(state.Options.SeedRandom is { } s ? unchecked(s * 31 + 7) : null);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _events.Clear();
            _seq = 0;
            _ids = new IdGenerator(_state.Options.SeedRandom is { } s ? unchecked(s * 31 + 7) : null);
        }
    }

    /// <summary>Append an event for a change the emulator performed now. <paramref name="projectId"/> scopes it
    /// (admin-key actions without a project are associated with the default project, as the spec notes).</summary>
    public void Record(string type, JsonObject details, string? projectId = null, params string[] resourceIds)
    {
        var project = projectId is null ? _projects.Items.Get(FirstProjectId() ?? "") : _projects.Get(projectId);
        Add(type, _state.Clock.UnixSeconds, project?.Id ?? projectId, project?.Name, ActorUserId, ActorEmail, "api_key", details,
            resourceIds.Length > 0 ? resourceIds : details["id"] is JsonValue v ? [v.ToString()] : []);
    }

    private string? FirstProjectId()
    {
        return _projects.Items.TryPage(1, null, null, false, static p => p.IsDefault, out var page, out _, out _) && page.Count > 0
            ? page[0].Id
            : _projects.Items.TryPage(1, null, null, false, null, out var any, out _, out _) && any.Count > 0 ? any[0].Id : null;
    }

    private AuditLogEvent Add(string type, long effectiveAt, string? projectId, string? projectName, string actorId, string? actorEmail,
        string actorType, JsonObject details, IReadOnlyList<string> resourceIds)
    {
        lock (_gate)
        {
            var e = new AuditLogEvent(_ids.New("audit_log-", 12), type, effectiveAt, projectId, projectName, actorId, actorEmail, actorType,
                details, resourceIds, ++_seq);
            // Keep (effective_at, seq) order: seeded events may be older than recorded ones.
            var index = _events.Count;
            while (index > 0 && _events[index - 1].EffectiveAt > effectiveAt) index--;
            _events.Insert(index, e);
            return e;
        }
    }

    /// <summary>A newest-first page of the events matching <paramref name="filter"/>, with after/before cursors (event ids).</summary>
    public ListResponse<JsonObject> Page(ListQuery query, Func<AuditLogEvent, bool> filter)
    {
        lock (_gate)
        {
            var newestFirst = Enumerable.Range(0, _events.Count).Select(i => _events[_events.Count - 1 - i]).ToList();
            int lo = 0, hi = newestFirst.Count;
            if (query.After is { } after)
            {
                var at = newestFirst.FindIndex(e => e.Id == after);
                if (at < 0) throw ApiErrors.BadRequest($"Invalid 'after': no object with id '{after}' in this list.", "after", "invalid_value").Throw();
                lo = at + 1;
            }
            if (query.Before is { } before)
            {
                var at = newestFirst.FindIndex(e => e.Id == before);
                if (at < 0) throw ApiErrors.BadRequest($"Invalid 'before': no object with id '{before}' in this list.", "before", "invalid_value").Throw();
                hi = Math.Min(hi, at);
            }
            var window = newestFirst.Skip(lo).Take(Math.Max(0, hi - lo)).Where(filter).ToList();
            // With only "before", the page is the items right before the cursor.
            var page = query.Before is not null && query.After is null
                ? window.Skip(Math.Max(0, window.Count - query.Limit)).ToList()
                : window.Take(query.Limit).ToList();
            var hasMore = query.Before is not null && query.After is null ? window.Count > page.Count : window.Count > page.Count;
            return new ListResponse<JsonObject>
            {
                Data = page.Select(e => e.ToJson()).ToList(),
                FirstId = page.Count > 0 ? page[0].Id : null,
                LastId = page.Count > 0 ? page[^1].Id : null,
                HasMore = hasMore,
            };
        }
    }

    public int Count { get { lock (_gate) { return _events.Count; } } }

    /// <summary>POST /_emulator/seed {"audit_logs": N | [{"type", "effective_at", "project_id", "actor_id", "actor_email", "resource_id", "session"}]}.</summary>
    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        var samples = SampleSeed.Requested(request, "audit_logs") ? SeedSamples() : 0;
        if (!request.TryGetProperty("audit_logs", out var spec))
            return samples > 0 ? new Dictionary<string, object?> { ["audit_logs"] = new { added = samples, total = Count } } : null;
        var added = samples;
        if (spec.ValueKind == JsonValueKind.Number && spec.TryGetInt32(out var count) && count >= 0 && count <= 100_000)
        {
            var now = _state.Clock.UnixSeconds;
            for (var i = 0; i < count; i++)
            {
                var id = "proj_seed" + i.ToString("D6", CultureInfo.InvariantCulture);
                Add("project.updated", now - (count - i) * 60L, null, null, ActorUserId, ActorEmail, "api_key",
                    new JsonObject { ["id"] = id, ["changes_requested"] = new JsonObject { ["title"] = "seeded " + i } }, [id]);
                added++;
            }
        }
        else if (spec.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in spec.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) throw ApiErrors.BadRequest("Each audit_logs entry must be an object.", "audit_logs").Throw();
                var type = Str(item, "type") ?? "project.updated";
                if (!EventTypes.Contains(type)) throw ApiErrors.BadRequest($"Unknown audit log event type '{type}'.", "audit_logs").Throw();
                var effectiveAt = item.TryGetProperty("effective_at", out var ea) && ea.TryGetInt64(out var t) ? t : _state.Clock.UnixSeconds;
                var projectId = Str(item, "project_id");
                var project = projectId is null ? null : _projects.Get(projectId);
                var resourceId = Str(item, "resource_id") ?? projectId ?? _ids.New("res_", 12);
                var details = item.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object
                    ? JsonNode.Parse(d.GetRawText())!.AsObject()
                    : new JsonObject { ["id"] = resourceId };
                Add(type, effectiveAt, projectId, project?.Name ?? Str(item, "project_name"), Str(item, "actor_id") ?? ActorUserId,
                    Str(item, "actor_email") ?? ActorEmail, item.TryGetProperty("session", out var s) && s.ValueKind == JsonValueKind.True ? "session" : "api_key",
                    details, [resourceId]);
                added++;
            }
        }
        else throw ApiErrors.BadRequest("'audit_logs' must be a count (0-100000) or an array of events.", "audit_logs").Throw();
        return new Dictionary<string, object?> { ["audit_logs"] = new { added, total = Count } };
    }

    /// <summary>{"samples": ["audit_logs"]}: a week of history about the first project: logins, key and invite changes,
    /// a rate limit update and a role binding, some by a dashboard session and some by an admin key.</summary>
    private int SeedSamples()
    {
        var project = _projects.Items.Get(FirstProjectId() ?? "");
        var now = _state.Clock.UnixSeconds;
        const long hour = 3600;
        var events = new (string Type, long Ago, bool Session, JsonObject Details)[]
        {
            ("login.succeeded", 7 * 24 * hour, true, new JsonObject()),
            ("project.updated", 6 * 24 * hour, true, new JsonObject { ["id"] = project?.Id, ["changes_requested"] = new JsonObject { ["title"] = project?.Name } }),
            ("invite.sent", 5 * 24 * hour, true, new JsonObject { ["id"] = "invite-sample0001", ["data"] = new JsonObject { ["email"] = "new.hire@example.com", ["role"] = "reader" } }),
            ("api_key.created", 4 * 24 * hour, false, new JsonObject { ["id"] = "key_sample0001", ["data"] = new JsonObject { ["scopes"] = new JsonArray("/v1/*") } }),
            ("rate_limit.updated", 3 * 24 * hour, false, new JsonObject { ["id"] = "rl-gpt-4o", ["changes_requested"] = new JsonObject { ["max_requests_per_1_minute"] = 500 } }),
            ("login.failed", 2 * 24 * hour, true, new JsonObject { ["error_code"] = "invalid_credentials", ["error_message"] = "Wrong password" }),
            ("service_account.created", 36 * hour, false, new JsonObject { ["id"] = "svc_acct_sample0001", ["data"] = new JsonObject { ["role"] = "member" } }),
            ("api_key.deleted", 20 * hour, false, new JsonObject { ["id"] = "key_sample0002" }),
            ("logout.succeeded", 2 * hour, true, new JsonObject()),
        };
        foreach (var (type, ago, session, details) in events)
        {
            var resource = details["id"] is JsonValue v ? v.ToString() : _ids.New("res_", 12);
            Add(type, now - ago, project?.Id, project?.Name, ActorUserId, ActorEmail, session ? "session" : "api_key", details, [resource]);
        }
        return events.Length;
    }

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
