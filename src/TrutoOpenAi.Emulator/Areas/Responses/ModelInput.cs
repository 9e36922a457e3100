using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>
/// Reads the Responses API's model inputs (input, instructions, tools, tool_choice, text.format, max_output_tokens) into a
/// <see cref="StandInPrompt"/>, validating them with the API's error shapes, and turns the stand-in's answer into output
/// items. Shared by responses, input-token counts, compaction and conversations.
/// </summary>
internal static class ModelInput
{
    public static readonly string[] Roles = ["user", "assistant", "system", "developer"];

    /// <summary>Input items as stored (each with an id), from the <c>input</c> field (string or array).</summary>
    public static List<JsonObject> ReadItems(JsonElement root, string field, IdGenerator ids, bool required = false)
    {
        var items = new List<JsonObject>();
        if (!root.TryGetProperty(field, out var input) || input.ValueKind == JsonValueKind.Null)
        {
            if (required) throw ApiErrors.MissingParameter(field).Throw();
            return items;
        }
        if (input.ValueKind == JsonValueKind.String)
        {
            items.Add(Message(ids.New("msg_"), "user", input.GetString()!, "input_text"));
            return items;
        }
        if (input.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType(field, "a string or an array", input.ValueKind).Throw();
        var index = 0;
        foreach (var raw in input.EnumerateArray())
        {
            var param = $"{field}[{index++}]";
            if (raw.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType(param, "an object", raw.ValueKind).Throw();
            var item = JsonNode.Parse(raw.GetRawText())!.AsObject();
            var type = (string?)item["type"] ?? (item.ContainsKey("role") ? "message" : null);
            if (type is null) throw ApiErrors.MissingParameter(param + ".type").Throw();
            item["type"] = type;
            switch (type)
            {
                case "message":
                    var role = (string?)item["role"] ?? throw ApiErrors.MissingParameter(param + ".role").Throw();
                    if (!Roles.Contains(role))
                        throw ApiErrors.BadRequest($"Invalid value: '{role}'. Supported values are: {string.Join(", ", Roles.Select(r => $"'{r}'"))}.", param + ".role", "invalid_value").Throw();
                    if (item["content"] is JsonValue text && text.TryGetValue<string>(out var s))
                        item["content"] = new JsonArray(new JsonObject { ["type"] = role == "assistant" ? "output_text" : "input_text", ["text"] = s });
                    else if (item["content"] is not JsonArray) throw ApiErrors.MissingParameter(param + ".content").Throw();
                    foreach (var part in ((JsonArray)item["content"]!).OfType<JsonObject>()) CompleteOutputText(part);
                    item["status"] ??= "completed";
                    break;
                case "function_call_output":
                    if (item["call_id"] is null) throw ApiErrors.MissingParameter(param + ".call_id").Throw();
                    if (item["output"] is null) throw ApiErrors.MissingParameter(param + ".output").Throw();
                    break;
                case "function_call":
                    if (item["call_id"] is null || item["name"] is null) throw ApiErrors.MissingParameter(param + (item["name"] is null ? ".name" : ".call_id")).Throw();
                    break;
            }
            item["id"] ??= ids.New(type switch { "message" => "msg_", "function_call" => "fc_", "function_call_output" => "fco_", _ => "item_" });
            items.Add(item);
        }
        return items;
    }

    public static JsonObject Message(string id, string role, string text, string partType) => new()
    {
        ["id"] = id,
        ["type"] = "message",
        ["status"] = "completed",
        ["role"] = role,
        ["content"] = new JsonArray(CompleteOutputText(new JsonObject { ["type"] = partType, ["text"] = text })),
    };

    /// <summary>An output_text part as the API stores it: with its annotations and logprobs (empty when not given).</summary>
    private static JsonObject CompleteOutputText(JsonObject part)
    {
        if ((string?)part["type"] != "output_text") return part;
        part["annotations"] ??= new JsonArray();
        part["logprobs"] ??= new JsonArray();
        return part;
    }

    /// <summary>Turns items (history first) into the stand-in's messages; function outputs name their function.</summary>
    public static List<StandInMessage> ToMessages(IEnumerable<JsonObject> items)
    {
        var names = new Dictionary<string, string>();
        var messages = new List<StandInMessage>();
        foreach (var item in items)
        {
            switch ((string?)item["type"])
            {
                case "message":
                    var text = string.Concat((item["content"] as JsonArray ?? []).OfType<JsonObject>().Select(PartText));
                    messages.Add(new StandInMessage((string?)item["role"] ?? "user", text));
                    break;
                case "function_call":
                    names[(string)item["call_id"]!] = (string)item["name"]!;
                    break;
                case "compaction":
                    var summary = (string?)item["encrypted_content"] ?? "";
                    try { summary = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(summary)); } catch (FormatException) { }
                    messages.Add(new StandInMessage("assistant", summary));
                    break;
                case "function_call_output":
                    var callId = (string?)item["call_id"] ?? "";
                    var output = item["output"] is JsonValue v && v.TryGetValue<string>(out var o) ? o : item["output"]?.ToJsonString() ?? "";
                    messages.Add(new StandInMessage("tool", output, names.GetValueOrDefault(callId)));
                    break;
            }
        }
        return messages;
    }

    private static string PartText(JsonObject part) => (string?)part["type"] switch
    {
        "input_text" or "output_text" or "text" => (string?)part["text"] ?? "",
        "input_image" => "[image]",
        "input_file" => "[file]",
        "refusal" => (string?)part["refusal"] ?? "",
        _ => "",
    };

    /// <summary>The function tools (name, description, parameters) of a <c>tools</c> array; other tool types are accepted.</summary>
    public static List<StandInFunction> ReadFunctions(JsonElement root, bool chatShape = false)
    {
        var functions = new List<StandInFunction>();
        if (!root.TryGetProperty("tools", out var tools) || tools.ValueKind == JsonValueKind.Null) return functions;
        if (tools.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("tools", "an array", tools.ValueKind).Throw();
        var index = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            var param = $"tools[{index++}]";
            if (tool.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType(param, "an object", tool.ValueKind).Throw();
            if (!tool.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String) throw ApiErrors.MissingParameter(param + ".type").Throw();
            if (type.GetString() != "function") continue;
            var definition = tool;
            if (chatShape)
            {
                if (!tool.TryGetProperty("function", out definition) || definition.ValueKind != JsonValueKind.Object)
                    throw ApiErrors.MissingParameter(param + ".function").Throw();
                param += ".function";
            }
            if (!definition.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || name.GetString()!.Length == 0)
                throw ApiErrors.MissingParameter(param + ".name").Throw();
            var n = name.GetString()!;
            if (n.Length > 64 || n.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
                throw ApiErrors.BadRequest($"Invalid '{param}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.", param + ".name", "invalid_value").Throw();
            JsonElement? parameters = definition.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p.Clone() : null;
            var description = definition.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            functions.Add(new StandInFunction(n, description, parameters));
        }
        return functions;
    }

    /// <summary><c>auto</c>, <c>none</c>, <c>required</c>, or the name of a forced function.</summary>
    public static string? ReadToolChoice(JsonElement root)
    {
        if (!root.TryGetProperty("tool_choice", out var choice) || choice.ValueKind == JsonValueKind.Null) return null;
        if (choice.ValueKind == JsonValueKind.String)
        {
            var value = choice.GetString()!;
            if (value is not ("auto" or "none" or "required"))
                throw ApiErrors.BadRequest($"Invalid value: '{value}'. Supported values are: 'none', 'auto', and 'required'.", "tool_choice", "invalid_value").Throw();
            return value;
        }
        if (choice.ValueKind == JsonValueKind.Object)
        {
            if (choice.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String) return n.GetString();
            if (choice.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var fn)) return fn.GetString();
            return "auto";
        }
        throw ApiErrors.InvalidType("tool_choice", "a string or an object", choice.ValueKind).Throw();
    }

    /// <summary>The schema of <c>text.format</c> (json_schema: its schema; json_object: any object); null for text.</summary>
    public static JsonElement? ReadSchema(JsonElement format, string param)
    {
        if (format.ValueKind != JsonValueKind.Object) return null;
        var type = format.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "json_schema":
                if (!format.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String) throw ApiErrors.MissingParameter(param + ".name").Throw();
                if (!format.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.Object) throw ApiErrors.MissingParameter(param + ".schema").Throw();
                return schema.Clone();
            case "json_object":
                return JsonDocument.Parse("{\"type\":\"object\",\"properties\":{}}").RootElement.Clone();
            case "text" or null:
                return null;
            default:
                throw ApiErrors.BadRequest($"Invalid value: '{type}'. Supported values are: 'text', 'json_object', and 'json_schema'.", param + ".type", "invalid_value").Throw();
        }
    }

    /// <summary>Output items of an answer: function_call items, or one assistant message.</summary>
    public static List<JsonObject> OutputItems(StandInAnswer answer, IdGenerator ids, string status)
    {
        if (answer.FunctionCalls.Count > 0)
        {
            return answer.FunctionCalls.Select(call => new JsonObject
            {
                ["id"] = ids.New("fc_"),
                ["type"] = "function_call",
                ["status"] = "completed",
                ["arguments"] = call.Arguments,
                ["call_id"] = call.CallId,
                ["name"] = call.Name,
            }).ToList();
        }
        if (answer.Failed) return [];
        var message = new JsonObject
        {
            ["id"] = ids.New("msg_"),
            ["type"] = "message",
            ["status"] = status,
            ["role"] = "assistant",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["annotations"] = new JsonArray(), ["logprobs"] = new JsonArray(), ["text"] = answer.Text }),
        };
        return [message];
    }

    public static JsonObject Usage(StandInAnswer answer) => Usage(answer.InputTokens, answer.OutputTokens);

    /// <summary>A Responses usage object (ResponseUsage: every field and detail the spec requires).</summary>
    public static JsonObject Usage(int inputTokens, int outputTokens) => new()
    {
        ["input_tokens"] = inputTokens,
        ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = 0, ["cache_write_tokens"] = 0 },
        ["output_tokens"] = outputTokens,
        ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
        ["total_tokens"] = inputTokens + outputTokens,
    };

    public static int? ReadInt(JsonElement root, string name, int min)
    {
        if (!root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n)) throw ApiErrors.InvalidType(name, "an integer", v.ValueKind).Throw();
        if (n < min) throw ApiErrors.BadRequest($"Invalid '{name}': integer below minimum value. Expected a value >= {min}, but got {n} instead.", name, "integer_below_min_value").Throw();
        return n;
    }

    public static JsonNode? Copy(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? JsonNode.Parse(v.GetRawText()) : null;
}
