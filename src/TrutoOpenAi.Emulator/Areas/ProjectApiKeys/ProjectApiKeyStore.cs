using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Areas.ServiceAccounts;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.ProjectApiKeys;

/// <summary>The spec's ProjectApiKey. The key value itself is never stored: only the redacted form.</summary>
public sealed record ProjectApiKey : IHasId
{
    public required string Id { get; init; }
    public string Object => "organization.project.api_key";
    public required string RedactedValue { get; init; }
    public required string Name { get; init; }
    public long CreatedAt { get; init; }
    public long? LastUsedAt { get; init; }
    public string OwnerProjectAccess { get; init; } = "active";
    public required ApiKeyOwner Owner { get; init; }

    [JsonIgnore] public string ProjectId { get; init; } = "";
}

public sealed record ApiKeyOwner
{
    public required string Type { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ApiKeyOwnerUser? User { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ApiKeyOwnerServiceAccount? ServiceAccount { get; init; }
}

public sealed record ApiKeyOwnerUser(string Id, string Email, string Name, long CreatedAt, string Role);

public sealed record ApiKeyOwnerServiceAccount(string Id, string Name, long CreatedAt, string Role);

/// <summary>
/// Project API keys, per project, oldest first. The API cannot create them (users create keys in the dashboard;
/// creating a service account creates its key), so they come from service accounts and from
/// POST /_emulator/seed {"project_api_keys": [{"project_id", "name", "created_at", "last_used_at", "owner_email",
/// "owner_project_access", "count"}]}.
/// </summary>
public sealed class ProjectApiKeyStore(EmulatorState state) : IEmulatorStore, IEmulatorSeeder
{
    private readonly ProjectScoped<ProjectApiKey> _byProject = new(state.Store<ProjectStore>());

    public void Reset()
    {
        _byProject.Clear();
    }

    /// <summary>The keys of a project (created on first use); 404 "No such project" for an unknown project.</summary>
    public OrderedStore<ProjectApiKey> For(string projectId) => _byProject.For(projectId);

    /// <summary>A new key value ("sk-proj-..." or "sk-svcacct-...") and its redacted form, like the dashboard shows it.</summary>
    public (string Value, string Redacted) NewValue(string prefix)
    {
        var value = state.Ids.New(prefix, 64);
        return (value, value[..(prefix.Length + 3)] + "..." + value[^4..]);
    }

    public ProjectApiKey AddForServiceAccount(string projectId, ApiKeyOwnerServiceAccount owner, string name, string redacted, long createdAt) =>
        For(projectId).Append(_ => new ProjectApiKey
        {
            Id = state.Ids.New("key_", 16),
            ProjectId = projectId,
            Name = name,
            RedactedValue = redacted,
            CreatedAt = createdAt,
            Owner = new ApiKeyOwner { Type = "service_account", ServiceAccount = owner },
        });

    /// <summary>Drops the keys a service account owns (deleting the account deletes its keys).</summary>
    public void RemoveOwnedBy(string projectId, string serviceAccountId)
    {
        var store = For(projectId);
        if (!store.TryPage(int.MaxValue, null, null, false, k => k.Owner.ServiceAccount?.Id == serviceAccountId, out var owned, out _, out _)) return;
        foreach (var key in owned) store.Remove(key.Id);
    }

    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        var samples = SampleSeed.Requested(request, "api_keys") ? SeedSamples() : 0;
        if (!request.TryGetProperty("project_api_keys", out var spec))
            return samples > 0 ? new Dictionary<string, object?> { ["project_api_keys"] = new { added = samples } } : null;
        if (spec.ValueKind != JsonValueKind.Array) throw ApiErrors.BadRequest("'project_api_keys' must be an array.", "project_api_keys").Throw();
        var added = 0;
        foreach (var item in spec.EnumerateArray())
        {
            var projectId = Str(item, "project_id") ?? throw ApiErrors.MissingParameter("project_id").Throw();
            var store = For(projectId);
            var count = item.TryGetProperty("count", out var c) && c.TryGetInt32(out var n) ? n : 1;
            var now = state.Clock.UnixSeconds;
            var lastUsed = item.TryGetProperty("last_used_at", out var lu) ? lu.ValueKind == JsonValueKind.Number ? lu.GetInt64() : (long?)null : now;
            var createdAt = item.TryGetProperty("created_at", out var ca) && ca.TryGetInt64(out var cat) ? cat : Math.Min(now, lastUsed ?? now);
            var email = Str(item, "owner_email") ?? "owner@emulator.local";
            var access = Str(item, "owner_project_access") ?? "active";
            for (var i = 0; i < count; i++)
            {
                var name = Str(item, "name") ?? "Secret key";
                if (count > 1) name += " " + (i + 1).ToString(CultureInfo.InvariantCulture);
                var (_, redacted) = NewValue("sk-proj-");
                store.Append(_ => new ProjectApiKey
                {
                    Id = state.Ids.New("key_", 16),
                    ProjectId = projectId,
                    Name = name,
                    RedactedValue = redacted,
                    CreatedAt = createdAt,
                    LastUsedAt = lastUsed,
                    OwnerProjectAccess = access,
                    Owner = new ApiKeyOwner
                    {
                        Type = "user",
                        User = new ApiKeyOwnerUser("user-" + StableSuffix(email), email, email.Split('@')[0], createdAt, "owner"),
                    },
                });
                added++;
            }
        }
        return new Dictionary<string, object?> { ["project_api_keys"] = new { added = added + samples } };
    }

    /// <summary>{"samples": ["api_keys"]}: in each of the first three active projects, user keys of every age (used
    /// yesterday; last used 120 days ago; never used, created 200 days ago; never used, created an hour ago) and a
    /// service account "legacy-exporter" whose key was last used 120 days ago.</summary>
    private int SeedSamples()
    {
        var projects = state.Store<ProjectStore>().Items.Snapshot().Where(p => p.Status == "active").Take(3).ToList();
        var accounts = state.Store<ServiceAccountStore>();
        var now = state.Clock.UnixSeconds;
        const long day = SampleSeed.Day;
        var added = 0;
        foreach (var project in projects)
        {
            var store = For(project.Id);
            void User(string name, long createdAt, long? lastUsedAt, string email)
            {
                var (_, redacted) = NewValue("sk-proj-");
                store.Append(_ => new ProjectApiKey
                {
                    Id = state.Ids.New("key_", 16), ProjectId = project.Id, Name = name, RedactedValue = redacted, CreatedAt = createdAt,
                    LastUsedAt = lastUsedAt,
                    Owner = new ApiKeyOwner { Type = "user", User = new ApiKeyOwnerUser("user-" + StableSuffix(email), email, email.Split('@')[0], createdAt, "owner") },
                });
                added++;
            }
            User("legacy-import", now - 300 * day, now - 120 * day, "admin@example.com");
            User("unused-old", now - 200 * day, null, "admin@example.com");
            var account = accounts.For(project.Id).Append(_ => new ServiceAccount { Id = state.Ids.New("svc_acct_", 16), Name = "legacy-exporter", CreatedAt = now - 250 * day });
            var (_, saRedacted) = NewValue("sk-svcacct-");
            var saKey = AddForServiceAccount(project.Id, new ApiKeyOwnerServiceAccount(account.Id, account.Name, account.CreatedAt, account.Role),
                "Secret Key", saRedacted, account.CreatedAt);
            store.Update(saKey.Id, k => k with { LastUsedAt = now - 120 * day });
            added++;
            User("ci-deploy", now - 30 * day, now - day, "admin@example.com");
            User("created-today", now - 3600, null, "admin@example.com");
        }
        return added;
    }

    private static string StableSuffix(string text)
    {
        var hash = 17L;
        foreach (var ch in text) hash = unchecked(hash * 31 + ch);
        return Math.Abs(hash).ToString("x", CultureInfo.InvariantCulture).PadLeft(12, '0')[..12];
    }

    internal static string? Str(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
