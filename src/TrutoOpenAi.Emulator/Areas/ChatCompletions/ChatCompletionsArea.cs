using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Batches;
using TrutoOpenAi.Emulator.Areas.Responses;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.ChatCompletions;

internal sealed class StoredCompletion
{
    public required string Id { get; init; }
    public required long Created { get; init; }
    public required JsonObject Completion { get; set; }
    public required List<JsonObject> Messages { get; init; }
}

internal sealed class ChatCompletionStore(EmulatorState state) : IEmulatorStore
{
    public ConcurrentDictionary<string, StoredCompletion> Items { get; } = new();
    public List<string> Order { get; } = new();
    public EmulatorState State { get; } = state;

    public void Reset()
    {
        Items.Clear();
        lock (Order) Order.Clear();
    }

    public StoredCompletion Require(string id) =>
        Items.TryGetValue(id, out var record) ? record : throw ApiErrors.NotFound($"No chat completion found with id '{id}'.").Throw();
}

/// <summary>
/// Chat completions: POST /chat/completions (answered by <see cref="StandInModel"/>; <c>stream</c> sends
/// <c>chat.completion.chunk</c> data frames with content and tool_calls deltas by index, a usage chunk when
/// <c>stream_options.include_usage</c>, then <c>[DONE]</c>), and for completions created with <c>store: true</c>:
/// GET list (model and metadata[k] filters), GET/POST(metadata)/DELETE by id, GET .../messages.
/// Also the embeddings and moderations endpoints (POST /embeddings, POST /moderations).
/// </summary>
public sealed class ChatCompletionsArea : IEmulatorArea
{
    public static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool", "function"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ChatCompletionStore>();
        var group = v1.MapGroup("/chat/completions");
        var guardrails = state.Store<TrutoOpenAi.Emulator.Areas.Guardrails.GuardrailStore>();

        group.MapPost("", async (HttpContext context) =>
        {
            var body = await JsonBody.ReadAsync(context.Request);
            var root = body.Root;
            var model = body.RequiredString("model");
            guardrails.CheckModelAccess(context.Request, model);
            var messages = ReadMessages(root, state);
            var n = (int)(body.OptionalInteger("n", 1, 128).Value ?? 1);
            var (_, stream) = body.OptionalBool("stream");
            if (stream != true && root.TryGetProperty("stream_options", out var so) && so.ValueKind != JsonValueKind.Null)
                throw ApiErrors.BadRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options", "invalid_value").Throw();
            var (_, storeFlag) = body.OptionalBool("store");
            var metadata = BatchesArea.ReadMetadata(body);
            JsonElement? schema = null;
            if (root.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object)
            {
                var type = format.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "json_schema")
                {
                    if (!format.TryGetProperty("json_schema", out var js) || js.ValueKind != JsonValueKind.Object) throw ApiErrors.MissingParameter("response_format.json_schema").Throw();
                    schema = ModelInput.ReadSchema(JsonDocument.Parse(js.GetRawText().Insert(1, "\"type\":\"json_schema\",")).RootElement, "response_format.json_schema");
                }
                else schema = ModelInput.ReadSchema(format, "response_format");
            }
            var max = ModelInput.ReadInt(root, "max_completion_tokens", 1) ?? ModelInput.ReadInt(root, "max_tokens", 1);
            var prompt = new StandInPrompt
            {
                Model = model,
                Messages = ToStandIn(messages),
                Functions = ModelInput.ReadFunctions(root, chatShape: true),
                ToolChoice = ModelInput.ReadToolChoice(root),
                Schema = schema,
                MaxOutputTokens = max,
            };
            var answer = StandInModel.Respond(prompt);
            if (answer.Failed) throw new ApiError(500, answer.FailureMessage!, "server_error", null, "server_error").Throw();
            var id = "chatcmpl-" + state.Ids.New("", 29);
            var created = state.Clock.UnixSeconds;
            var finish = answer.FunctionCalls.Count > 0 ? "tool_calls" : answer.Incomplete ? "length" : "stop";
            var choices = new JsonArray();
            for (var i = 0; i < n; i++)
            {
                var message = new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = answer.FunctionCalls.Count > 0 ? null : answer.Text,
                    ["refusal"] = null,
                    ["annotations"] = new JsonArray(),
                };
                if (answer.FunctionCalls.Count > 0) message["tool_calls"] = ToolCalls(answer);
                choices.Add(new JsonObject { ["index"] = i, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = finish });
            }
            var usage = new JsonObject
            {
                ["prompt_tokens"] = answer.InputTokens,
                ["completion_tokens"] = answer.OutputTokens * n,
                ["total_tokens"] = answer.InputTokens + answer.OutputTokens * n,
                ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["audio_tokens"] = 0 },
                ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0, ["audio_tokens"] = 0, ["accepted_prediction_tokens"] = 0, ["rejected_prediction_tokens"] = 0 },
            };
            var completion = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = choices,
                ["usage"] = usage,
                ["service_tier"] = "default",
                ["system_fingerprint"] = "fp_standin",
            };
            if (storeFlag == true)
            {
                var stored = completion.DeepClone().AsObject();
                stored["metadata"] = Metadata(metadata);
                var ids = messages.Select((m, i) => StoredMessage(m, $"{id}-{i}")).ToList();
                store.Items[id] = new StoredCompletion { Id = id, Created = created, Completion = stored, Messages = ids };
                lock (store.Order) store.Order.Add(id);
            }
            ModelTraffic.Record(state, model, answer.InputTokens, answer.OutputTokens * n);
            if (stream != true) return Results.Json(completion, EmulatorJson.Options);

            var includeUsage = root.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
                && options.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
            var lastUser = prompt.Messages.LastOrDefault(m => m.Role == "user")?.Text;
            EventStreamWriter.Begin(context);
            await EventStreamWriter.WriteAsync(context, Chunks(completion, answer, n, finish, includeUsage ? usage : null), named: false,
                EventStreamWriter.DropAfter(lastUser), EventStreamWriter.Hold(lastUser), done: "data: [DONE]\n\n");
            return Results.Empty;
        });

        group.MapGet("", (HttpRequest request) =>
        {
            var query = request.Query;
            var model = query.TryGetValue("model", out var m) ? m.ToString() : null;
            var filters = query.Where(q => q.Key.StartsWith("metadata[", StringComparison.Ordinal) && q.Key.EndsWith(']'))
                .Select(q => (Key: q.Key[9..^1], Value: q.Value.ToString())).ToList();
            List<string> order;
            lock (store.Order) order = store.Order.ToList();
            var items = order.Select(id => store.Items.GetValueOrDefault(id)).OfType<StoredCompletion>()
                .Where(c => model is null || (string?)c.Completion["model"] == model)
                .Where(c => filters.All(f => (string?)c.Completion["metadata"]?[f.Key] == f.Value))
                .Select(c => c.Completion).ToList();
            return Results.Json(ItemList.Page(items, request, defaultOrder: "asc"), EmulatorJson.Options);
        });

        group.MapGet("/{completion_id}", (string completion_id) => Results.Json(store.Require(completion_id).Completion, EmulatorJson.Options));

        group.MapPost("/{completion_id}", async (HttpRequest request, string completion_id) =>
        {
            var record = store.Require(completion_id);
            var body = await JsonBody.ReadAsync(request);
            if (!body.Has("metadata")) throw ApiErrors.MissingParameter("metadata").Throw();
            record.Completion["metadata"] = Metadata(BatchesArea.ReadMetadata(body));
            return Results.Json(record.Completion, EmulatorJson.Options);
        });

        group.MapDelete("/{completion_id}", (string completion_id) =>
        {
            store.Require(completion_id);
            store.Items.TryRemove(completion_id, out _);
            lock (store.Order) store.Order.Remove(completion_id);
            return Results.Json(new JsonObject { ["object"] = "chat.completion.deleted", ["id"] = completion_id, ["deleted"] = true }, EmulatorJson.Options);
        });

        group.MapGet("/{completion_id}/messages", (HttpRequest request, string completion_id) =>
            Results.Json(ItemList.Page(store.Require(completion_id).Messages, request, defaultOrder: "asc"), EmulatorJson.Options));

        v1.MapPost("/embeddings", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var model = body.RequiredString("model");
            var format = body.OptionalEnum("encoding_format", ["float", "base64"]).Value ?? "float";
            var dimensions = (int?)body.OptionalInteger("dimensions", 1).Value ?? (model.Contains("large", StringComparison.Ordinal) ? 3072 : 1536);
            var inputs = ReadTexts(body.Root, "input", 2048);
            var total = 0;
            var data = new JsonArray();
            for (var i = 0; i < inputs.Count; i++)
            {
                var tokens = StandInModel.CountTokens(inputs[i]);
                if (inputs[i].Length == 0) throw ApiErrors.BadRequest($"Invalid 'input[{i}]': empty string.", $"input[{i}]", "empty_string").Throw();
                if (tokens > 8192) throw ApiErrors.BadRequest($"This model's maximum context length is 8192 tokens, however you requested {tokens} tokens (input[{i}]).", $"input[{i}]", "context_length_exceeded").Throw();
                total += tokens;
                var vector = StandInModel.Embed(inputs[i], dimensions);
                JsonNode embedding = format == "base64"
                    ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))!
                    : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
                data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
            }
            if (total > 300_000) throw ApiErrors.BadRequest($"Requested {total} tokens, max 300000 tokens per request.", "input", "max_tokens_per_request").Throw();
            ModelTraffic.Record(state, model, total, 0, "embeddings");
            return Results.Json(new JsonObject { ["object"] = "list", ["data"] = data, ["model"] = model, ["usage"] = new JsonObject { ["prompt_tokens"] = total, ["total_tokens"] = total } }, EmulatorJson.Options);
        });

        v1.MapPost("/moderations", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var model = body.OptionalString("model").Value ?? "omni-moderation-latest";
            var inputs = ReadTexts(body.Root, "input", 32, allowParts: true);
            var results = new JsonArray();
            foreach (var text in inputs)
            {
                var (flagged, categories, scores) = StandInModel.Moderate(text);
                var categoryJson = new JsonObject();
                var scoreJson = new JsonObject();
                var types = new JsonObject();
                foreach (var name in AllCategories)
                {
                    var parent = name.Split('/')[0];
                    var hit = name == parent && categories.GetValueOrDefault(name);
                    categoryJson[name] = hit;
                    scoreJson[name] = name == parent ? scores.GetValueOrDefault(name) : Math.Round(scores.GetValueOrDefault(parent) / 10, 6);
                    types[name] = new JsonArray("text");
                }
                results.Add(new JsonObject { ["flagged"] = flagged, ["categories"] = categoryJson, ["category_scores"] = scoreJson, ["category_applied_input_types"] = types });
            }
            ModelTraffic.Record(state, model, inputs.Sum(StandInModel.CountTokens), 0, "moderations");
            return Results.Json(new JsonObject { ["id"] = "modr-" + state.Ids.New("", 24), ["model"] = model, ["results"] = results }, EmulatorJson.Options);
        });
    }

    public static readonly string[] AllCategories =
    [
        "harassment", "harassment/threatening", "hate", "hate/threatening", "illicit", "illicit/violent",
        "self-harm", "self-harm/intent", "self-harm/instructions", "sexual", "sexual/minors", "violence", "violence/graphic",
    ];

    private static List<string> ReadTexts(JsonElement root, string field, int maxItems, bool allowParts = false)
    {
        if (!root.TryGetProperty(field, out var input) || input.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter(field).Throw();
        if (input.ValueKind == JsonValueKind.String) return [input.GetString()!];
        if (input.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType(field, "a string or an array", input.ValueKind).Throw();
        if (input.GetArrayLength() == 0) throw ApiErrors.BadRequest($"Invalid '{field}': empty array. Expected an array with minimum length 1.", field, "empty_array").Throw();
        if (input.GetArrayLength() > maxItems)
            throw ApiErrors.BadRequest($"Invalid '{field}': array too long. Expected an array with maximum length {maxItems}, but got an array with length {input.GetArrayLength()} instead.", field, "array_above_max_length").Throw();
        var texts = new List<string>();
        var index = 0;
        foreach (var item in input.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) texts.Add(item.GetString()!);
            else if (allowParts && item.ValueKind == JsonValueKind.Object)
                texts.Add(item.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "[image]");
            else if (item.ValueKind == JsonValueKind.Array || item.ValueKind == JsonValueKind.Number) texts.Add(item.GetRawText());
            else throw ApiErrors.InvalidType($"{field}[{index}]", "a string", item.ValueKind).Throw();
            index++;
        }
        return texts;
    }

    private static JsonObject Metadata(Dictionary<string, string>? metadata)
    {
        var result = new JsonObject();
        if (metadata is not null) foreach (var (k, v) in metadata) result[k] = v;
        return result;
    }

    /// <summary>A request message as GET .../messages lists it: text content as <c>content</c>; content given as parts also
    /// in <c>content_parts</c> (else null); <c>name</c>, and the tool fields when present.</summary>
    private static JsonObject StoredMessage(JsonObject message, string id)
    {
        var stored = new JsonObject { ["id"] = id, ["role"] = message["role"]?.DeepClone() };
        switch (message["content"])
        {
            case JsonArray parts:
                var texts = parts.OfType<JsonObject>().Where(p => (string?)p["type"] == "text").Select(p => (string?)p["text"]).ToList();
                stored["content"] = texts.Count > 0 ? string.Concat(texts) : null;
                stored["name"] = message["name"]?.DeepClone();
                stored["content_parts"] = parts.DeepClone();
                break;
            default:
                stored["content"] = message["content"]?.DeepClone();
                stored["name"] = message["name"]?.DeepClone();
                stored["content_parts"] = null;
                break;
        }
        if (message["tool_calls"] is JsonArray calls) stored["tool_calls"] = calls.DeepClone();
        if (message["tool_call_id"] is { } callId) stored["tool_call_id"] = callId.DeepClone();
        return stored;
    }

    private static JsonArray ToolCalls(StandInAnswer answer) =>
        new(answer.FunctionCalls.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.CallId,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
        }).ToArray());

    private static List<JsonObject> ReadMessages(JsonElement root, EmulatorState state)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("messages").Throw();
        if (messages.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("messages", "an array", messages.ValueKind).Throw();
        if (messages.GetArrayLength() == 0) throw ApiErrors.BadRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "messages", "empty_array").Throw();
        var list = new List<JsonObject>();
        var index = 0;
        foreach (var raw in messages.EnumerateArray())
        {
            var param = $"messages[{index++}]";
            if (raw.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType(param, "an object", raw.ValueKind).Throw();
            var message = JsonNode.Parse(raw.GetRawText())!.AsObject();
            var role = (string?)message["role"] ?? throw ApiErrors.MissingParameter(param + ".role").Throw();
            if (!Roles.Contains(role))
                throw ApiErrors.BadRequest($"Invalid value: '{role}'. Supported values are: {string.Join(", ", Roles.Select(r => $"'{r}'"))}.", param + ".role", "invalid_value").Throw();
            if (role == "tool" && message["tool_call_id"] is null) throw ApiErrors.MissingParameter(param + ".tool_call_id").Throw();
            list.Add(message);
        }
        return list;
    }

    private static List<StandInMessage> ToStandIn(List<JsonObject> messages)
    {
        var names = new Dictionary<string, string>();
        var result = new List<StandInMessage>();
        foreach (var message in messages)
        {
            var role = (string)message["role"]!;
            if (message["tool_calls"] is JsonArray calls)
                foreach (var call in calls.OfType<JsonObject>())
                    if ((string?)call["id"] is { } id && (string?)call["function"]?["name"] is { } name) names[id] = name;
            var text = message["content"] switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => (string?)p["type"] == "text" ? (string?)p["text"] : "[" + (string?)p["type"] + "]")),
                _ => "",
            };
            result.Add(role == "tool"
                ? new StandInMessage("tool", text ?? "", names.GetValueOrDefault((string?)message["tool_call_id"] ?? ""))
                : new StandInMessage(role == "function" ? "tool" : role, text ?? ""));
        }
        return result;
    }

    private static IEnumerable<JsonObject> Chunks(JsonObject completion, StandInAnswer answer, int n, string finish, JsonObject? usage)
    {
        // With include_usage every chunk has "usage": null but the last, which has the usage and no choices; without it, no usage field.
        JsonObject Chunk(JsonArray choices, JsonNode? usageValue = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = completion["id"]!.DeepClone(),
                ["object"] = "chat.completion.chunk",
                ["created"] = completion["created"]!.DeepClone(),
                ["model"] = completion["model"]!.DeepClone(),
                ["service_tier"] = "default",
                ["system_fingerprint"] = "fp_standin",
                ["choices"] = choices,
            };
            if (usage is not null) chunk["usage"] = usageValue;
            return chunk;
        }
        JsonObject Choice(int index, JsonObject delta, string? reason = null) =>
            new() { ["index"] = index, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = reason };

        for (var i = 0; i < n; i++)
        {
            yield return Chunk(new JsonArray(Choice(i, new JsonObject { ["role"] = "assistant", ["content"] = answer.FunctionCalls.Count > 0 ? null : "", ["refusal"] = null })));
            if (answer.FunctionCalls.Count > 0)
            {
                for (var c = 0; c < answer.FunctionCalls.Count; c++)
                {
                    var call = answer.FunctionCalls[c];
                    yield return Chunk(new JsonArray(Choice(i, new JsonObject
                    {
                        ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = c, ["id"] = call.CallId, ["type"] = "function", ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" } }),
                    })));
                    for (var at = 0; at < call.Arguments.Length; at += 8)
                    {
                        var piece = call.Arguments.Substring(at, Math.Min(8, call.Arguments.Length - at));
                        yield return Chunk(new JsonArray(Choice(i, new JsonObject
                        {
                            ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = c, ["function"] = new JsonObject { ["arguments"] = piece } }),
                        })));
                    }
                }
            }
            else
            {
                foreach (var piece in StandInModel.Chunks(answer.Text))
                    yield return Chunk(new JsonArray(Choice(i, new JsonObject { ["content"] = piece })));
            }
            yield return Chunk(new JsonArray(Choice(i, new JsonObject(), finish)));
        }
        if (usage is not null) yield return Chunk(new JsonArray(), usage.DeepClone());
    }
}
