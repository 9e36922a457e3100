using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.RateLimits;

/// <summary>The spec's ProjectRateLimit; the optional limits are only present for the models they apply to.</summary>
public sealed record RateLimit : IHasId
{
    public required string Id { get; init; }
    public string Object => "project.rate_limit";
    public required string Model { get; init; }
    [JsonPropertyName("max_requests_per_1_minute")] public long MaxRequestsPer1Minute { get; init; }
    [JsonPropertyName("max_tokens_per_1_minute")] public long MaxTokensPer1Minute { get; init; }
    [JsonPropertyName("max_images_per_1_minute"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? MaxImagesPer1Minute { get; init; }
    [JsonPropertyName("max_audio_megabytes_per_1_minute"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? MaxAudioMegabytesPer1Minute { get; init; }
    [JsonPropertyName("max_requests_per_1_day"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? MaxRequestsPer1Day { get; init; }
    [JsonPropertyName("batch_1_day_max_input_tokens"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? Batch1DayMaxInputTokens { get; init; }
}

/// <summary>
/// Rate limits per project: like the API, every project has one rate limit per model, created with the organisation's
/// limits (the ceiling a project limit may not exceed) the first time the project's limits are read. Ids are
/// "rl_" + model, as in the spec's example (rl_ada).
/// </summary>
public sealed class RateLimitStore(EmulatorState state) : IEmulatorStore
{
    /// <summary>The organisation's limits per model (a tier-5-like organisation): the defaults and the ceilings.</summary>
    public static readonly RateLimit[] OrganizationLimits =
    [
        Limit("gpt-4o", 10_000, 30_000_000, batch: 5_000_000_000),
        Limit("gpt-4o-mini", 30_000, 150_000_000, batch: 15_000_000_000),
        Limit("gpt-4.1", 10_000, 30_000_000, batch: 15_000_000_000),
        Limit("gpt-4.1-mini", 30_000, 150_000_000, batch: 15_000_000_000),
        Limit("gpt-4.1-nano", 30_000, 150_000_000, batch: 15_000_000_000),
        Limit("gpt-4-turbo", 10_000, 2_000_000, batch: 300_000_000),
        Limit("gpt-3.5-turbo", 10_000, 50_000_000, batch: 10_000_000_000),
        Limit("o3", 10_000, 30_000_000, batch: 5_000_000_000),
        Limit("o4-mini", 30_000, 150_000_000, batch: 15_000_000_000),
        Limit("text-embedding-3-small", 10_000, 10_000_000, batch: 5_000_000_000),
        Limit("text-embedding-3-large", 10_000, 10_000_000, batch: 5_000_000_000),
        Limit("dall-e-3", 10_000, 0, images: 10_000),
        Limit("gpt-image-1", 250, 8_000_000, images: 250),
        Limit("whisper-1", 10_000, 0, audioMb: 2_000),
        Limit("tts-1", 10_000, 0, perDay: 1_000_000),
        Limit("omni-moderation-latest", 1_000, 50_000),
    ];

    private readonly ProjectScoped<RateLimit> _byProject = new(state.Store<ProjectStore>(), static () => OrganizationLimits);

    public void Reset()
    {
        _byProject.Clear();
    }

    public OrderedStore<RateLimit> For(string projectId) => _byProject.For(projectId);

    public static RateLimit? Ceiling(string model) => Array.Find(OrganizationLimits, l => l.Model == model);

    private static RateLimit Limit(string model, long rpm, long tpm, long? batch = null, long? images = null, long? audioMb = null, long? perDay = null) => new()
    {
        Id = "rl_" + model,
        Model = model,
        MaxRequestsPer1Minute = rpm,
        MaxTokensPer1Minute = tpm,
        Batch1DayMaxInputTokens = batch,
        MaxImagesPer1Minute = images,
        MaxAudioMegabytesPer1Minute = audioMb,
        MaxRequestsPer1Day = perDay,
    };
}
