using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Batches;

/// <summary>
/// Batches: GET /batches (newest first, limit 1-100 default 20, after), POST /batches (input_file_id of an existing file
/// with purpose batch, endpoint in the spec's enum, completion_window 24h, metadata up to 16 string pairs),
/// GET /batches/{batch_id}, POST /batches/{batch_id}/cancel (only while validating, in_progress or finalizing; a
/// cancelling batch answers as it is). The lifecycle is described on <see cref="BatchStore"/>. GET of a batch that has not
/// ended carries <c>openai-poll-after-ms: 100</c>, the header OpenAI's pollers honour.
/// </summary>
public sealed class BatchesArea : IEmulatorArea
{
    /// <summary>The openai-poll-after-ms sent with a batch still running.</summary>
    public const int PollAfterMs = 100;

    public static readonly string[] Endpoints =
        ["/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations", "/v1/images/generations", "/v1/images/edits", "/v1/videos"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<BatchStore>();
        var files = state.Store<FileStore>();
        var batches = v1.MapGroup("/batches");

        batches.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, ListSpec.Standard) with { Descending = true };
            return Results.Json(CursorList.Page(store.Items, query, store.View), EmulatorJson.Options);
        });

        batches.MapPost("", async (HttpContext context) =>
        {
            var body = await JsonBody.ReadAsync(context.Request);
            var inputFileId = body.RequiredString("input_file_id");
            var endpoint = body.RequiredString("endpoint");
            if (!Endpoints.Contains(endpoint))
                throw ApiErrors.BadRequest($"Invalid value: '{endpoint}'. Supported values are: {string.Join(", ", Endpoints.Select(e => $"'{e}'"))}.", "endpoint", "invalid_value").Throw();
            var window = body.RequiredString("completion_window");
            if (window != "24h")
                throw ApiErrors.BadRequest($"Invalid value: '{window}'. Supported values are: '24h'.", "completion_window", "invalid_value").Throw();
            var metadata = ReadMetadata(body);

            if (files.Items.Get(inputFileId) is not { } input)
                throw ApiErrors.BadRequest($"Invalid 'input_file_id': no file with id '{inputFileId}' exists.", "input_file_id", "invalid_value").Throw();
            if (input.Purpose != "batch")
                throw ApiErrors.BadRequest($"Invalid 'input_file_id': file {inputFileId} has purpose '{input.Purpose}'; batch input files must be uploaded with purpose 'batch'.", "input_file_id", "invalid_value").Throw();

            var (lines, model, errors) = BatchStore.ParseInput(input.Content, endpoint);
            var runs = errors.Count == 0 ? await BatchRunner.RunAsync(context, state, endpoint, lines) : [];
            var batch = store.Items.Append(last => new BatchRecord
            {
                Id = state.Ids.New("batch_"),
                Endpoint = endpoint,
                InputFileId = inputFileId,
                CompletionWindow = window,
                CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0),
                Model = model,
                Metadata = metadata,
                CustomIds = lines.Select(l => l.CustomId).ToList(),
                ValidationErrors = errors,
                Runs = runs,
            });
            return Results.Json(store.View(batch), EmulatorJson.Options);
        });

        batches.MapGet("/{batch_id}", (HttpContext context, string batch_id) =>
        {
            if (store.Items.Get(batch_id) is not { } batch) return ApiErrors.NoSuch("batch", batch_id).ToResult();
            var view = store.View(batch);
            if (view.Status is "validating" or "in_progress" or "finalizing" or "cancelling")
                context.Response.Headers["openai-poll-after-ms"] = PollAfterMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(view, EmulatorJson.Options);
        });

        batches.MapPost("/{batch_id}/cancel", (string batch_id) =>
        {
            if (store.Items.Get(batch_id) is not { } batch) return ApiErrors.NoSuch("batch", batch_id).ToResult();
            var status = store.View(batch).Status;
            if (status is "cancelling" or "cancelled" && batch.CancellingAt is not null) return Results.Json(store.View(batch), EmulatorJson.Options);
            if (status is not ("validating" or "in_progress" or "finalizing"))
                return ApiErrors.BadRequest($"Cannot cancel a batch with status '{status}'.", null, "invalid_state").ToResult();
            var now = state.Clock.UnixSeconds;
            var updated = store.Items.Update(batch_id, current => current.CancellingAt is null ? current with { CancellingAt = now } : current)!;
            return Results.Json(store.View(updated), EmulatorJson.Options);
        });
    }

    /// <summary>The spec's Metadata: at most 16 string pairs, keys up to 64 characters, values up to 512 (also used by other areas).</summary>
    internal static Dictionary<string, string>? ReadMetadata(JsonBody body)
    {
        if (!body.Root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind == JsonValueKind.Null) return null;
        if (metadata.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("metadata", "an object", metadata.ValueKind).Throw();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in metadata.EnumerateObject())
        {
            if (pair.Value.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType($"metadata.{pair.Name}", "a string", pair.Value.ValueKind).Throw();
            if (pair.Name.Length > 64) throw ApiErrors.BadRequest($"Invalid 'metadata': key '{pair.Name}' is longer than 64 characters.", "metadata", "string_above_max_length").Throw();
            if (pair.Value.GetString()!.Length > 512) throw ApiErrors.BadRequest($"Invalid 'metadata.{pair.Name}': string too long. Expected a maximum length of 512.", $"metadata.{pair.Name}", "string_above_max_length").Throw();
            result[pair.Name] = pair.Value.GetString()!;
        }
        if (result.Count > 16) throw ApiErrors.BadRequest("Invalid 'metadata': too many properties. Expected an object with at most 16 properties.", "metadata", "object_above_max_properties").Throw();
        return result;
    }
}
