using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Assistants;

public sealed record AssistantRecord : IHasId
{
    public required string Id { get; init; }
    public long CreatedAt { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public required string Model { get; init; }
    public string? Instructions { get; init; }
    public JsonArray Tools { get; init; } = new();
    public double? Temperature { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
}

public sealed record ThreadRecord : IHasId
{
    public required string Id { get; init; }
    public long CreatedAt { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public OrderedStore<MessageRecord> Messages { get; } = new();
    public OrderedStore<RunRecord> Runs { get; } = new();
}

public sealed record MessageRecord : IHasId
{
    public required string Id { get; init; }
    public required string ThreadId { get; init; }
    public long CreatedAt { get; init; }
    public required string Role { get; init; }
    public required string Text { get; init; }
    public string Status { get; init; } = "completed";
    public string? AssistantId { get; init; }
    public string? RunId { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
}

public sealed record StepRecord(string Id, string Type, string Status, long CreatedAt, long? CompletedAt, JsonObject Details, object? Usage) : IHasId;

/// <summary>
/// A run. On the emulator clock: queued for 1 s, in_progress for 1 s, then what the stand-in model
/// (Infrastructure/StandInModel) answers the thread: failed (its model does not exist: last_error invalid_prompt; or the
/// last user message says [fail]: server_error), requires_action (it calls functions named in the last user message: a
/// tool_calls step), incomplete (the answer is longer than max_completion_tokens), or completed (an assistant message and a
/// message_creation step). requires_action expires at expires_at (10 minutes
/// after creation); cancel goes cancelling, then cancelled 1 s later. Submitting tool outputs goes back to in_progress.
/// </summary>
public sealed record RunRecord : IHasId
{
    public required string Id { get; init; }
    public required string ThreadId { get; init; }
    public required string AssistantId { get; init; }
    public long CreatedAt { get; init; }
    public required string Model { get; init; }
    public string? Instructions { get; init; }
    public JsonArray Tools { get; init; } = new();
    public int? MaxCompletionTokens { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
    public string Status { get; init; } = "queued";
    public long StatusSince { get; init; }
    public long? StartedAt { get; init; }
    public long? CancelledAt { get; init; }
    public long? FailedAt { get; init; }
    public long? CompletedAt { get; init; }
    public long? IncompleteAt { get; init; }
    public JsonObject? LastError { get; init; }
    public JsonArray? PendingCalls { get; init; }
    public IReadOnlyList<(string Name, string Output)>? ToolOutputs { get; init; }
    public IReadOnlyList<StepRecord> Steps { get; init; } = Array.Empty<StepRecord>();
    public (int Prompt, int Completion)? Usage { get; init; }

    public long ExpiresAt => CreatedAt + AssistantsStore.ExpirySeconds;
    public bool IsActive => Status is "queued" or "in_progress" or "requires_action" or "cancelling";
}

/// <summary>Assistants and threads (each thread holds its messages and runs).</summary>
public sealed class AssistantsStore(EmulatorState state) : IEmulatorStore
{
    public const long ExpirySeconds = 600;

    public OrderedStore<AssistantRecord> Assistants { get; } = new();
    public OrderedStore<ThreadRecord> Threads { get; } = new();

    /// <summary>When true, every route of the family answers as the API does since its retirement (2026-08-26).</summary>
    public bool Retired { get; set; }

    public void Reset()
    {
        Assistants.Clear();
        Threads.Clear();
        Retired = state.Options.AssistantsRetired;
    }

    /// <summary>The run advanced to the clock's now (stored), or null.</summary>
    public RunRecord? Current(ThreadRecord thread, string runId) =>
        thread.Runs.Update(runId, run => Advance(thread, run, state.Clock.UnixSeconds));

    /// <summary>Advances every run of the thread (before a list, or a check for an active run).</summary>
    public void AdvanceAll(ThreadRecord thread)
    {
        foreach (var run in thread.Runs.Snapshot()) Current(thread, run.Id);
    }

    private RunRecord Advance(ThreadRecord thread, RunRecord run, long now)
    {
        while (true)
        {
            switch (run.Status)
            {
                case "queued" when now >= run.StatusSince + 1:
                    run = run with { Status = "in_progress", StatusSince = run.StatusSince + 1, StartedAt = run.StartedAt ?? run.StatusSince + 1 };
                    continue;
                case "in_progress" when now >= run.StatusSince + 1:
                    run = Finish(thread, run, run.StatusSince + 1);
                    continue;
                case "requires_action" when now >= run.ExpiresAt:
                    run = run with { Status = "expired", StatusSince = run.ExpiresAt, PendingCalls = null, Steps = run.Steps.Select(s => s.Status == "in_progress" ? s with { Status = "expired" } : s).ToArray() };
                    continue;
                case "cancelling" when now >= run.StatusSince + 1:
                    run = run with { Status = "cancelled", StatusSince = run.StatusSince + 1, CancelledAt = run.StatusSince + 1, PendingCalls = null,
                        Steps = run.Steps.Select(s => s.Status == "in_progress" ? s with { Status = "cancelled" } : s).ToArray() };
                    continue;
                default:
                    return run;
            }
        }
    }

    private RunRecord Finish(ThreadRecord thread, RunRecord run, long at)
    {
        if (state.Store<Models.ModelStore>().Items.Get(run.Model) is null)
            return run with
            {
                Status = "failed", StatusSince = at, FailedAt = at,
                LastError = new JsonObject { ["code"] = "invalid_prompt", ["message"] = $"The model `{run.Model}` does not exist or you do not have access to it." },
            };
        var history = thread.Messages.Snapshot().Where(m => m.RunId != run.Id).Select(m => new StandInMessage(m.Role, m.Text)).ToList();
        if (run.ToolOutputs is { } outputs) history.AddRange(outputs.Select(o => new StandInMessage("tool", o.Output, o.Name)));
        var functions = run.Tools.OfType<JsonObject>().Where(t => (string?)t["type"] == "function" && t["function"] is JsonObject)
            .Select(t => new StandInFunction((string?)t["function"]!["name"] ?? "function", (string?)t["function"]!["description"],
                t["function"]!["parameters"] is JsonNode p ? JsonDocument.Parse(p.ToJsonString()).RootElement.Clone() : null))
            .ToList();
        var reply = StandInModel.Respond(new StandInPrompt
        {
            Model = run.Model, Instructions = run.Instructions, Messages = history, Functions = functions, MaxOutputTokens = run.MaxCompletionTokens,
        });
        if (reply.Failed)
            return run with
            {
                Status = "failed", StatusSince = at, FailedAt = at,
                LastError = new JsonObject { ["code"] = "server_error", ["message"] = reply.FailureMessage },
            };
        if (reply.FunctionCalls.Count > 0)
        {
            var calls = new JsonArray(reply.FunctionCalls.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = c.CallId,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
            }).ToArray());
            var step = new StepRecord(state.Ids.New("step_"), "tool_calls", "in_progress", at, null,
                new JsonObject { ["type"] = "tool_calls", ["tool_calls"] = calls.DeepClone() }, null);
            return run with { Status = "requires_action", StatusSince = at, PendingCalls = calls, Steps = run.Steps.Append(step).ToArray() };
        }

        var answer = reply.Text;
        var prompt = reply.InputTokens;
        var completion = reply.OutputTokens;
        var incomplete = reply.Incomplete;
        var message = thread.Messages.Append(last => new MessageRecord
        {
            Id = state.Ids.New("msg_"), ThreadId = thread.Id, CreatedAt = Math.Max(at, last?.CreatedAt ?? 0), Role = "assistant",
            Text = answer, Status = incomplete ? "incomplete" : "completed",
            AssistantId = run.AssistantId, RunId = run.Id,
        });
        var usage = new { prompt_tokens = prompt, completion_tokens = completion, total_tokens = prompt + completion };
        var created = new StepRecord(state.Ids.New("step_"), "message_creation", incomplete ? "failed" : "completed", at, incomplete ? null : at,
            new JsonObject { ["type"] = "message_creation", ["message_creation"] = new JsonObject { ["message_id"] = message.Id } }, usage);
        return run with
        {
            Status = incomplete ? "incomplete" : "completed", StatusSince = at, CompletedAt = incomplete ? null : at, IncompleteAt = incomplete ? at : null,
            Steps = run.Steps.Append(created).ToArray(), Usage = (prompt, completion),
        };
    }

    public object View(AssistantRecord a) => new
    {
        id = a.Id, @object = "assistant", created_at = a.CreatedAt, name = a.Name, description = a.Description, model = a.Model,
        instructions = a.Instructions, tools = a.Tools, tool_resources = new { }, metadata = a.Metadata ?? new(), temperature = a.Temperature ?? 1.0,
        top_p = 1.0, response_format = "auto",
    };

    public static object View(ThreadRecord t) => new { id = t.Id, @object = "thread", created_at = t.CreatedAt, tool_resources = new { }, metadata = t.Metadata ?? new() };

    public static object View(MessageRecord m) => new
    {
        id = m.Id, @object = "thread.message", created_at = m.CreatedAt, thread_id = m.ThreadId, status = m.Status,
        incomplete_details = m.Status == "incomplete" ? new { reason = "max_tokens" } : null,
        completed_at = m.Status == "completed" ? m.CreatedAt : (long?)null, incomplete_at = m.Status == "incomplete" ? m.CreatedAt : (long?)null,
        role = m.Role, content = new[] { new { type = "text", text = new { value = m.Text, annotations = Array.Empty<object>() } } },
        assistant_id = m.AssistantId, run_id = m.RunId, attachments = Array.Empty<object>(), metadata = m.Metadata ?? new(),
    };

    public static object View(RunRecord r) => new
    {
        id = r.Id, @object = "thread.run", created_at = r.CreatedAt, thread_id = r.ThreadId, assistant_id = r.AssistantId, status = r.Status,
        required_action = r.Status == "requires_action" ? new { type = "submit_tool_outputs", submit_tool_outputs = new { tool_calls = r.PendingCalls } } : null,
        last_error = r.LastError,
        expires_at = r.Status is "queued" or "in_progress" or "requires_action" or "cancelling" ? r.ExpiresAt : (long?)null,
        started_at = r.StartedAt, cancelled_at = r.CancelledAt, failed_at = r.FailedAt, completed_at = r.CompletedAt,
        incomplete_details = r.Status == "incomplete" ? new { reason = "max_completion_tokens" } : null,
        model = r.Model, instructions = r.Instructions ?? string.Empty, tools = r.Tools, metadata = r.Metadata ?? new(),
        usage = r.Usage is { } u ? new { prompt_tokens = u.Prompt, completion_tokens = u.Completion, total_tokens = u.Prompt + u.Completion } : null,
        temperature = 1.0, top_p = 1.0, max_prompt_tokens = (int?)null, max_completion_tokens = r.MaxCompletionTokens,
        truncation_strategy = new { type = "auto", last_messages = (int?)null }, tool_choice = "auto", parallel_tool_calls = true, response_format = "auto",
    };

    public static object View(RunRecord r, StepRecord s) => new
    {
        id = s.Id, @object = "thread.run.step", created_at = s.CreatedAt, assistant_id = r.AssistantId, thread_id = r.ThreadId, run_id = r.Id,
        type = s.Type, status = s.Status, step_details = s.Details, last_error = (object?)null,
        expired_at = s.Status == "expired" ? r.ExpiresAt : (long?)null, cancelled_at = s.Status == "cancelled" ? r.CancelledAt : null,
        failed_at = s.Status == "failed" ? r.IncompleteAt : null, completed_at = s.CompletedAt, metadata = new Dictionary<string, string>(), usage = s.Usage,
    };
}
