using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrutoOpenAi.Mcp;

/// <summary>Bad input caught before any request; names the argument at fault.</summary>
public sealed class ToolArgumentException : Exception
{
    public ToolArgumentException(string argument, string message) : base(message) => Argument = argument;
    public string Argument { get; }
}

/// <summary>
/// Checks a call's arguments against the tool's input schema before anything is sent: unknown arguments, missing
/// required ones, wrong JSON types, values outside an enum, path ids that are empty or contain a slash, and files.
/// </summary>
public static class ArgumentValidator
{
    public static Dictionary<string, JsonElement> Validate(ToolDefinition tool, IDictionary<string, JsonElement>? arguments)
    {
        var properties = tool.InputSchema["properties"] as JsonObject ?? new JsonObject();
        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            if (!properties.ContainsKey(name))
                throw new ToolArgumentException(name, $"Unknown argument '{name}' for {tool.Name}. Its arguments are: {string.Join(", ", properties.Select(p => p.Key))}.");
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue; // an explicit null is "not given"
            given[name] = value;
        }

        if (tool.InputSchema["required"] is JsonArray required)
            foreach (var r in required.Select(n => (string)n!))
                if (!given.ContainsKey(r))
                    throw new ToolArgumentException(r, $"Missing required argument '{r}' for {tool.Name}: {Describe(properties[r])}");

        foreach (var (name, value) in given)
            Check(name, value, properties[name] as JsonObject ?? new JsonObject());

        foreach (var parameter in tool.Parameters.Where(p => p.In == "path"))
        {
            var id = given[parameter.Name].GetString()!;
            if (string.IsNullOrWhiteSpace(id))
                throw new ToolArgumentException(parameter.Name, $"Argument '{parameter.Name}' is empty: an id is needed.");
            if (id.Contains('/') || id.Contains('\\'))
                throw new ToolArgumentException(parameter.Name, $"Argument '{parameter.Name}' ('{id}') contains a slash; ids never do, and it would change the request's path.");
            if (id is "." or "..")
                throw new ToolArgumentException(parameter.Name, $"Argument '{parameter.Name}' ('{id}') is not an id.");
        }

        foreach (var file in tool.Files)
        {
            var pathArgument = file.Kind == "text" ? file.Argument + "_path" : file.Argument;
            var hasPath = given.ContainsKey(pathArgument);
            var hasContent = file.Kind == "text" ? given.ContainsKey(file.Argument) : given.ContainsKey(file.Argument + "_base64");
            if (file.Required && !hasPath && !hasContent)
                throw new ToolArgumentException(file.Argument, file.Kind == "text"
                    ? $"Missing required argument '{file.Argument}' for {tool.Name}: give the text, or a local file in '{file.Argument}_path'."
                    : $"Missing required argument '{file.Argument}' for {tool.Name}: give a local file path, or the content in '{file.Argument}_base64'.");
            if (hasPath && hasContent)
                throw new ToolArgumentException(file.Argument, $"Give '{file.Argument}' either as a path or as content, not both.");
        }
        return given;
    }

    private static void Check(string path, JsonElement value, JsonObject schema)
    {
        if (schema["anyOf"] is JsonArray alternatives)
        {
            ToolArgumentException? first = null;
            foreach (var alternative in alternatives.OfType<JsonObject>())
            {
                try { Check(path, value, alternative); return; }
                catch (ToolArgumentException ex) { first ??= ex; }
            }
            if (first != null) throw new ToolArgumentException(Root(path), $"Argument '{path}' matches none of its allowed forms: {first.Message}");
        }

        var types = schema["type"] switch
        {
            JsonValue v => new[] { (string)v! },
            JsonArray a => a.Select(x => (string)x!).ToArray(),
            _ => Array.Empty<string>(),
        };
        if (types.Length > 0 && !types.Any(t => IsType(value, t)))
            throw new ToolArgumentException(Root(path), $"Argument '{path}' should be {Article(string.Join(" or ", types))}, not {Kind(value)}.");

        if (schema["enum"] is JsonArray allowed && allowed.Count > 0)
        {
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
            if (!allowed.Any(a => a is JsonValue av && (av.GetValueKind() == JsonValueKind.String ? (string?)av : av.ToJsonString()) == text))
                throw new ToolArgumentException(Root(path), $"Argument '{path}' is '{text}', which is not one of: {string.Join(", ", allowed.Select(a => a?.ToString()))}.");
        }

        if (value.ValueKind == JsonValueKind.Array && schema["items"] is JsonObject items)
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check($"{path}[{i++}]", item, items);
        }
        else if (value.ValueKind == JsonValueKind.Object && schema["properties"] is JsonObject props)
        {
            if (schema["required"] is JsonArray required)
                foreach (var r in required.Select(n => (string)n!))
                    if (!value.TryGetProperty(r, out var inner) || inner.ValueKind == JsonValueKind.Null)
                        throw new ToolArgumentException(Root(path), $"Argument '{path}' lacks its required field '{r}'.");
            foreach (var property in value.EnumerateObject())
                if (props[property.Name] is JsonObject inner && property.Value.ValueKind != JsonValueKind.Null)
                    Check($"{path}.{property.Name}", property.Value, inner);
        }
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Article(string type) => (type.Length > 0 && "aeiou".Contains(type[0]) ? "an " : "a ") + type;

    private static string Root(string path)
    {
        var end = path.IndexOfAny(new[] { '.', '[' });
        return end < 0 ? path : path.Substring(0, end);
    }

    private static string Describe(JsonNode? schema)
    {
        var type = schema?["type"]?.ToString() ?? "value";
        var description = (string?)schema?["description"];
        return description is null ? $"{Article(type)}." : $"{Article(type)}; {description}";
    }
}
