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
    /// <summary>What each line answered (run through the endpoint's handler at creation), in input order.</summary>
    public IReadOnlyList<BatchLineRun> Runs { get; init; } = Array.Empty<BatchLineRun>();
    public long? CancellingAt { get; init; }
    public string? OutputFileId { get; init; }
    public string? ErrorFileId { get; init; }
    /// <summary>Set once the output and error files are written.</summary>
    public bool FilesWritten { get; init; }
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
/// in_progress for <see cref="InProgressSeconds"/> s (request_counts grow evenly over it), finalizing for
/// <see cref="FinalizingSeconds"/> s, completed. The lines run when the batch is created (<see cref="BatchRunner"/>); on
/// completion the 2xx answers go to an output file and the others to an error file (both purpose batch_output,
/// BatchRequestOutput lines: id, custom_id, response {status_code, request_id, body}, error). Expired after the 24h window.
/// Cancel: cancelling at once, cancelled <see cref="CancellingSeconds"/> s later; the requests done by then are in the
/// output/error files, the others in the error file with error code batch_cancelled. More than
/// <see cref="MaxRequests"/> lines fail validation.
/// </summary>
public sealed class BatchStore : IEmulatorStore
{
    public const long ValidatingSeconds = 2, InProgressSeconds = 10, FinalizingSeconds = 2, CancellingSeconds = 2, WindowSeconds = 24 * 3600;
    public const int MaxRequests = 50_000;
    public const long MaxInputBytes = 200_000_000;

    private readonly EmulatorState _state;
    private readonly FileStore _files;

    public BatchStore(EmulatorState state)
    {
        _state = state;
        _files = state.Store<FileStore>();
    }

    public OrderedStore<BatchRecord> Items { get; } = new();

    public void Reset() => Items.Clear();

    /// <summary>The Batch as it stands now; writes the output and error files the first time a batch is seen ended.</summary>
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

        string status;
        long? inProgressAt = null, finalizingAt = null, completedAt = null, failedAt = null, cancelledAt = null;
        var done = 0; // how many lines have run, by the clock

        if (batch.CancellingAt is { } cancelling)
        {
            // Cancelled before it finished: whatever stage it had reached stays recorded.
            if (cancelling >= validated) inProgressAt = validated;
            if (cancelling >= finalizing) finalizingAt = finalizing;
            status = now >= cancelling + CancellingSeconds ? "cancelled" : "cancelling";
            if (status == "cancelled") cancelledAt = cancelling + CancellingSeconds;
            done = Done(total, cancelling - validated);
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
            done = Done(total, now - validated);
        }
        else
        {
            status = now < completed ? "finalizing" : "completed";
            inProgressAt = validated;
            finalizingAt = finalizing;
            if (status == "completed") completedAt = completed;
            done = total;
        }

        var runs = batch.Runs.Take(done).ToList();
        var counts = new BatchRequestCounts(failed ? 0 : total, runs.Count(r => r.Succeeded), runs.Count(r => !r.Succeeded));
        if ((status is "completed" or "cancelled") && !batch.FilesWritten) batch = WriteFiles(batch, done, completedAt ?? cancelledAt ?? now);
        return new BatchView(batch.Id, batch.Endpoint, batch.Model, errors, batch.InputFileId, batch.CompletionWindow, status,
            batch.OutputFileId, batch.ErrorFileId, batch.CreatedAt, inProgressAt, expires, finalizingAt, completedAt, failedAt, null,
            batch.CancellingAt, cancelledAt, counts, batch.Metadata);
    }

    /// <summary>How many of <paramref name="total"/> lines have run <paramref name="elapsed"/> seconds into in_progress.</summary>
    private static int Done(int total, long elapsed) =>
        elapsed <= 0 ? 0 : elapsed >= InProgressSeconds ? total : (int)(total * elapsed / InProgressSeconds);

    /// <summary>Writes the output file (2xx answers) and error file (the others, and lines never run), once.</summary>
    private BatchRecord WriteFiles(BatchRecord batch, int done, long at)
    {
        var output = new StringBuilder();
        var errors = new StringBuilder();
        for (var i = 0; i < batch.Runs.Count; i++)
        {
            var run = batch.Runs[i];
            if (i >= done)
            {
                errors.Append(Line(run.CustomId, null, new { code = "batch_cancelled", message = "This request was not run because the batch was cancelled." }));
                continue;
            }
            var line = Line(run.CustomId, run, null);
            (run.Succeeded ? output : errors).Append(line);
        }
        string? outputId = null, errorId = null;
        if (output.Length > 0) outputId = _files.Add($"{batch.Id}_output.jsonl", "batch_output", Encoding.UTF8.GetBytes(output.ToString()), null).Id;
        if (errors.Length > 0) errorId = _files.Add($"{batch.Id}_error.jsonl", "batch_output", Encoding.UTF8.GetBytes(errors.ToString()), null).Id;
        var updated = Items.Update(batch.Id, current => current.FilesWritten ? current : current with { OutputFileId = outputId, ErrorFileId = errorId, FilesWritten = true });
        if (updated is not null && updated.OutputFileId != outputId && outputId is not null) _files.Remove(outputId); // another request wrote them first
        if (updated is not null && updated.ErrorFileId != errorId && errorId is not null) _files.Remove(errorId);
        return updated ?? batch;
    }

    private string Line(string customId, BatchLineRun? run, object? error)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("id", _state.Ids.New("batch_req_"));
            w.WriteString("custom_id", customId);
            if (run is null) w.WriteNull("response");
            else
            {
                w.WriteStartObject("response");
                w.WriteNumber("status_code", run.Status);
                w.WriteString("request_id", run.RequestId);
                w.WritePropertyName("body");
                if (run.Body.Length == 0) w.WriteNullValue();
                else
                {
                    using var body = JsonDocument.Parse(run.Body);
                    body.RootElement.WriteTo(w);
                }
                w.WriteEndObject();
            }
            w.WritePropertyName("error");
            if (error is null) w.WriteNullValue();
            else JsonSerializer.Serialize(w, error);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads the input file's JSONL lines: custom ids, the model, and validation errors (line numbers from 1).</summary>
    public static (List<BatchLine> Lines, string? Model, List<BatchError> Errors) ParseInput(byte[] content, string endpoint)
    {
        var ids = new List<BatchLine>();
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
            if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new BatchError("missing_required_parameter", "Missing required parameter: 'body'.", "body", lineNumber));
                continue;
            }
            ids.Add(new BatchLine(id.GetString()!, body.GetRawText()));
            if (model is null && body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String)
                model = m.GetString();
        }
        if (ids.Count == 0 && errors.Count == 0) errors.Add(new BatchError("empty_file", "The input file has no requests.", null, null));
        if (ids.Count > MaxRequests)
            errors.Add(new BatchError("too_many_requests", $"The input file has {ids.Count} requests; a batch can have at most {MaxRequests}.", null, null));
        if (content.LongLength > MaxInputBytes)
            errors.Add(new BatchError("file_too_large", $"The input file is {content.LongLength} bytes; a batch input file can be at most 200 MB.", null, null));
        return (ids, model, errors);
    }
}
