using System.Globalization;
using TrutoOpenAi.Emulator.Areas.Projects;

namespace TrutoOpenAi.Emulator.Areas.Usage;

/// <summary>
/// One unit of generated usage: every dimension the API can group by, and the endpoint's measures (in the order of
/// <see cref="UsageEndpointDef.Measures"/>). Grouping sums atoms; filtering drops them.
/// </summary>
public sealed record UsageAtom(string ProjectId, decimal[] Measures)
{
    public string? UserId { get; init; }
    public string? ApiKeyId { get; init; }
    public string? Model { get; init; }
    public bool? Batch { get; init; }
    public string? ServiceTier { get; init; }
    public string? Source { get; init; }
    public string? Size { get; init; }
    public string? VectorStoreId { get; init; }
    public string? ContextLevel { get; init; }
    public string? LineItem { get; init; }
    public string? QuantityUnit { get; init; }
}

/// <summary>
/// Deterministic usage for the emulator's projects: every value is a hash of (endpoint, project, variant, user,
/// bucket start, bucket length), so the same query always answers the same, across runs and resets. Values scale
/// with the bucket length (a 1h bucket holds about 1/24 of a day), stop at the emulator's "now", and some projects
/// spend far more than others (one in seven "runs away" in the last five days) so that reports have something to show.
/// Costs are priced from the same daily usage, so a project's cost follows its tokens.
/// </summary>
public static class UsageGenerator
{
    public const long Day = 86_400;

    public static readonly string[] CompletionModels = ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18"];

    /// <summary>Two users per project, each with its own API key.</summary>
    public static (string User, string Key)[] Principals(string projectId) =>
    [
        ("user-" + Hex(projectId, "u0"), "key_" + Hex(projectId, "k0")),
        ("user-" + Hex(projectId, "u1"), "key_" + Hex(projectId, "k1")),
    ];

    public static string[] VectorStores(string projectId) => ["vs_" + Hex(projectId, "vs0"), "vs_" + Hex(projectId, "vs1")];

    /// <summary>The atoms of one endpoint in [start, start + length), for the given projects; nothing at or after <paramref name="now"/>.</summary>
    public static IEnumerable<UsageAtom> Atoms(UsageEndpointDef endpoint, IReadOnlyList<Project> projects, long start, long length, long now)
    {
        var effective = Math.Min(start + length, now) - start;
        if (effective <= 0) yield break;
        foreach (var project in projects)
        {
            var atoms = endpoint.Name == "costs" ? CostAtoms(project.Id, start, length, effective, now) : UsageAtoms(endpoint.Name, project.Id, start, length, effective, now);
            foreach (var atom in atoms) yield return atom;
        }
    }

    private static IEnumerable<UsageAtom> UsageAtoms(string endpoint, string projectId, long start, long length, long effective, long now)
    {
        var scale = ProjectScale(projectId, start, now) * effective / (double)Day;
        var principals = Principals(projectId);
        for (var u = 0; u < principals.Length; u++)
        {
            var (user, key) = principals[u];
            var share = u == 0 ? 0.65 : 0.35;
            string Seed(string variant) => string.Join('|', endpoint, projectId, variant, u.ToString(CultureInfo.InvariantCulture),
                start.ToString(CultureInfo.InvariantCulture), length.ToString(CultureInfo.InvariantCulture));
            bool Active(string variant) => Unit(Seed(variant) + "|on") < 0.85;
            double Jitter(string variant, string measure) => 0.6 + 0.8 * Unit(Seed(variant) + "|" + measure);
            long Amount(string variant, string measure, double perDay) => (long)Math.Round(perDay * scale * share * Jitter(variant, measure));

            switch (endpoint)
            {
                case "completions":
                    foreach (var model in CompletionModels)
                    {
                        var perDay = model.StartsWith("gpt-4o-mini", StringComparison.Ordinal) ? 1_500_000.0 : 400_000.0;
                        foreach (var (batch, tier, weight) in new[] { (false, "default", 1.0), (true, "default", 0.2), (false, "flex", 0.1) })
                        {
                            var variant = model + "|" + batch + "|" + tier;
                            if (!Active(variant)) continue;
                            var input = Amount(variant, "in", perDay * weight);
                            if (input <= 0) continue;
                            var output = (long)(input * (0.15 + 0.2 * Unit(Seed(variant) + "|out")));
                            var cached = (long)(input * (0.2 + 0.2 * Unit(Seed(variant) + "|cached")));
                            var requests = Math.Max(1, input / (800 + (long)(1200 * Unit(Seed(variant) + "|req"))));
                            // input_tokens, output_tokens, input_cached_tokens, input_audio_tokens, output_audio_tokens, num_model_requests
                            yield return new UsageAtom(projectId, [input, output, cached, 0, 0, requests])
                            { UserId = user, ApiKeyId = key, Model = model, Batch = batch, ServiceTier = tier };
                        }
                    }
                    break;
                case "embeddings":
                case "moderations":
                {
                    var model = endpoint == "embeddings" ? "text-embedding-3-small" : "omni-moderation-latest";
                    if (!Active(model)) break;
                    var input = Amount(model, "in", endpoint == "embeddings" ? 2_000_000 : 300_000);
                    if (input <= 0) break;
                    yield return new UsageAtom(projectId, [input, Math.Max(1, input / 500)]) { UserId = user, ApiKeyId = key, Model = model };
                    break;
                }
                case "images":
                    foreach (var (model, source, size, perDay) in new[]
                             { ("dall-e-3", "image.generation", "1024x1024", 24.0), ("dall-e-3", "image.generation", "1792x1792", 6.0), ("dall-e-2", "image.edit", "512x512", 10.0) })
                    {
                        var variant = model + "|" + source + "|" + size;
                        if (!Active(variant)) continue;
                        var images = Amount(variant, "n", perDay);
                        if (images <= 0) continue;
                        yield return new UsageAtom(projectId, [images, images]) { UserId = user, ApiKeyId = key, Model = model, Source = source, Size = size };
                    }
                    break;
                case "audio_speeches":
                {
                    if (!Active("tts-1")) break;
                    var characters = Amount("tts-1", "chars", 40_000);
                    if (characters <= 0) break;
                    yield return new UsageAtom(projectId, [characters, Math.Max(1, characters / 400)]) { UserId = user, ApiKeyId = key, Model = "tts-1" };
                    break;
                }
                case "audio_transcriptions":
                {
                    if (!Active("whisper-1")) break;
                    var seconds = Amount("whisper-1", "sec", 3_000);
                    if (seconds <= 0) break;
                    yield return new UsageAtom(projectId, [seconds, Math.Max(1, seconds / 60)]) { UserId = user, ApiKeyId = key, Model = "whisper-1" };
                    break;
                }
                case "vector_stores":
                {
                    // Storage is a level, not a flow: it does not shrink with the bucket, only with the part before now.
                    if (u > 0 || effective <= 0) break;
                    var bytes = (long)((50 + 450 * Unit(projectId + "|bytes")) * 1_048_576 * (0.95 + 0.1 * Unit(Seed("vs") + "|b")));
                    yield return new UsageAtom(projectId, [bytes]);
                    break;
                }
                case "code_interpreter_sessions":
                {
                    if (u > 0 || !Active("ci")) break;
                    var sessions = Amount("ci", "n", 8);
                    if (sessions <= 0) break;
                    yield return new UsageAtom(projectId, [sessions]);
                    break;
                }
                case "file_search_calls":
                    foreach (var store in VectorStores(projectId))
                    {
                        if (!Active(store)) continue;
                        var calls = Amount(store, "n", 120);
                        if (calls <= 0) continue;
                        yield return new UsageAtom(projectId, [calls]) { UserId = user, ApiKeyId = key, VectorStoreId = store };
                    }
                    break;
                case "web_search_calls":
                    foreach (var (level, perDay) in new[] { ("low", 20.0), ("medium", 40.0), ("high", 8.0) })
                    {
                        var variant = "gpt-4o-2024-08-06|" + level;
                        if (!Active(variant)) continue;
                        var calls = Amount(variant, "n", perDay);
                        if (calls <= 0) continue;
                        yield return new UsageAtom(projectId, [calls, calls]) { UserId = user, ApiKeyId = key, Model = "gpt-4o-2024-08-06", ContextLevel = level };
                    }
                    break;
            }
        }
    }

    /// <summary>Line items priced from the same bucket's usage (list prices per unit, amounts rounded to 6 decimals).</summary>
    private static IEnumerable<UsageAtom> CostAtoms(string projectId, long start, long length, long effective, long now)
    {
        UsageAtom Cost(UsageAtom source, string lineItem, decimal quantity, string unit, decimal pricePerUnit) =>
            new(projectId, [Math.Round(quantity * pricePerUnit, 6), quantity]) { ApiKeyId = source.ApiKeyId, LineItem = lineItem, QuantityUnit = unit };

        foreach (var a in UsageAtoms("completions", projectId, start, length, effective, now))
        {
            var mini = a.Model!.StartsWith("gpt-4o-mini", StringComparison.Ordinal);
            var discount = a.Batch == true ? 0.5m : a.ServiceTier == "flex" ? 0.5m : 1m;
            yield return Cost(a, a.Model + ", input", a.Measures[0], "tokens", (mini ? 0.15m : 2.50m) / 1_000_000m * discount);
            yield return Cost(a, a.Model + ", output", a.Measures[1], "tokens", (mini ? 0.60m : 10.00m) / 1_000_000m * discount);
        }
        foreach (var a in UsageAtoms("embeddings", projectId, start, length, effective, now))
            yield return Cost(a, a.Model!, a.Measures[0], "tokens", 0.02m / 1_000_000m);
        foreach (var a in UsageAtoms("images", projectId, start, length, effective, now))
            yield return Cost(a, a.Model + ", " + a.Size, a.Measures[0], "images", a.Size == "512x512" ? 0.018m : a.Size == "1024x1024" ? 0.04m : 0.08m);
        foreach (var a in UsageAtoms("audio_speeches", projectId, start, length, effective, now))
            yield return Cost(a, "tts-1", a.Measures[0], "characters", 15m / 1_000_000m);
        foreach (var a in UsageAtoms("audio_transcriptions", projectId, start, length, effective, now))
            yield return Cost(a, "whisper-1", Math.Round(a.Measures[0] / 60m, 4), "duration_minutes", 0.006m);
        foreach (var a in UsageAtoms("vector_stores", projectId, start, length, effective, now))
            yield return Cost(a, "vector store storage", Math.Round(a.Measures[0] / 1_073_741_824m * effective / 3600m, 4), "gibibyte_hours", 0.10m / 24m);
        foreach (var a in UsageAtoms("code_interpreter_sessions", projectId, start, length, effective, now))
            yield return Cost(a, "code interpreter sessions", a.Measures[0], "sessions", 0.03m) with { QuantityUnit = null };
        foreach (var a in UsageAtoms("file_search_calls", projectId, start, length, effective, now))
            yield return Cost(a, "file search tool calls", a.Measures[0], "calls", 0.0025m) with { QuantityUnit = null };
        foreach (var a in UsageAtoms("web_search_calls", projectId, start, length, effective, now))
            yield return Cost(a, "web search tool calls", a.Measures[0], "calls", 0.01m) with { QuantityUnit = null };
    }

    /// <summary>How much a project uses: 0.2x to 3x, with one project in seven running away (x6) in the last five days before now.</summary>
    private static double ProjectScale(string projectId, long bucketStart, long now)
    {
        var scale = 0.2 + 2.8 * Unit(projectId + "|scale");
        if (Unit(projectId + "|runaway") < 1 / 7.0)
        {
            var daysAgo = (now - bucketStart) / (double)Day;
            if (daysAgo <= 5) scale *= 6;
        }
        return scale;
    }

    /// <summary>FNV-1a of the text mapped to [0, 1).</summary>
    public static double Unit(string text) => (Fnv(text) >> 11) * (1.0 / (1UL << 53));

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        // Final avalanche so near-identical keys give unrelated values.
        hash ^= hash >> 33; hash *= 0xff51afd7ed558ccdUL; hash ^= hash >> 33; hash *= 0xc4ceb9fe1a85ec53UL; hash ^= hash >> 33;
        return hash;
    }

    private static string Hex(string projectId, string salt) => (Fnv(projectId + "|" + salt) & 0xFFFFFFFFFFUL).ToString("x10", CultureInfo.InvariantCulture);
}
