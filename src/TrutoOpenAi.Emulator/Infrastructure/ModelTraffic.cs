using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TrutoOpenAi.Emulator.Areas.Projects;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// One model call answered by the emulator (responses, chat completions, embeddings, moderations, images, speech,
/// transcriptions), with what the usage endpoints group by: the project (OpenAI-Project header, else the default
/// project), the API key (an id derived from the key, never the key), whether it ran in a batch.
/// </summary>
public sealed record ModelCall(long At, string Endpoint, string Model, int InputTokens, int OutputTokens)
{
    public string? ProjectId { get; init; }
    public string? ApiKeyId { get; init; }
    public bool Batch { get; init; }
    /// <summary>Images made (images).</summary>
    public int Images { get; init; }
    /// <summary>Image size and source (<c>image.generation</c>, <c>image.edit</c>, <c>image.variation</c>).</summary>
    public string? Size { get; init; }
    public string? Source { get; init; }
    /// <summary>Characters of speech input (audio_speeches).</summary>
    public long Characters { get; init; }
    /// <summary>Seconds of audio transcribed (audio_transcriptions).</summary>
    public long Seconds { get; init; }
}

/// <summary>Who is calling: set per /v1 request after auth (<see cref="ModelTraffic.Enter"/>), inherited by a batch's lines.</summary>
public sealed record TrafficSource(string? ProjectHeader, string? ApiKeyId, bool Batch = false);

/// <summary>
/// The model calls made against the emulator, so the usage and cost endpoints count a runbook's own traffic.
/// Cleared by POST /_emulator/reset.
/// </summary>
public sealed class ModelTraffic(EmulatorState state) : IEmulatorStore
{
    private static readonly AsyncLocal<TrafficSource?> Current = new();
    private static readonly byte[] Salt = RandomNumberGenerator.GetBytes(32);

    public ConcurrentQueue<ModelCall> Calls { get; private set; } = new();

    public void Reset() => Calls = new ConcurrentQueue<ModelCall>();

    /// <summary>The calls in time order (a snapshot; the clock can be moved back, so the queue's order is not enough).</summary>
    public ModelCall[] Snapshot()
    {
        var calls = Calls.ToArray();
        // Stable: calls at the same second keep their order.
        return calls.Select((c, i) => (c, i)).OrderBy(x => x.c.At).ThenBy(x => x.i).Select(x => x.c).ToArray();
    }

    /// <summary>Notes who calls for the rest of this request (after auth accepted the key).</summary>
    public static void Enter(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : "";
        var project = context.Request.Headers["OpenAI-Project"].ToString();
        Current.Value = new TrafficSource(project.Length > 0 ? project : null, key.Length > 0 ? KeyId(key) : null);
    }

    /// <summary>Marks the calls of the current flow (a batch's lines) as batch traffic; scoped to the calling async method.</summary>
    public static void EnterBatch() => Current.Value = (Current.Value ?? new TrafficSource(null, null)) with { Batch = true };

    /// <summary>A stable id for a key within this emulator process: <c>key_</c> + 16 hex of an HMAC with a per-process
    /// random salt, so it names the key in usage reports without revealing it.</summary>
    public static string KeyId(string key) =>
        "key_" + Convert.ToHexStringLower(HMACSHA256.HashData(Salt, Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));

    public static void Record(EmulatorState state, string model, int input, int output, string endpoint = "completions") =>
        Record(state, new ModelCall(0, endpoint, model, input, output));

    /// <summary>Records <paramref name="call"/> now, from the current caller (project, key, batch).</summary>
    public static void Record(EmulatorState state, ModelCall call)
    {
        var source = Current.Value;
        var project = source?.ProjectHeader ?? DefaultProject(state);
        state.Store<ModelTraffic>().Calls.Enqueue(call with
        {
            At = state.Clock.UnixSeconds, ProjectId = project, ApiKeyId = source?.ApiKeyId, Batch = source?.Batch ?? false,
        });
    }

    private static string? DefaultProject(EmulatorState state)
    {
        // The default project is the first one (startup creates it first); with --seed-projects, the first seeded one.
        return state.Store<ProjectStore>().Items.Find(static _ => true)?.Id;
    }
}
