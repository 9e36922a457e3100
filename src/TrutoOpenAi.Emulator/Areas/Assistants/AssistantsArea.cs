using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Assistants;

/// <summary>
/// The Assistants API (retired by OpenAI on 2026-08-26): /assistants (list, create, get, modify, delete), /threads
/// (create, get, modify, delete), /threads/{id}/messages (list with run_id, create, get, modify, delete), /threads/{id}/runs
/// (list, create, get, modify, cancel, submit_tool_outputs) and .../steps (list, get). Every request must carry
/// OpenAI-Beta: assistants=v2, or it is refused with the API's 400 invalid_beta. Lists are newest first (limit 1-100,
/// after, before, order). Run lifecycle: see <see cref="RunRecord"/>. With --assistants-retired (Start-OpenAiEmulator
/// -AssistantsRetired) every route answers as the API has since the shutdown: 404 "Invalid URL (METHOD /v1/path)".
/// </summary>
public sealed class AssistantsArea : IEmulatorArea
{
    private static readonly ListSpec Spec = new(SupportsBefore: true, DefaultOrder: "desc");
    private static readonly string[] ToolTypes = ["code_interpreter", "file_search", "function"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<AssistantsStore>();
        var assistants = v1.MapGroup("/assistants").AddEndpointFilter((context, next) => Gate(store, context, next));
        var threads = v1.MapGroup("/threads").AddEndpointFilter((context, next) => Gate(store, context, next));

        assistants.MapGet("", (HttpRequest request) =>
            Results.Json(CursorList.Page(store.Assistants, ListQuery.Parse(request, Spec), store.View), EmulatorJson.Options));

        assistants.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var model = body.RequiredString("model");
            CheckModel(state, model);
            var record = store.Assistants.Append(last => new AssistantRecord
            {
                Id = state.Ids.New("asst_"), CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0), Model = model,
                Name = body.OptionalString("name").Value, Description = body.OptionalString("description").Value,
                Instructions = body.OptionalString("instructions").Value, Tools = ReadTools(body) ?? new JsonArray(),
                Temperature = body.Root.TryGetProperty("temperature", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null,
                Metadata = Batches.BatchesArea.ReadMetadata(body),
            });
            return Results.Json(store.View(record), EmulatorJson.Options);
        });

        assistants.MapGet("/{assistant_id}", (string assistant_id) => Results.Json(store.View(FindAssistant(store, assistant_id)), EmulatorJson.Options));

        assistants.MapPost("/{assistant_id}", async (HttpRequest request, string assistant_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            FindAssistant(store, assistant_id);
            var (hasModel, model) = body.OptionalString("model");
            if (hasModel && model is not null) CheckModel(state, model);
            var tools = ReadTools(body);
            var updated = store.Assistants.Update(assistant_id, a => a with
            {
                Model = model ?? a.Model,
                Name = body.Has("name") ? body.OptionalString("name").Value : a.Name,
                Description = body.Has("description") ? body.OptionalString("description").Value : a.Description,
                Instructions = body.Has("instructions") ? body.OptionalString("instructions").Value : a.Instructions,
                Tools = tools ?? a.Tools,
                Metadata = body.Has("metadata") ? Batches.BatchesArea.ReadMetadata(body) : a.Metadata,
            })!;
            return Results.Json(store.View(updated), EmulatorJson.Options);
        });

        assistants.MapDelete("/{assistant_id}", (string assistant_id) =>
        {
            FindAssistant(store, assistant_id);
            store.Assistants.Remove(assistant_id);
            return Results.Json(new { id = assistant_id, @object = "assistant.deleted", deleted = true }, EmulatorJson.Options);
        });

        threads.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            var messages = new List<(string Role, string Text, Dictionary<string, string>? Metadata)>();
            if (body.Root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var m in list.EnumerateArray()) messages.Add(ReadMessage(m, $"messages[{i++}]"));
            }
            var thread = store.Threads.Append(last => new ThreadRecord
            {
                Id = state.Ids.New("thread_"), CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0), Metadata = metadata,
            });
            foreach (var m in messages) AddMessage(state, thread, m.Role, m.Text, m.Metadata);
            return Results.Json(AssistantsStore.View(thread), EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}", (string thread_id) => Results.Json(AssistantsStore.View(FindThread(store, thread_id)), EmulatorJson.Options));

        threads.MapPost("/{thread_id}", async (HttpRequest request, string thread_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            FindThread(store, thread_id);
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            var updated = store.Threads.Update(thread_id, t => body.Has("metadata") ? t with { Metadata = metadata } : t)!;
            return Results.Json(AssistantsStore.View(updated), EmulatorJson.Options);
        });

        threads.MapDelete("/{thread_id}", (string thread_id) =>
        {
            FindThread(store, thread_id);
            store.Threads.Remove(thread_id);
            return Results.Json(new { id = thread_id, @object = "thread.deleted", deleted = true }, EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}/messages", (HttpRequest request, string thread_id) =>
        {
            var query = ListQuery.Parse(request, Spec);
            var thread = FindThread(store, thread_id);
            store.AdvanceAll(thread);
            var runId = request.Query.TryGetValue("run_id", out var r) ? r[0] : null;
            return Results.Json(CursorList.Page(thread.Messages, query, AssistantsStore.View, runId is null ? null : m => m.RunId == runId), EmulatorJson.Options);
        });

        threads.MapPost("/{thread_id}/messages", async (HttpRequest request, string thread_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var thread = FindThread(store, thread_id);
            var (role, text, metadata) = ReadMessage(body.Root, null);
            store.AdvanceAll(thread);
            if (thread.Runs.Find(run => run.IsActive) is { } active)
                throw ApiErrors.BadRequest($"Can't add messages to {thread.Id} while a run {active.Id} is active.").Throw();
            return Results.Json(AssistantsStore.View(AddMessage(state, thread, role, text, metadata)), EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}/messages/{message_id}", (string thread_id, string message_id) =>
        {
            var thread = FindThread(store, thread_id);
            store.AdvanceAll(thread);
            return Results.Json(AssistantsStore.View(FindMessage(thread, message_id)), EmulatorJson.Options);
        });

        threads.MapPost("/{thread_id}/messages/{message_id}", async (HttpRequest request, string thread_id, string message_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var thread = FindThread(store, thread_id);
            FindMessage(thread, message_id);
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            var updated = thread.Messages.Update(message_id, m => body.Has("metadata") ? m with { Metadata = metadata } : m)!;
            return Results.Json(AssistantsStore.View(updated), EmulatorJson.Options);
        });

        threads.MapDelete("/{thread_id}/messages/{message_id}", (string thread_id, string message_id) =>
        {
            var thread = FindThread(store, thread_id);
            FindMessage(thread, message_id);
            thread.Messages.Remove(message_id);
            return Results.Json(new { id = message_id, @object = "thread.message.deleted", deleted = true }, EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}/runs", (HttpRequest request, string thread_id) =>
        {
            var query = ListQuery.Parse(request, Spec);
            var thread = FindThread(store, thread_id);
            store.AdvanceAll(thread);
            return Results.Json(CursorList.Page(thread.Runs, query, AssistantsStore.View), EmulatorJson.Options);
        });

        threads.MapPost("/{thread_id}/runs", async (HttpRequest request, string thread_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var thread = FindThread(store, thread_id);
            var assistantId = body.RequiredString("assistant_id");
            var assistant = FindAssistant(store, assistantId);
            var tools = ReadTools(body);
            var (_, max) = body.OptionalInteger("max_completion_tokens", 256); // CreateRunRequest: minimum 256
            var additional = new List<(string Role, string Text, Dictionary<string, string>? Metadata)>();
            if (body.Root.TryGetProperty("additional_messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var m in list.EnumerateArray()) additional.Add(ReadMessage(m, $"additional_messages[{i++}]"));
            }
            store.AdvanceAll(thread);
            if (thread.Runs.Find(run => run.IsActive) is { } active)
                throw ApiErrors.BadRequest($"Thread {thread.Id} already has an active run {active.Id}.").Throw();
            foreach (var m in additional) AddMessage(state, thread, m.Role, m.Text, m.Metadata);
            var instructions = body.OptionalString("instructions").Value ?? assistant.Instructions;
            if (body.OptionalString("additional_instructions").Value is { } more) instructions = (instructions is null ? "" : instructions + "\n") + more;
            var run = thread.Runs.Append(last =>
            {
                var created = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0);
                return new RunRecord
                {
                    Id = state.Ids.New("run_"), ThreadId = thread.Id, AssistantId = assistant.Id, CreatedAt = created, StatusSince = created,
                    Model = body.OptionalString("model").Value ?? assistant.Model, Instructions = instructions, Tools = tools ?? (JsonArray)assistant.Tools.DeepClone(),
                    MaxCompletionTokens = (int?)max, Metadata = Batches.BatchesArea.ReadMetadata(body),
                };
            });
            return Results.Json(AssistantsStore.View(run), EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}/runs/{run_id}", (string thread_id, string run_id) =>
            Results.Json(AssistantsStore.View(FindRun(store, FindThread(store, thread_id), run_id)), EmulatorJson.Options));

        threads.MapPost("/{thread_id}/runs/{run_id}", async (HttpRequest request, string thread_id, string run_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var thread = FindThread(store, thread_id);
            FindRun(store, thread, run_id);
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            var updated = thread.Runs.Update(run_id, r => body.Has("metadata") ? r with { Metadata = metadata } : r)!;
            return Results.Json(AssistantsStore.View(updated), EmulatorJson.Options);
        });

        threads.MapPost("/{thread_id}/runs/{run_id}/cancel", (string thread_id, string run_id) =>
        {
            var thread = FindThread(store, thread_id);
            FindRun(store, thread, run_id);
            string? refused = null;
            var updated = thread.Runs.Update(run_id, r =>
            {
                if (r.Status is not ("queued" or "in_progress" or "requires_action")) { refused = r.Status; return r; }
                return r with { Status = "cancelling", StatusSince = state.Clock.UnixSeconds };
            })!;
            if (refused is not null) throw ApiErrors.BadRequest($"Cannot cancel run with status '{refused}'.").Throw();
            return Results.Json(AssistantsStore.View(updated), EmulatorJson.Options);
        });

        threads.MapPost("/{thread_id}/runs/{run_id}/submit_tool_outputs", async (HttpRequest request, string thread_id, string run_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var thread = FindThread(store, thread_id);
            var run = FindRun(store, thread, run_id);
            if (run.Status != "requires_action")
                throw ApiErrors.BadRequest($"Runs in status \"{run.Status}\" do not accept tool outputs.").Throw();
            if (!body.Root.TryGetProperty("tool_outputs", out var outputs) || outputs.ValueKind != JsonValueKind.Array)
                throw ApiErrors.MissingParameter("tool_outputs").Throw();
            var calls = run.PendingCalls!.OfType<JsonObject>().ToDictionary(c => (string)c["id"]!, c => (string?)c["function"]?["name"] ?? "function");
            var given = new Dictionary<string, string>();
            foreach (var o in outputs.EnumerateArray())
            {
                var id = o.TryGetProperty("tool_call_id", out var i) ? i.GetString() ?? "" : "";
                if (!calls.ContainsKey(id)) throw ApiErrors.BadRequest($"Invalid tool_call_id: {id}. No tool call with this id is waiting for an output.", "tool_outputs").Throw();
                given[id] = o.TryGetProperty("output", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            }
            if (calls.Keys.FirstOrDefault(k => !given.ContainsKey(k)) is { } missing)
                throw ApiErrors.BadRequest($"Expected tool outputs for call_ids [{string.Join(", ", calls.Keys.Select(k => $"'{k}'"))}], got [{string.Join(", ", given.Keys.Select(k => $"'{k}'"))}]").Throw();
            var now = state.Clock.UnixSeconds;
            var updated = thread.Runs.Update(run_id, r => r with
            {
                Status = "queued", StatusSince = now, PendingCalls = null,
                ToolOutputs = given.Select(g => (calls[g.Key], g.Value)).ToList(),
                Steps = r.Steps.Select(s => s.Type == "tool_calls" && s.Status == "in_progress" ? s with { Status = "completed", CompletedAt = now, Details = WithOutputs(s.Details, given) } : s).ToArray(),
            })!;
            return Results.Json(AssistantsStore.View(updated), EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}/runs/{run_id}/steps", (HttpRequest request, string thread_id, string run_id) =>
        {
            var query = ListQuery.Parse(request, Spec);
            var run = FindRun(store, FindThread(store, thread_id), run_id);
            var steps = new OrderedStore<StepRecord>();
            steps.AddRange(run.Steps);
            return Results.Json(CursorList.Page(steps, query, s => AssistantsStore.View(run, s)), EmulatorJson.Options);
        });

        threads.MapGet("/{thread_id}/runs/{run_id}/steps/{step_id}", (string thread_id, string run_id, string step_id) =>
        {
            var run = FindRun(store, FindThread(store, thread_id), run_id);
            var step = run.Steps.FirstOrDefault(s => s.Id == step_id) ?? throw ApiErrors.NotFound($"No run step found with id '{step_id}'.").Throw();
            return Results.Json(AssistantsStore.View(run, step), EmulatorJson.Options);
        });
    }

    /// <summary>Retired mode first (the route is gone), then the beta header the API demanded.</summary>
    private static async ValueTask<object?> Gate(AssistantsStore store, EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (store.Retired) return ApiErrors.InvalidUrl(request).ToResult();
        var beta = request.Headers["OpenAI-Beta"].ToString();
        if (!beta.Split(',').Any(v => v.Trim() == "assistants=v2"))
        {
            var message = beta.Contains("assistants=v1", StringComparison.Ordinal)
                ? "The v1 Assistants API has been deprecated. Please try again by setting the header 'OpenAI-Beta: assistants=v2'. See the migration guide for more information: https://platform.openai.com/docs/assistants/migration."
                : "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.";
            return ApiErrors.BadRequest(message, null, "invalid_beta").ToResult();
        }
        return await next(context);
    }

    private static void CheckModel(EmulatorState state, string model)
    {
        if (state.Store<Models.ModelStore>().Items.Get(model) is null)
            throw ApiErrors.BadRequest($"The requested model '{model}' does not exist.", "model", "model_not_found").Throw();
    }

    private static JsonArray? ReadTools(JsonBody body)
    {
        if (!body.Root.TryGetProperty("tools", out var raw) || raw.ValueKind == JsonValueKind.Null) return null;
        if (raw.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("tools", "an array", raw.ValueKind).Throw();
        var tools = JsonNode.Parse(raw.GetRawText())!.AsArray();
        for (var i = 0; i < tools.Count; i++)
        {
            var type = (string?)tools[i]?["type"];
            if (type is null || !ToolTypes.Contains(type))
                throw ApiErrors.BadRequest($"Invalid value: '{type}'. Supported values are: 'code_interpreter', 'file_search', and 'function'.", $"tools[{i}].type", "invalid_value").Throw();
            if (type == "function" && (string?)tools[i]?["function"]?["name"] is null) throw ApiErrors.MissingParameter($"tools[{i}].function.name").Throw();
        }
        return tools;
    }

    private static (string Role, string Text, Dictionary<string, string>? Metadata) ReadMessage(JsonElement m, string? prefix)
    {
        string P(string name) => prefix is null ? name : $"{prefix}.{name}";
        if (!m.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String) throw ApiErrors.MissingParameter(P("role")).Throw();
        if (role.GetString() is not ("user" or "assistant"))
            throw ApiErrors.BadRequest($"Invalid value: '{role.GetString()}'. Supported values are: 'user' and 'assistant'.", P("role"), "invalid_value").Throw();
        if (!m.TryGetProperty("content", out var content)) throw ApiErrors.MissingParameter(P("content")).Throw();
        var text = content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
                .Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text" && p.TryGetProperty("text", out _))
                .Select(p => p.GetProperty("text").ValueKind == JsonValueKind.String ? p.GetProperty("text").GetString() : p.GetProperty("text").GetRawText())),
            _ => throw ApiErrors.InvalidType(P("content"), "a string or an array", content.ValueKind).Throw(),
        };
        Dictionary<string, string>? metadata = null;
        if (m.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
            metadata = meta.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
        return (role.GetString()!, text, metadata);
    }

    private static MessageRecord AddMessage(EmulatorState state, ThreadRecord thread, string role, string text, Dictionary<string, string>? metadata) =>
        thread.Messages.Append(last => new MessageRecord
        {
            Id = state.Ids.New("msg_"), ThreadId = thread.Id, CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0), Role = role, Text = text, Metadata = metadata,
        });

    private static JsonObject WithOutputs(JsonObject details, Dictionary<string, string> outputs)
    {
        var copy = (JsonObject)details.DeepClone();
        foreach (var call in (copy["tool_calls"] as JsonArray ?? new JsonArray()).OfType<JsonObject>())
            if ((string?)call["id"] is { } id && outputs.TryGetValue(id, out var output) && call["function"] is JsonObject f) f["output"] = output;
        return copy;
    }

    private static AssistantRecord FindAssistant(AssistantsStore store, string id) =>
        store.Assistants.Get(id) ?? throw ApiErrors.NotFound($"No assistant found with id '{id}'.").Throw();

    private static ThreadRecord FindThread(AssistantsStore store, string id) =>
        store.Threads.Get(id) ?? throw ApiErrors.NotFound($"No thread found with id '{id}'.").Throw();

    private static MessageRecord FindMessage(ThreadRecord thread, string id) =>
        thread.Messages.Get(id) ?? throw ApiErrors.NotFound($"No message found with id '{id}'.").Throw();

    private static RunRecord FindRun(AssistantsStore store, ThreadRecord thread, string id) =>
        store.Current(thread, id) ?? throw ApiErrors.NotFound($"No run found with id '{id}'.").Throw();
}
