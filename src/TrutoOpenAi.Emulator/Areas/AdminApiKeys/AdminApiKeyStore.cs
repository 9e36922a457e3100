using System.Text.Json;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.AdminApiKeys;

/// <summary>The spec's AdminApiKey (the value is never stored, only its redacted form).</summary>
public sealed record AdminApiKey : IHasId
{
    public required string Id { get; init; }
    public string Object => "organization.admin_api_key";
    public string? Name { get; init; }
    public required string RedactedValue { get; init; }
    public long CreatedAt { get; init; }
    public long? ExpiresAt { get; init; }
    public long? LastUsedAt { get; init; }
    public AdminKeyOwner Owner { get; init; } = AdminKeyOwner.Emulator;
}

public sealed record AdminKeyOwner(string Type, string Object, string Id, string Name, long CreatedAt, string Role)
{
    public static readonly AdminKeyOwner Emulator = new("user", "organization.user", "user-emulatoradmin", "Emulator Admin", 1_700_000_000, "owner");
}

/// <summary>
/// The organisation's admin API keys, oldest first. Startup: one key, "Emulator admin key", standing for the key the
/// tests use. Seed more with POST /_emulator/seed {"admin_api_keys": [{"name", "created_at", "last_used_at", "expires_at"}]}.
/// </summary>
public sealed class AdminApiKeyStore(EmulatorState state) : IEmulatorStore, IEmulatorSeeder
{
    public OrderedStore<AdminApiKey> Items { get; } = new();

    public void Reset()
    {
        Items.Clear();
        var now = state.Clock.UnixSeconds;
        Items.TryAdd(new AdminApiKey { Id = state.Ids.New("key_", 16), Name = "Emulator admin key", RedactedValue = "sk-admin...emu", CreatedAt = now, LastUsedAt = now });
    }

    public (string Value, string Redacted) NewValue()
    {
        var value = state.Ids.New("sk-admin-", 64);
        return (value, "sk-admin..." + value[^3..]);
    }

    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        var seeded = new List<(string? Name, long? CreatedAt, long? LastUsedAt, long? ExpiresAt)>();
        var now = state.Clock.UnixSeconds;
        if (SampleSeed.Requested(request, "api_keys"))
        {
            const long day = SampleSeed.Day;
            seeded.Add(("ci-never-used", now - 100 * day, null, null));
            seeded.Add(("ci-retired", now - 200 * day, now - 60 * day, null));
            seeded.Add(("ci-nightly", now - 90 * day, now - day, null));
            seeded.Add(("ci-created-today", now - 3600, null, now + 30 * day));
        }
        if (request.TryGetProperty("admin_api_keys", out var spec))
        {
            if (spec.ValueKind != JsonValueKind.Array) throw ApiErrors.BadRequest("'admin_api_keys' must be an array.", "admin_api_keys").Throw();
            foreach (var item in spec.EnumerateArray())
            {
                long? Long(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
                seeded.Add((item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : "Seeded admin key",
                    Long("created_at") ?? now, Long("last_used_at"), Long("expires_at")));
            }
        }
        if (seeded.Count == 0) return null;
        // The list is oldest first: keep it sorted by creation time, whatever order the keys were seeded in.
        var all = Items.Snapshot();
        foreach (var (name, createdAt, lastUsedAt, expiresAt) in seeded)
        {
            var (_, redacted) = NewValue();
            all.Add(new AdminApiKey
            {
                Id = state.Ids.New("key_", 16), Name = name, RedactedValue = redacted, CreatedAt = createdAt ?? now,
                LastUsedAt = lastUsedAt, ExpiresAt = expiresAt,
            });
        }
        Items.Clear();
        Items.AddRange(all.OrderBy(k => k.CreatedAt));
        return new Dictionary<string, object?> { ["admin_api_keys"] = new { added = seeded.Count, total = Items.Count } };
    }
}
