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
        if (!request.TryGetProperty("admin_api_keys", out var spec)) return null;
        if (spec.ValueKind != JsonValueKind.Array) throw ApiErrors.BadRequest("'admin_api_keys' must be an array.", "admin_api_keys").Throw();
        var added = 0;
        foreach (var item in spec.EnumerateArray())
        {
            long? Long(string name) => item.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;
            var now = state.Clock.UnixSeconds;
            var (_, redacted) = NewValue();
            Items.Append(last => new AdminApiKey
            {
                Id = state.Ids.New("key_", 16),
                Name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : "Seeded admin key",
                RedactedValue = redacted,
                CreatedAt = Math.Max(Long("created_at") ?? now, last?.CreatedAt ?? 0),
                LastUsedAt = Long("last_used_at"),
                ExpiresAt = Long("expires_at"),
            });
            added++;
        }
        return new Dictionary<string, object?> { ["admin_api_keys"] = new { added, total = Items.Count } };
    }
}
