using System.Text.Json;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Models;

/// <summary>The spec's Model: id, object "model", created, owned_by (shutdown_date only when announced).</summary>
public sealed record Model : IHasId
{
    public required string Id { get; init; }
    public string Object => "model";
    public long Created { get; init; }
    public required string OwnedBy { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ShutdownDate { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFineTuned => Id.StartsWith("ft:", StringComparison.Ordinal);
}

/// <summary>
/// Models visible to the API key: realistic base models (owned by openai, system, openai-internal) and one fine-tuned
/// model of the organization, <c>ft:gpt-4o-mini:org::abc</c>. Seed more fine-tuned models with
/// <c>POST /_emulator/seed {"fine_tuned_models": N}</c> (ids <c>ft:gpt-4o-mini-2024-07-18:org::seed00001</c>...).
/// </summary>
public sealed class ModelStore(EmulatorState state) : IEmulatorStore, IEmulatorSeeder
{
    public const string Organization = "org-emulator";

    private static readonly (string Id, long Created, string OwnedBy)[] BaseModels =
    {
        ("gpt-3.5-turbo", 1677610602, "openai"),
        ("gpt-4", 1687882411, "openai"),
        ("gpt-4-turbo", 1712361441, "system"),
        ("gpt-4o", 1715367049, "system"),
        ("gpt-4o-2024-08-06", 1722814719, "system"),
        ("gpt-4o-mini", 1721172741, "system"),
        ("gpt-4o-mini-2024-07-18", 1721172717, "system"),
        ("gpt-4.1", 1744316542, "system"),
        ("gpt-4.1-mini", 1744318173, "system"),
        ("gpt-4.1-nano", 1744321707, "system"),
        ("o3-mini", 1737146383, "system"),
        ("o3", 1744225308, "system"),
        ("o4-mini", 1744225351, "system"),
        ("text-embedding-3-small", 1705948997, "system"),
        ("text-embedding-3-large", 1705953180, "system"),
        ("text-embedding-ada-002", 1671217299, "openai-internal"),
        ("omni-moderation-latest", 1731689265, "system"),
        ("whisper-1", 1677532384, "openai-internal"),
        ("tts-1", 1681940951, "openai-internal"),
        ("dall-e-3", 1698785189, "system"),
        ("babbage-002", 1692634615, "system"),
        ("davinci-002", 1692634301, "system"),
    };

    private int _seeded;

    public OrderedStore<Model> Items { get; } = new();

    public void Reset()
    {
        Items.Clear();
        _seeded = 0;
        Items.AddRange(BaseModels.Select(m => new Model { Id = m.Id, Created = m.Created, OwnedBy = m.OwnedBy }));
        Items.TryAdd(new Model { Id = "ft:gpt-4o-mini:org::abc", Created = state.Clock.UnixSeconds - 86400, OwnedBy = Organization });
    }

    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        if (!request.TryGetProperty("fine_tuned_models", out var count) || count.ValueKind != JsonValueKind.Number) return null;
        var n = count.GetInt32();
        var added = 0;
        for (var i = 0; i < n; i++)
        {
            var number = Interlocked.Increment(ref _seeded);
            if (Items.TryAdd(new Model { Id = $"ft:gpt-4o-mini-2024-07-18:org::seed{number:00000}", Created = state.Clock.UnixSeconds, OwnedBy = Organization })) added++;
        }
        return new Dictionary<string, object?> { ["fine_tuned_models"] = new { added, total = Items.Count } };
    }
}
