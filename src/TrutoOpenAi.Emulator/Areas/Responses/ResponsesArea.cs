using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>
/// Responses: POST /responses (answered by <see cref="StandInModel"/>; <c>stream</c> sends the spec's events, ending with
/// response.completed/incomplete/failed and no [DONE]; <c>background</c> progresses with the emulator clock),
/// GET /responses/{id} (also <c>?stream=true&amp;starting_after=N</c> for background responses), DELETE, POST .../cancel,
/// GET .../input_items, POST /responses/input_tokens and POST /responses/compact.
/// </summary>
public sealed class ResponsesArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ResponseStore>();
        var conversations = state.Store<ConversationStore>();
        var group = v1.MapGroup("/responses");
        var guardrails = state.Store<TrutoOpenAi.Emulator.Areas.Guardrails.GuardrailStore>();

        group.MapPost("", async (HttpContext context) =>
        {
            var body = await JsonBody.ReadAsync(context.Request);
            var root = body.Root;
            var model = body.RequiredString("model");
            guardrails.CheckModelAccess(context.Request, model);
            var (_, stream) = body.OptionalBool("stream");
            var (_, background) = body.OptionalBool("background");
            var (_, storeFlag) = body.OptionalBool("store");
            var previousId = body.OptionalString("previous_response_id").Value;
            var conversationId = ConversationId(root);
            if (previousId is not null && conversationId is not null)
                throw ApiErrors.BadRequest("Mutually exclusive parameters: 'previous_response_id' and 'conversation'. Ensure you are only providing one of them.", "previous_response_id", "mutually_exclusive_parameters").Throw();
            if (background == true && storeFlag == false)
                throw ApiErrors.BadRequest("Background mode requires 'store' to be true.", "background").Throw();

            var history = new List<JsonObject>();
            if (previousId is not null)
            {
                if (!store.Items.TryGetValue(previousId, out var previous) || !previous.Stored)
                    throw ApiErrors.NotFound($"Previous response with id '{previousId}' not found.", "previous_response_id").Throw();
                history.AddRange(previous.History);
            }
            ConversationRecord? conversation = null;
            if (conversationId is not null)
            {
                conversation = conversations.Require(conversationId, "conversation");
                lock (conversation) history.AddRange(conversation.Items);
            }
            var input = ModelInput.ReadItems(root, "input", state.Ids);
            var record = Create(state, store, root, model, history, input, background == true, storeFlag != false);
            if (conversation is not null)
            {
                lock (conversation)
                {
                    conversation.Items.AddRange(input.Select(i => i.DeepClone().AsObject()));
                    conversation.Items.AddRange(((JsonArray)record.Final["output"]!).Select(i => i!.DeepClone().AsObject()));
                }
            }
            if (stream != true) return Results.Json(record.View(state.Clock.UnixSeconds), EmulatorJson.Options);

            var lastUser = LastUserText(input);
            EventStreamWriter.Begin(context);
            var finished = await EventStreamWriter.WriteAsync(context, record.Events, named: true,
                EventStreamWriter.DropAfter(lastUser), EventStreamWriter.Hold(lastUser));
            if (!finished && !record.Background) record.ClientClosed = true;
            return Results.Empty;
        });

        group.MapGet("/{response_id}", async (HttpContext context, string response_id) =>
        {
            var record = store.Require(response_id);
            var query = context.Request.Query;
            if (query.TryGetValue("stream", out var streamFlag) && streamFlag == "true")
            {
                if (!record.Background)
                    throw ApiErrors.BadRequest("This response cannot be streamed because it was not created with background=true.", "stream").Throw();
                var after = -1;
                if (query.TryGetValue("starting_after", out var raw) && !int.TryParse(raw, out after))
                    throw ApiErrors.BadRequest($"Invalid 'starting_after': expected an integer, got '{raw}'.", "starting_after", "invalid_type").Throw();
                EventStreamWriter.Begin(context);
                await EventStreamWriter.WriteAsync(context, record.Events.Where(e => (int)e["sequence_number"]! > after), named: true);
                return Results.Empty;
            }
            return Results.Json(record.View(state.Clock.UnixSeconds), EmulatorJson.Options);
        });

        group.MapDelete("/{response_id}", (string response_id) =>
        {
            store.Require(response_id);
            store.Items.TryRemove(response_id, out _);
            return Results.Json(new JsonObject { ["id"] = response_id, ["object"] = "response", ["deleted"] = true }, EmulatorJson.Options);
        });

        group.MapPost("/{response_id}/cancel", (string response_id) =>
        {
            var record = store.Require(response_id);
            if (!record.Background)
                throw ApiErrors.BadRequest("Only responses created with background=true can be cancelled.", null, "invalid_state").Throw();
            var status = record.StatusAt(state.Clock.UnixSeconds);
            if (status is "queued" or "in_progress") record.Cancelled = true;
            else if (status != "cancelled")
                throw ApiErrors.BadRequest($"Cannot cancel a response with status '{status}'.", null, "invalid_state").Throw();
            return Results.Json(record.View(state.Clock.UnixSeconds), EmulatorJson.Options);
        });

        group.MapGet("/{response_id}/input_items", (HttpRequest request, string response_id) =>
            Results.Json(ItemList.Page(store.Require(response_id).InputItems, request), EmulatorJson.Options));

        group.MapPost("/input_tokens", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var prompt = Prompt(body.Root, History(store, conversations, body), ModelInput.ReadItems(body.Root, "input", state.Ids));
            return Results.Json(new JsonObject { ["object"] = "response.input_tokens", ["input_tokens"] = StandInModel.CountInput(prompt) }, EmulatorJson.Options);
        });

        group.MapPost("/compact", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            body.RequiredString("model");
            var items = History(store, conversations, body);
            items.AddRange(ModelInput.ReadItems(body.Root, "input", state.Ids));
            if (items.Count == 0) throw ApiErrors.MissingParameter("input").Throw();
            var prompt = Prompt(body.Root, new List<JsonObject>(), items);
            var kept = items.Where(i => (string?)i["type"] == "message" && (string?)i["role"] == "user").Select(i => i.DeepClone().AsObject()).ToList();
            var summary = string.Join("\n", ModelInput.ToMessages(items).Where(m => m.Role is "assistant" or "tool").Select(m => m.Text));
            var output = new JsonArray(kept.Cast<JsonNode>().ToArray())
            {
                new JsonObject { ["type"] = "compaction", ["id"] = state.Ids.New("cmp_"), ["encrypted_content"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(summary)) },
            };
            var input = StandInModel.CountInput(prompt);
            var outputTokens = StandInModel.CountTokens(summary);
            return Results.Json(new JsonObject
            {
                ["id"] = state.Ids.New("resp_"),
                ["object"] = "response.compaction",
                ["output"] = output,
                ["created_at"] = state.Clock.UnixSeconds,
                ["usage"] = ModelInput.Usage(input, outputTokens),
            }, EmulatorJson.Options);
        });
    }

    private static List<JsonObject> History(ResponseStore store, ConversationStore conversations, JsonBody body)
    {
        var history = new List<JsonObject>();
        if (body.OptionalString("previous_response_id").Value is { } previousId)
        {
            if (!store.Items.TryGetValue(previousId, out var previous))
                throw ApiErrors.NotFound($"Previous response with id '{previousId}' not found.", "previous_response_id").Throw();
            history.AddRange(previous.History);
        }
        if (ConversationId(body.Root) is { } conversationId)
        {
            var conversation = conversations.Require(conversationId, "conversation");
            lock (conversation) history.AddRange(conversation.Items);
        }
        return history;
    }

    private static string? ConversationId(JsonElement root)
    {
        if (!root.TryGetProperty("conversation", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) return id.GetString();
        throw ApiErrors.InvalidType("conversation", "a string or an object with an id", value.ValueKind).Throw();
    }

    private static string? LastUserText(List<JsonObject> input) =>
        ModelInput.ToMessages(input).LastOrDefault(m => m.Role == "user")?.Text;

    private static StandInPrompt Prompt(JsonElement root, List<JsonObject> history, List<JsonObject> input)
    {
        JsonElement? schema = null;
        if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.Object && text.TryGetProperty("format", out var format))
            schema = ModelInput.ReadSchema(format, "text.format");
        return new StandInPrompt
        {
            Model = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "gpt-4o-mini",
            Instructions = root.TryGetProperty("instructions", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null,
            Messages = ModelInput.ToMessages(history.Concat(input)),
            Functions = ModelInput.ReadFunctions(root),
            ToolChoice = ModelInput.ReadToolChoice(root),
            Schema = schema,
            MaxOutputTokens = ModelInput.ReadInt(root, "max_output_tokens", 16),
        };
    }

    private static ResponseRecord Create(EmulatorState state, ResponseStore store, JsonElement root, string model,
        List<JsonObject> history, List<JsonObject> input, bool background, bool stored)
    {
        var prompt = Prompt(root, history, input);
        var answer = StandInModel.Respond(prompt);
        var status = answer.Failed ? "failed" : answer.Incomplete ? "incomplete" : "completed";
        var output = ModelInput.OutputItems(answer, state.Ids, status == "incomplete" ? "incomplete" : "completed");
        var id = state.Ids.New("resp_");
        var created = state.Clock.UnixSeconds;
        var final = new JsonObject
        {
            ["id"] = id,
            ["object"] = "response",
            ["created_at"] = created,
            ["status"] = status,
            ["background"] = background,
            ["error"] = answer.Failed ? new JsonObject { ["code"] = "server_error", ["message"] = answer.FailureMessage } : null,
            ["incomplete_details"] = answer.Incomplete ? new JsonObject { ["reason"] = "max_output_tokens" } : null,
            ["instructions"] = ModelInput.Copy(root, "instructions"),
            ["max_output_tokens"] = prompt.MaxOutputTokens,
            ["model"] = model,
            ["output"] = new JsonArray(output.Cast<JsonNode>().ToArray()),
            ["parallel_tool_calls"] = ModelInput.Copy(root, "parallel_tool_calls") ?? true,
            ["previous_response_id"] = ModelInput.Copy(root, "previous_response_id"),
            ["reasoning"] = ModelInput.Copy(root, "reasoning") ?? new JsonObject { ["effort"] = null, ["summary"] = null },
            ["store"] = stored,
            ["temperature"] = ModelInput.Copy(root, "temperature") ?? 1.0,
            ["text"] = ModelInput.Copy(root, "text") ?? new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } },
            ["tool_choice"] = ModelInput.Copy(root, "tool_choice") ?? "auto",
            ["tools"] = ModelInput.Copy(root, "tools") ?? new JsonArray(),
            ["top_p"] = ModelInput.Copy(root, "top_p") ?? 1.0,
            ["truncation"] = ModelInput.Copy(root, "truncation") ?? "disabled",
            ["usage"] = answer.Failed ? null : ModelInput.Usage(answer),
            ["user"] = ModelInput.Copy(root, "user"),
            ["metadata"] = ModelInput.Copy(root, "metadata") ?? new JsonObject(),
        };
        if (ConversationId(root) is { } conversationId) final["conversation"] = new JsonObject { ["id"] = conversationId };
        var record = new ResponseRecord
        {
            Id = id,
            CreatedAt = created,
            Background = background,
            Stored = stored,
            Final = final,
            InputItems = input,
            History = history.Concat(input).Concat(output).Select(i => i.DeepClone().AsObject()).ToList(),
        };
        record.Events = BuildEvents(final, output, background);
        store.Items[id] = record;
        ModelTraffic.Record(state, model, answer.InputTokens, answer.OutputTokens);
        return record;
    }

    /// <summary>The spec's event sequence for a finished response.</summary>
    internal static List<JsonObject> BuildEvents(JsonObject final, List<JsonObject> output, bool background)
    {
        var events = new List<JsonObject>();
        void Add(string type, JsonObject fields)
        {
            var item = new JsonObject { ["type"] = type, ["sequence_number"] = events.Count };
            foreach (var (name, value) in fields.ToList()) item[name] = value?.DeepClone();
            events.Add(item);
        }
        JsonObject Snapshot(string status)
        {
            var copy = final.DeepClone().AsObject();
            copy["status"] = status;
            copy["output"] = new JsonArray();
            copy["usage"] = null;
            copy["error"] = null;
            copy["incomplete_details"] = null;
            return copy;
        }
        Add("response.created", new JsonObject { ["response"] = Snapshot(background ? "queued" : "in_progress") });
        if (background) Add("response.queued", new JsonObject { ["response"] = Snapshot("queued") });
        Add("response.in_progress", new JsonObject { ["response"] = Snapshot("in_progress") });
        for (var index = 0; index < output.Count; index++)
        {
            var item = output[index];
            var itemId = (string)item["id"]!;
            if ((string?)item["type"] == "function_call")
            {
                var added = item.DeepClone().AsObject();
                added["status"] = "in_progress";
                added["arguments"] = "";
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = added });
                var arguments = (string)item["arguments"]!;
                foreach (var piece in Split(arguments, 16))
                    Add("response.function_call_arguments.delta", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["delta"] = piece });
                Add("response.function_call_arguments.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["name"] = (string?)item["name"], ["arguments"] = arguments });
            }
            else
            {
                var added = item.DeepClone().AsObject();
                added["status"] = "in_progress";
                added["content"] = new JsonArray();
                Add("response.output_item.added", new JsonObject { ["output_index"] = index, ["item"] = added });
                var part = ((JsonArray)item["content"]!)[0]!.AsObject();
                var text = (string)part["text"]!;
                var empty = part.DeepClone().AsObject();
                empty["text"] = "";
                Add("response.content_part.added", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["content_index"] = 0, ["part"] = empty });
                foreach (var piece in StandInModel.Chunks(text))
                    Add("response.output_text.delta", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["content_index"] = 0, ["delta"] = piece, ["logprobs"] = new JsonArray() });
                Add("response.output_text.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["content_index"] = 0, ["text"] = text, ["logprobs"] = new JsonArray() });
                Add("response.content_part.done", new JsonObject { ["item_id"] = itemId, ["output_index"] = index, ["content_index"] = 0, ["part"] = part.DeepClone() });
            }
            Add("response.output_item.done", new JsonObject { ["output_index"] = index, ["item"] = item.DeepClone() });
        }
        var terminal = (string)final["status"]! switch { "failed" => "response.failed", "incomplete" => "response.incomplete", _ => "response.completed" };
        Add(terminal, new JsonObject { ["response"] = final.DeepClone() });
        return events;
    }

    private static IEnumerable<string> Split(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }
}
