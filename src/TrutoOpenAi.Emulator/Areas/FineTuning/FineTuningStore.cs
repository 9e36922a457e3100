using System.Text;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.FineTuning;

/// <summary>FineTuningJobEvent.</summary>
public sealed record FineTuningEvent(string Id, long CreatedAt, string Level, string Message, string Type, object? Data) : IHasId
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "fine_tuning.job.event";
}

/// <summary>FineTuningJobCheckpoint.</summary>
public sealed record FineTuningCheckpoint(string Id, long CreatedAt, string FineTunedModelCheckpoint, int StepNumber,
    Dictionary<string, double> Metrics, string FineTuningJobId) : IHasId
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "fine_tuning.job.checkpoint";
}

/// <summary>What the emulator keeps of a fine-tuning job; advanced to the emulator clock's now before every answer.</summary>
public sealed record FineTuningJobRecord : IHasId
{
    public required string Id { get; init; }
    public required string Model { get; init; }
    public required string TrainingFile { get; init; }
    public string? ValidationFile { get; init; }
    public string? Suffix { get; init; }
    public long Seed { get; init; }
    public long CreatedAt { get; init; }
    public object? Method { get; init; }
    public object? Hyperparameters { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public string Status { get; init; } = "validating_files";
    /// <summary>When the current status began (for running: when it last started or resumed).</summary>
    public long StatusSince { get; init; }
    /// <summary>Seconds of training done before the last pause.</summary>
    public long RunDone { get; init; }
    public long? FinishedAt { get; init; }
    public string? FineTunedModel { get; init; }
    public long? TrainedTokens { get; init; }
    public IReadOnlyList<string> ResultFiles { get; init; } = Array.Empty<string>();
    public IReadOnlyList<FineTuningEvent> Events { get; init; } = Array.Empty<FineTuningEvent>();
    public IReadOnlyList<FineTuningCheckpoint> Checkpoints { get; init; } = Array.Empty<FineTuningCheckpoint>();
}

/// <summary>The spec's FineTuningJob as answered (every required field present, null when not reached).</summary>
public sealed record FineTuningJobView(
    string Id, long CreatedAt, object? Error, string? FineTunedModel, long? FinishedAt, object? Hyperparameters, string Model,
    string OrganizationId, IReadOnlyList<string> ResultFiles, string Status, long? TrainedTokens, string TrainingFile,
    string? ValidationFile, object? Integrations, long Seed, long? EstimatedFinish, object? Method, Dictionary<string, string>? Metadata)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "fine_tuning.job";
}

/// <summary>
/// Fine-tuning jobs, oldest first in the store (listed newest first). On the emulator clock: validating_files for
/// <see cref="ValidatingSeconds"/> s, queued for <see cref="QueuedSeconds"/> s, running for <see cref="RunSeconds"/> s of
/// training (a pause stops the count), then succeeded with fine_tuned_model <c>ft:&lt;model&gt;:org:&lt;suffix&gt;:&lt;id&gt;</c>
/// (also added to GET /models), a result file and <see cref="CheckpointCount"/> checkpoints.
/// Every transition appends an event.
/// </summary>
public sealed class FineTuningStore(EmulatorState state) : IEmulatorStore
{
    public const long ValidatingSeconds = 2, QueuedSeconds = 2, RunSeconds = 10;
    public const int CheckpointCount = 3, StepsPerEpoch = 10;

    public OrderedStore<FineTuningJobRecord> Items { get; } = new();

    public void Reset() => Items.Clear();

    /// <summary>The job advanced to now (stored), or null when unknown.</summary>
    public FineTuningJobRecord? Current(string id) => Items.Update(id, job => Advance(job, state.Clock.UnixSeconds));

    public FineTuningEvent Event(long at, string message, string type = "message", object? data = null, string level = "info") =>
        new(state.Ids.New("ftevent-"), at, level, message, type, data);

    public static FineTuningJobRecord WithEvent(FineTuningJobRecord job, FineTuningEvent e) => job with { Events = job.Events.Append(e).ToArray() };

    private FineTuningJobRecord Advance(FineTuningJobRecord job, long now)
    {
        while (true)
        {
            switch (job.Status)
            {
                case "validating_files" when now >= job.StatusSince + ValidatingSeconds:
                    var queuedAt = job.StatusSince + ValidatingSeconds;
                    job = WithEvent(job with { Status = "queued", StatusSince = queuedAt }, Event(queuedAt, "Files validated, moving job to queued state"));
                    continue;
                case "queued" when now >= job.StatusSince + QueuedSeconds:
                    var runAt = job.StatusSince + QueuedSeconds;
                    job = WithEvent(job with { Status = "running", StatusSince = runAt }, Event(runAt, "Fine-tuning job started"));
                    continue;
                case "running" when now >= job.StatusSince + (RunSeconds - job.RunDone):
                    return Succeed(job, job.StatusSince + (RunSeconds - job.RunDone));
                default:
                    return job;
            }
        }
    }

    private FineTuningJobRecord Succeed(FineTuningJobRecord job, long at)
    {
        var suffixPart = job.Suffix ?? string.Empty;
        var shortId = job.Id.Substring(job.Id.Length - 8);
        var model = $"ft:{job.Model}:org:{suffixPart}:{shortId}";
        state.Store<Models.ModelStore>().Items.TryAdd(new Models.Model { Id = model, Created = at, OwnedBy = Models.ModelStore.Organization });
        var checkpoints = new List<FineTuningCheckpoint>();
        for (var i = 1; i <= CheckpointCount; i++)
        {
            var step = i * StepsPerEpoch;
            var name = i == CheckpointCount ? model : $"{model}:ckpt-step-{step}";
            checkpoints.Add(new FineTuningCheckpoint(state.Ids.New("ftckpt_"), at, name, step,
                new Dictionary<string, double> { ["step"] = step, ["train_loss"] = Math.Round(1.0 / i, 4), ["train_mean_token_accuracy"] = Math.Round(0.6 + 0.1 * i, 4) },
                job.Id));
        }
        var csv = "step,train_loss,train_accuracy\n" + string.Join("\n", checkpoints.Select(c => $"{c.StepNumber},{c.Metrics["train_loss"]},{c.Metrics["train_mean_token_accuracy"]}")) + "\n";
        var result = state.Store<FileStore>().Add("step_metrics.csv", "fine-tune-results", Encoding.UTF8.GetBytes(csv), null);
        job = job with
        {
            Status = "succeeded", StatusSince = at, FinishedAt = at, FineTunedModel = model, TrainedTokens = 1000L * CheckpointCount * StepsPerEpoch,
            ResultFiles = new[] { result.Id }, Checkpoints = checkpoints, RunDone = RunSeconds,
        };
        foreach (var c in checkpoints) job = WithEvent(job, Event(at, $"Step {c.StepNumber}/{CheckpointCount * StepsPerEpoch}: training loss={c.Metrics["train_loss"]}", "metrics", new { step = c.StepNumber, train_loss = c.Metrics["train_loss"] }));
        job = WithEvent(job, Event(at, $"New fine-tuned model created: {model}"));
        return WithEvent(job, Event(at, "The job has successfully completed"));
    }

    public FineTuningJobView View(FineTuningJobRecord job)
    {
        long? estimated = job.Status switch
        {
            "validating_files" or "queued" or "running" => state.Clock.UnixSeconds + 1,
            _ => null,
        };
        if (job.Status == "running") estimated = job.StatusSince + RunSeconds - job.RunDone;
        return new FineTuningJobView(job.Id, job.CreatedAt, null, job.FineTunedModel, job.FinishedAt, job.Hyperparameters, job.Model,
            "org-emulator", job.ResultFiles, job.Status, job.TrainedTokens, job.TrainingFile, job.ValidationFile, null, job.Seed, estimated,
            job.Method, job.Metadata);
    }
}
