using System.Text.Json;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// POST /_emulator/seed {"samples": ["api_keys", "invites", "audit_logs"]}: each store that knows a sample name adds a
/// small, realistic set of its objects (keys of various ages, invites in every state, a week of audit history), so
/// examples show output on a fresh emulator. Start-OpenAiEmulator -SeedApiKeys/-SeedInvites/-SeedAuditLog send it.
/// A new area takes part by checking <see cref="Requested"/> for its own sample name in its IEmulatorSeeder.Seed.
/// </summary>
public static class SampleSeed
{
    /// <summary>True when the seed request's "samples" array names <paramref name="name"/>.</summary>
    public static bool Requested(JsonElement request, string name)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("samples", out var samples)) return false;
        if (samples.ValueKind != JsonValueKind.Array)
            throw ApiErrors.BadRequest("'samples' must be an array of sample names.", "samples").Throw();
        foreach (var s in samples.EnumerateArray())
            if (s.ValueKind == JsonValueKind.String && string.Equals(s.GetString(), name, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public const long Day = 86_400;
}
