using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Batches;

/// <summary>What the emulator keeps of a batch; the spec's Batch object is computed from it at the emulator clock's now.</summary>
public sealed record BatchRecord : IHasId
{
    public required string Id { get; init; }
    public required string Endpoint { get; init; }
    public required string InputFileId { get; init; }
    public string CompletionWindow { get; init; } = "24h";
    public long CreatedAt { get; init; }
    public string? Model { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public IReadOnlyList<string> CustomIds { get; init; } = Array.Empty<string>();
    public IReadOnlyList<BatchError> ValidationErrors { get; init; } = Array.Empty<BatchError>();
    public long? CancellingAt { get; init; }
    public string? OutputFileId { get; init; }
}

/// <summary>BatchError (errors.data[]).</summary>
public sealed record BatchError(string Code, string Message, string? Param, int? Line);

/// <summary>BatchRequestCounts.</summary>
public sealed record BatchRequestCounts(int Total, int Completed, int Failed);

/// <summary>The spec's Batch as answered: optional fields not reached yet are left out (the spec does not let them be null).</summary>
public sealed record BatchView(
    string Id, string Endpoint, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Model, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Errors,
    string InputFileId, string CompletionWindow, string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OutputFileId, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorFileId, long CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? InProgressAt, long ExpiresAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FinalizingAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CompletedAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FailedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ExpiredAt, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CancellingAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? CancelledAt, BatchRequestCounts RequestCounts,
    Dictionary<string, string>? Metadata)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "batch";
}

/// <summary>
/// Batches, oldest first in the store (listed newest first). The lifecycle runs on the emulator clock, so tests move it
/// with POST /_emulator/clock: validating for <see cref="ValidatingSeconds"/> s, then failed (input errors) or
/// in_progress for <see cref="InProgressSeconds"/> s, finalizing for <see cref="FinalizingSeconds"/> s, completed
/// (an output file of purpose batch_output appears, one line per request); expired after the 24h window.
/// Cancel: cancelling at once, cancelled <see cref="CancellingSeconds"/> s later.
/// </summary>
public sealed class BatchStore : IEmulatorStore
{
    public const long ValidatingSeconds = 2, InProgressSeconds = 10, FinalizingSeconds = 2, CancellingSeconds = 2, WindowSeconds = 24 * 3600;

    private readonly EmulatorState _state;
    private readonly FileStore _files;

    public BatchStore(EmulatorState state)
    {
        _state = state;
        _files = state.Store<FileStore>();
    }

    public OrderedStore<BatchRecord> Items { get; } = new();

    public void Reset() => Items.Clear();

    /// <summary>The Batch as it stands now; creates the output file the first time a batch is seen completed.</summary>
    public BatchView View(BatchRecord batch)
    {
        var now = _state.Clock.UnixSeconds;
        var validated = batch.CreatedAt + ValidatingSeconds;
        var finalizing = validated + InProgressSeconds;
        var completed = finalizing + FinalizingSeconds;
        var expires = batch.CreatedAt + WindowSeconds;
        var total = batch.CustomIds.Count;
        var failed = batch.ValidationErrors.Count > 0;
        object? errors = failed ? new { @object = "list", data = batch.ValidationErrors } : null;
        var counts = new BatchRequestCounts(failed ? 0 : total, 0, 0);

        string status;
        long? inProgressAt = null, finalizingAt = null, completedAt = null, failedAt = null, cancelledAt = null;
        string? outputFileId = batch.OutputFileId;

        if (batch.CancellingAt is { } cancelling)
        {
            // Cancelled before it finished: whatever stage it had reached stays recorded.
            if (cancelling >= validated) inProgressAt = validated;
            if (cancelling >= finalizing) finalizingAt = finalizing;
            status = now >= cancelling + CancellingSeconds ? "cancelled" : "cancelling";
            if (status == "cancelled") cancelledAt = cancelling + CancellingSeconds;
        }
        else if (now < validated)
        {
            status = "validating";
        }
        else if (failed)
        {
            status = "failed";
            failedAt = validated;
        }
        else if (now < finalizing)
        {
            status = now >= expires ? "expired" : "in_progress";
            inProgressAt = validated;
        }
        else if (now < completed)
        {
            status = "finalizing";
            inProgressAt = validated;
            finalizingAt = finalizing;
        }
        else
        {
            status = "completed";
            inProgressAt = validated;
            finalizingAt = finalizing;
            completedAt = completed;
            counts = counts with { Completed = total };
            outputFileId ??= EnsureOutputFile(batch, completed);
        }

        return new BatchView(batch.Id, batch.Endpoint, batch.Model, errors, batch.InputFileId, batch.CompletionWindow, status,
            outputFileId, null, batch.CreatedAt, inProgressAt, expires, finalizingAt, completedAt, failedAt, null,
            batch.CancellingAt, cancelledAt, counts, batch.Metadata);
    }

    private string EnsureOutputFile(BatchRecord batch, long completedAt)
    {
        var lines = new StringBuilder();
        foreach (var customId in batch.CustomIds)
        {
            var line = new Dictionary<string, object?>
            {
                ["id"] = _state.Ids.New("batch_req_"),
                ["custom_id"] = customId,
                ["response"] = new Dictionary<string, object?>
                {
                    ["status_code"] = 200,
                    ["request_id"] = _state.Ids.New("req_", 32),
                    ["body"] = new Dictionary<string, object?> { ["object"] = "emulated.response", ["model"] = batch.Model, ["created"] = completedAt },
                },
                ["error"] = null,
            };
            lines.Append(JsonSerializer.Serialize(line)).Append('\n');
        }
        var file = _files.Add($"{batch.Id}_output.jsonl", "batch_output", Encoding.UTF8.GetBytes(lines.ToString()), null);
        var updated = Items.Update(batch.Id, current => current.OutputFileId is null ? current with { OutputFileId = file.Id } : current);
        if (updated?.OutputFileId is { } kept && kept != file.Id) _files.Remove(file.Id); // another request created it first
        return updated?.OutputFileId ?? file.Id;
    }

    /// <summary>Reads the input file's JSONL lines: custom ids, the model, and validation errors (line numbers from 1).</summary>
    public static (List<string> CustomIds, string? Model, List<BatchError> Errors) ParseInput(byte[] content, string endpoint)
    {
        var ids = new List<string>();
        var errors = new List<BatchError>();
        string? model = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = Encoding.UTF8.GetString(content);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (errors.Count >= 50) break;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(line);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                errors.Add(new BatchError("invalid_json_line", "This line is not parseable as valid JSON.", null, lineNumber));
                continue;
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                errors.Add(new BatchError("missing_required_parameter", "Missing required parameter: 'custom_id'.", "custom_id", lineNumber));
                continue;
            }
            if (!root.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String || url.GetString() != endpoint)
            {
                errors.Add(new BatchError("invalid_url", $"The URL provided for this request does not match the batch endpoint {endpoint}.", "url", lineNumber));
                continue;
            }
            if (!seen.Add(id.GetString()!))
            {
                errors.Add(new BatchError("duplicate_custom_id", $"The custom_id '{id.GetString()}' is used more than once in this batch.", "custom_id", lineNumber));
                continue;
            }
            ids.Add(id.GetString()!);
            if (model is null && root.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object
                && body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
                model = m.GetString();
        }
        if (ids.Count == 0 && errors.Count == 0) errors.Add(new BatchError("empty_file", "The input file has no requests.", null, null));
        return (ids, model, errors);
    }
}
