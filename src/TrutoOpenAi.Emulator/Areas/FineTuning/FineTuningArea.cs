using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.FineTuning;

/// <summary>
/// Fine-tuning (API key): GET /fine_tuning/jobs (newest first, limit 1-100 default 20, after, metadata[k]=v filter;
/// envelope {object, data, has_more} without first_id/last_id), POST /fine_tuning/jobs (model, training_file of an
/// existing file with purpose fine-tune, validation_file likewise, suffix up to 64 characters, seed, method, hyperparameters,
/// metadata), GET /fine_tuning/jobs/{id}, POST .../cancel (validating_files, queued, running or paused), .../pause
/// (running only), .../resume (paused only), GET .../events (newest first, has_more only), GET .../checkpoints (newest
/// first, limit default 10, cursor-after). Lifecycle on <see cref="FineTuningStore"/>.
/// </summary>
public sealed class FineTuningArea : IEmulatorArea
{
    public static readonly string[] BaseModels = ["gpt-4o-mini-2024-07-18", "gpt-4o-mini", "gpt-4o-2024-08-06", "gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14", "gpt-4.1-nano-2025-04-14", "gpt-3.5-turbo", "o4-mini-2025-04-16"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<FineTuningStore>();
        var files = state.Store<FileStore>();
        var jobs = v1.MapGroup("/fine_tuning/jobs");

        jobs.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, ListSpec.Standard) with { Descending = true };
            var metadata = request.Query.Where(q => q.Key.StartsWith("metadata[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
                .Select(q => (Key: q.Key[9..^1], Value: q.Value[0] ?? "")).ToList();
            Func<FineTuningJobRecord, bool>? filter = metadata.Count == 0 ? null
                : job => job.Metadata is { } m && metadata.All(f => m.TryGetValue(f.Key, out var v) && v == f.Value);
            var page = CursorList.Page(store.Items, query, job => store.View(store.Current(job.Id) ?? job), filter);
            return Results.Json(new { @object = "list", data = page.Data, has_more = page.HasMore }, EmulatorJson.Options);
        });

        jobs.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var model = body.RequiredString("model");
            var trainingFile = body.RequiredString("training_file");
            if (!BaseModels.Contains(model) && !model.StartsWith("ft:", StringComparison.Ordinal))
                throw ApiErrors.BadRequest($"Model {model} is not available for fine-tuning or does not exist.", "model", "model_not_available").Throw();
            CheckFile(files, trainingFile, "training_file");
            var (_, validationFile) = body.OptionalString("validation_file");
            if (validationFile is not null) CheckFile(files, validationFile, "validation_file");
            var (_, suffix) = body.OptionalString("suffix");
            if (suffix is { Length: > 64 })
                throw ApiErrors.BadRequest("Invalid 'suffix': string too long. Expected a maximum length of 64.", "suffix", "string_above_max_length").Throw();
            var (_, seed) = body.OptionalInteger("seed", 0, 2147483647);
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            object? method = body.Root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : null;
            object? hyper = body.Root.TryGetProperty("hyperparameters", out var h) && h.ValueKind == JsonValueKind.Object ? h.Clone() : null;
            method ??= new { type = "supervised", supervised = new { hyperparameters = hyper ?? (object)new { batch_size = "auto", learning_rate_multiplier = "auto", n_epochs = "auto" } } };

            var now = state.Clock.UnixSeconds;
            var job = store.Items.Append(last =>
            {
                var created = Math.Max(now, last?.CreatedAt ?? 0);
                return FineTuningStore.WithEvent(new FineTuningJobRecord
                {
                    Id = state.Ids.New("ftjob-"),
                    Model = model,
                    TrainingFile = trainingFile,
                    ValidationFile = validationFile,
                    Suffix = suffix,
                    Seed = seed ?? Random.Shared.Next(1, int.MaxValue),
                    CreatedAt = created,
                    StatusSince = created,
                    Method = method,
                    Hyperparameters = hyper ?? new { n_epochs = "auto", batch_size = "auto", learning_rate_multiplier = "auto" },
                    Metadata = metadata,
                }, store.Event(created, $"Created fine-tuning job"));
            });
            return Results.Json(store.View(job), EmulatorJson.Options);
        });

        jobs.MapGet("/{fine_tuning_job_id}", (string fine_tuning_job_id) =>
            store.Current(fine_tuning_job_id) is { } job ? Results.Json(store.View(job), EmulatorJson.Options) : NoSuch(fine_tuning_job_id));

        jobs.MapPost("/{fine_tuning_job_id}/cancel", (string fine_tuning_job_id) =>
            Transition(state, store, fine_tuning_job_id, ["validating_files", "queued", "running", "paused"], "cancel", "cancelled", "Fine-tuning job cancelled"));
        jobs.MapPost("/{fine_tuning_job_id}/pause", (string fine_tuning_job_id) =>
            Transition(state, store, fine_tuning_job_id, ["running"], "pause", "paused", "Fine-tuning job paused"));
        jobs.MapPost("/{fine_tuning_job_id}/resume", (string fine_tuning_job_id) =>
            Transition(state, store, fine_tuning_job_id, ["paused"], "resume", "running", "Fine-tuning job resumed"));

        jobs.MapGet("/{fine_tuning_job_id}/events", (HttpRequest request, string fine_tuning_job_id) =>
        {
            var query = ListQuery.Parse(request, ListSpec.Standard);
            if (store.Current(fine_tuning_job_id) is not { } job) return NoSuch(fine_tuning_job_id);
            var (data, more) = PageNewestFirst(job.Events, query, "after");
            return Results.Json(new { @object = "list", data, has_more = more }, EmulatorJson.Options);
        });

        jobs.MapGet("/{fine_tuning_job_id}/checkpoints", (HttpRequest request, string fine_tuning_job_id) =>
        {
            var query = ListQuery.Parse(request, new ListSpec(DefaultLimit: 10));
            if (store.Current(fine_tuning_job_id) is not { } job) return NoSuch(fine_tuning_job_id);
            var (data, more) = PageNewestFirst(job.Checkpoints, query, "after");
            return Results.Json(new { @object = "list", data, first_id = data.FirstOrDefault()?.Id, last_id = data.LastOrDefault()?.Id, has_more = more }, EmulatorJson.Options);
        });
    }

    private static IResult NoSuch(string id) =>
        ApiErrors.NotFound($"Could not find fine-tune job: {id}", "fine_tuning_job_id").ToResult();

    private static IResult Transition(EmulatorState state, FineTuningStore store, string id, string[] from, string verb, string to, string message)
    {
        if (store.Current(id) is null) return NoSuch(id);
        string? refused = null;
        var updated = store.Items.Update(id, job =>
        {
            if (!from.Contains(job.Status)) { refused = job.Status; return job; }
            var now = state.Clock.UnixSeconds;
            var next = job with { Status = to, StatusSince = now };
            if (verb == "pause") next = next with { RunDone = job.RunDone + (now - job.StatusSince) };
            if (verb == "cancel") next = next with { FinishedAt = null };
            return FineTuningStore.WithEvent(next, store.Event(now, message));
        })!;
        if (refused is not null)
            return ApiErrors.BadRequest($"Cannot {verb} a job with status '{refused}'.", null, "invalid_state").ToResult();
        return Results.Json(store.View(updated), EmulatorJson.Options);
    }

    private static (List<T> Data, bool HasMore) PageNewestFirst<T>(IReadOnlyList<T> items, ListQuery query, string param) where T : IHasId
    {
        var ordered = items.Reverse().ToList();
        var start = 0;
        if (query.After is { } after)
        {
            var index = ordered.FindIndex(x => x.Id == after);
            if (index < 0) throw ApiErrors.BadRequest($"Invalid '{param}': no object with id '{after}' in this list.", param, "invalid_value").Throw();
            start = index + 1;
        }
        var data = ordered.Skip(start).Take(query.Limit).ToList();
        return (data, start + data.Count < ordered.Count);
    }

    private static void CheckFile(FileStore files, string id, string param)
    {
        if (files.Items.Get(id) is not { } file)
            throw ApiErrors.BadRequest($"Invalid file id '{id}': no such file.", param, "invalid_value").Throw();
        if (file.Purpose != "fine-tune")
            throw ApiErrors.BadRequest($"Invalid file format for {param}: file {id} has purpose '{file.Purpose}'; fine-tuning files must be uploaded with purpose 'fine-tune'.", param, "invalid_value").Throw();
    }
}
