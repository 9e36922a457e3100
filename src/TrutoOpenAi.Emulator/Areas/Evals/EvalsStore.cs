using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Evals;

/// <summary>What the emulator keeps of an eval.</summary>
public sealed record EvalRecord : IHasId
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required JsonNode DataSourceConfig { get; init; }
    public required JsonArray TestingCriteria { get; init; }
    public long CreatedAt { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
}

/// <summary>One output item, graded when the run is created and revealed as the run progresses.</summary>
public sealed record EvalOutputItem(string Id, long Index, JsonNode Item, JsonNode Sample, IReadOnlyList<EvalGraderResult> Results) : IHasId
{
    public bool Passed => Results.All(r => r.Passed);
}

/// <summary>One grader's verdict on one item.</summary>
public sealed record EvalGraderResult(string Name, string Type, double Score, bool Passed);

/// <summary>
/// What the emulator keeps of a run: every item is graded at creation (the answers are deterministic); on the emulator
/// clock the run is queued for <see cref="EvalsStore.QueuedSeconds"/> s, then in_progress revealing one graded item per
/// second, then completed. A run whose model the emulator does not know fails when it starts (error model_not_found).
/// Cancelling freezes the items graded so far.
/// </summary>
public sealed record EvalRunRecord : IHasId
{
    public required string Id { get; init; }
    public required string EvalId { get; init; }
    public required string Name { get; init; }
    public string? Model { get; init; }
    public long CreatedAt { get; init; }
    public required JsonNode DataSource { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public required IReadOnlyList<EvalOutputItem> Items { get; init; }
    public required IReadOnlyList<string> CriterionNames { get; init; }
    /// <summary>Set when the run was cancelled: the time, and how many items were graded then.</summary>
    public long? CanceledAt { get; init; }
    public int CanceledGraded { get; init; }
    /// <summary>Why the run fails when it starts (null: it does not).</summary>
    public (string Code, string Message)? FailsWith { get; init; }
}

/// <summary>Evals and their runs (runs of every eval in one store, filtered per eval).</summary>
public sealed class EvalsStore(EmulatorState state) : IEmulatorStore
{
    public const long QueuedSeconds = 1;

    public OrderedStore<EvalRecord> Evals { get; } = new();
    public OrderedStore<EvalRunRecord> Runs { get; } = new();

    public void Reset()
    {
        Evals.Clear();
        Runs.Clear();
    }

    /// <summary>The status and how many items are graded, at the emulator clock's now.</summary>
    public (string Status, int Graded) Progress(EvalRunRecord run)
    {
        if (run.CanceledAt is not null) return ("canceled", run.CanceledGraded);
        var now = state.Clock.UnixSeconds;
        var started = run.CreatedAt + QueuedSeconds;
        if (now < started) return ("queued", 0);
        if (run.FailsWith is not null) return ("failed", 0);
        var graded = (int)Math.Min(run.Items.Count, now - started);
        return (graded >= run.Items.Count ? "completed" : "in_progress", graded);
    }

    public object View(EvalRecord e) => new
    {
        @object = "eval",
        id = e.Id,
        name = e.Name,
        data_source_config = e.DataSourceConfig,
        testing_criteria = e.TestingCriteria,
        created_at = e.CreatedAt,
        metadata = e.Metadata ?? new Dictionary<string, string>(),
    };

    public object View(EvalRunRecord run)
    {
        var (status, graded) = Progress(run);
        var shown = run.Items.Take(graded).ToList();
        var passed = shown.Count(i => i.Passed);
        var perCriteria = run.CriterionNames.Select((name, index) => new
        {
            testing_criteria = name,
            passed = shown.Count(i => i.Results[index].Passed),
            failed = shown.Count(i => !i.Results[index].Passed),
        }).ToList();
        object[] usage = run.Model is null || shown.Count == 0 ? [] :
        [
            new
            {
                model_name = run.Model,
                invocation_count = shown.Count,
                prompt_tokens = shown.Sum(i => Tokens(i.Sample, "prompt_tokens")),
                completion_tokens = shown.Sum(i => Tokens(i.Sample, "completion_tokens")),
                total_tokens = shown.Sum(i => Tokens(i.Sample, "total_tokens")),
                cached_tokens = 0,
            },
        ];
        return new
        {
            @object = "eval.run",
            id = run.Id,
            eval_id = run.EvalId,
            status,
            model = run.Model,
            name = run.Name,
            created_at = run.CreatedAt,
            report_url = $"https://platform.openai.com/evaluations/{run.EvalId}?run_id={run.Id}",
            result_counts = new { total = run.Items.Count, errored = 0, failed = shown.Count - passed, passed },
            per_model_usage = usage,
            per_testing_criteria_results = perCriteria,
            data_source = run.DataSource,
            metadata = run.Metadata ?? new Dictionary<string, string>(),
            error = status == "failed" && run.FailsWith is { } failure ? new { code = failure.Code, message = failure.Message } : null,
        };
    }

    public object View(EvalRunRecord run, EvalOutputItem item) => new
    {
        @object = "eval.run.output_item",
        id = item.Id,
        run_id = run.Id,
        eval_id = run.EvalId,
        created_at = run.CreatedAt + QueuedSeconds + item.Index + 1,
        status = item.Passed ? "pass" : "fail",
        datasource_item_id = item.Index,
        datasource_item = item.Item,
        results = item.Results.Select(r => new { name = r.Name, type = r.Type, score = r.Score, passed = r.Passed, sample = (object?)null }),
        sample = item.Sample,
    };

    private static long Tokens(JsonNode sample, string name) =>
        sample["usage"]?[name] is JsonValue value && value.TryGetValue<long>(out var n) ? n : 0;
}
