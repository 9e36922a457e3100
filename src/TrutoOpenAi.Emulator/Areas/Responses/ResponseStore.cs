using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>
/// One response. <see cref="Final"/> is the response as the model finished it; <see cref="View"/> shows what a GET sees
/// now: a background response is <c>queued</c> for 1 s of emulator clock, <c>in_progress</c> until 3 s, then final
/// (or <c>cancelled</c> once cancelled before that). <see cref="Events"/> is its whole event stream, kept so a background
/// response's stream can be replayed with <c>starting_after</c>.
/// </summary>
internal sealed class ResponseRecord
{
    public required string Id { get; init; }
    public required long CreatedAt { get; init; }
    public required bool Background { get; init; }
    public required bool Stored { get; init; }
    public required JsonObject Final { get; init; }
    public required List<JsonObject> InputItems { get; init; }
    /// <summary>Every item of the exchange so far (previous responses' history, this input, this output).</summary>
    public required List<JsonObject> History { get; init; }
    public List<JsonObject> Events { get; set; } = new();
    public bool Cancelled { get; set; }
    /// <summary>A foreground stream whose client closed the connection before the terminal event.</summary>
    public bool ClientClosed { get; set; }

    public string StatusAt(long now)
    {
        if (ClientClosed) return "cancelled";
        if (!Background) return (string)Final["status"]!;
        if (Cancelled) return "cancelled";
        if (now < CreatedAt + 1) return "queued";
        if (now < CreatedAt + 3) return "in_progress";
        return (string)Final["status"]!;
    }

    public JsonObject View(long now)
    {
        var view = Final.DeepClone().AsObject();
        var status = StatusAt(now);
        if (status != (string)Final["status"]!)
        {
            view["status"] = status;
            if (status is "queued" or "in_progress" || Cancelled || ClientClosed)
            {
                view["output"] = new JsonArray();
                view["usage"] = null;
                view["error"] = null;
                view["incomplete_details"] = null;
            }
        }
        return view;
    }
}

internal sealed class ResponseStore(EmulatorState state) : IEmulatorStore
{
    public ConcurrentDictionary<string, ResponseRecord> Items { get; } = new();
    public EmulatorState State { get; } = state;

    public void Reset() => Items.Clear();

    public ResponseRecord Require(string id, string? param = null) =>
        Items.TryGetValue(id, out var record) && record.Stored ? record
            : throw ApiErrors.NotFound($"Response with id '{id}' not found.", param).Throw();
}
