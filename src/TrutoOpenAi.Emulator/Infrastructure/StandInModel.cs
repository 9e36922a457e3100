using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>One message of a conversation given to the stand-in model.</summary>
/// <param name="Role"><c>user</c>, <c>assistant</c>, <c>system</c>, <c>developer</c>, or <c>tool</c> for a function's output.</param>
/// <param name="Text">The message text (for <c>tool</c>: the function's output).</param>
/// <param name="Name">For <c>tool</c> messages: the function that produced the output (optional).</param>
public sealed record StandInMessage(string Role, string Text, string? Name = null);

/// <summary>A function the model may call: its name and JSON-schema parameters (null: no parameters).</summary>
public sealed record StandInFunction(string Name, string? Description = null, JsonElement? Parameters = null);

/// <summary>A function call the model decided to make. <see cref="Arguments"/> is a JSON object text.</summary>
public sealed record StandInFunctionCall(string CallId, string Name, string Arguments);

/// <summary>What to answer. Only <see cref="Messages"/> is required.</summary>
public sealed record StandInPrompt
{
    public string Model { get; init; } = "gpt-4o-mini";
    public string? Instructions { get; init; }
    public IReadOnlyList<StandInMessage> Messages { get; init; } = [];
    public IReadOnlyList<StandInFunction> Functions { get; init; } = [];
    /// <summary><c>auto</c> (null), <c>none</c>, <c>required</c>, or a function name.</summary>
    public string? ToolChoice { get; init; }
    /// <summary>A JSON schema the answer must be an instance of (structured output); null for plain text.</summary>
    public JsonElement? Schema { get; init; }
    /// <summary>Cut the answer to this many output tokens (then <see cref="StandInAnswer.Incomplete"/>).</summary>
    public int? MaxOutputTokens { get; init; }
}

/// <summary>The model's answer: either <see cref="FunctionCalls"/> (non-empty) or <see cref="Text"/>.</summary>
public sealed record StandInAnswer(
    string Text,
    IReadOnlyList<StandInFunctionCall> FunctionCalls,
    int InputTokens,
    int OutputTokens,
    bool Incomplete,
    string? FailureMessage)
{
    public int TotalTokens => InputTokens + OutputTokens;
    public bool Failed => FailureMessage is not null;
}

/// <summary>
/// The emulator's deterministic stand-in for a language model: the same prompt always gives the same answer, so tests
/// can assert exact output. Rules (also in the emulator README, "Stand-in model"):
/// <list type="number">
/// <item>Tokens: every run of letters and digits counts ceil(length/4) tokens, every other non-space character 1
/// (<see cref="CountTokens"/>). Input = each message's tokens + 3, plus the instructions, plus each function's name,
/// description and parameters JSON. Output = the answer text's tokens, or each call's name and arguments.</item>
/// <item>Function calls: with functions offered and tool choice not <c>none</c>, and no function output after the
/// last user message, the model calls every function whose name (case-insensitive; also with <c>_</c>/<c>-</c> read
/// as spaces) appears in the last user message, in the order offered. <c>required</c> with no name mentioned calls
/// the first function; a tool choice naming a function calls that one. Arguments fill the parameters schema:
/// a property <c>p</c> takes the value written <c>p=value</c> or <c>p="two words"</c> in the message, anything else
/// is generated as for structured output. A message containing <c>[always-call]</c> keeps calling (to test loop limits).</item>
/// <item>Text: after function outputs, <c>"&lt;name&gt; returned: &lt;output&gt;"</c> for each output, joined by a space;
/// otherwise <c>"You said: &lt;last user message&gt;"</c> (<c>"Hello from the stand-in model."</c> when there is none).</item>
/// <item>Structured output: with a schema, the text is a JSON instance of it (objects list every property;
/// strings take <c>p=value</c> from the message, else the first enum/const value, else "&lt;p&gt; of &lt;first words of the
/// message&gt;" within minLength/maxLength; numbers honour minimum/maximum; arrays have max(1, minItems) items;
/// anyOf/oneOf take the first branch; local $ref to $defs/definitions is followed).</item>
/// <item>Limits and failures: an answer longer than MaxOutputTokens is cut there and marked incomplete; a message
/// containing <c>[fail]</c> fails with "The stand-in model was asked to fail."</item>
/// </list>
/// Also <see cref="Embed"/> (unit vectors from a hash of the text) and <see cref="Moderate"/> (keyword categories).
/// </summary>
public static class StandInModel
{
    public const string AlwaysCallMarker = "[always-call]";
    public const string FailMarker = "[fail]";

    /// <summary>Answers a prompt (see the class summary for the rules).</summary>
    public static StandInAnswer Respond(StandInPrompt prompt)
    {
        var lastUser = -1;
        for (var i = prompt.Messages.Count - 1; i >= 0; i--)
        {
            if (prompt.Messages[i].Role == "user") { lastUser = i; break; }
        }
        var question = lastUser >= 0 ? prompt.Messages[lastUser].Text : string.Empty;
        var outputs = prompt.Messages.Skip(lastUser + 1).Where(m => m.Role == "tool").ToList();
        var input = CountInput(prompt);

        if (question.Contains(FailMarker, StringComparison.OrdinalIgnoreCase))
            return new StandInAnswer(string.Empty, [], input, 0, false, "The stand-in model was asked to fail.");

        var calls = ChooseCalls(prompt, question, outputs.Count > 0);
        if (calls.Count > 0)
        {
            var callTokens = calls.Sum(c => CountTokens(c.Name) + CountTokens(c.Arguments));
            return new StandInAnswer(string.Empty, calls, input, callTokens, false, null);
        }

        string text;
        if (prompt.Schema is { } schema) text = Generate(schema, schema, question, 0).ToJsonString();
        else if (outputs.Count > 0) text = string.Join(" ", outputs.Select(o => $"{o.Name ?? "The function"} returned: {o.Text}"));
        else if (question.Length > 0) text = "You said: " + question;
        else text = "Hello from the stand-in model.";

        var output = CountTokens(text);
        if (prompt.MaxOutputTokens is { } max && output > max)
        {
            text = Truncate(text, max);
            return new StandInAnswer(text, [], input, CountTokens(text), true, null);
        }
        return new StandInAnswer(text, [], input, output, false, null);
    }

    /// <summary>The stand-in tokenizer: letters/digits runs count ceil(length/4), other non-space characters 1 each.</summary>
    public static int CountTokens(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var tokens = 0;
        var run = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) { run++; continue; }
            tokens += (run + 3) / 4;
            run = 0;
            if (!char.IsWhiteSpace(c)) tokens++;
        }
        return tokens + (run + 3) / 4;
    }

    /// <summary>The input tokens of a prompt (messages + 3 each, instructions, function definitions).</summary>
    public static int CountInput(StandInPrompt prompt) =>
        prompt.Messages.Sum(m => CountTokens(m.Text) + 3)
        + CountTokens(prompt.Instructions)
        + prompt.Functions.Sum(f => CountTokens(f.Name) + CountTokens(f.Description) + CountTokens(f.Parameters?.GetRawText()));

    /// <summary>A deterministic unit vector for <paramref name="text"/> (the same text always gives the same vector).</summary>
    public static float[] Embed(string text, int dimensions)
    {
        var vector = new float[dimensions];
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        var block = Array.Empty<byte>();
        double norm = 0;
        for (var i = 0; i < dimensions; i++)
        {
            if (i % 8 == 0)
            {
                var counter = BitConverter.GetBytes(i / 8);
                block = SHA256.HashData(seed.Concat(counter).ToArray());
            }
            var raw = BitConverter.ToUInt32(block, (i % 8) * 4);
            var value = raw / (double)uint.MaxValue * 2 - 1;
            vector[i] = (float)value;
            norm += value * value;
        }
        var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 1;
        for (var i = 0; i < dimensions; i++) vector[i] = (float)(vector[i] * scale);
        return vector;
    }

    /// <summary>The moderation categories and the words that flag them (case-insensitive, whole words).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ModerationWords = new Dictionary<string, string[]>
    {
        ["harassment"] = ["idiot", "loser"],
        ["hate"] = ["hate"],
        ["self-harm"] = ["suicide"],
        ["sexual"] = ["explicit"],
        ["violence"] = ["kill", "attack", "murder"],
        ["illicit"] = ["steal", "smuggle"],
    };

    /// <summary>Flags each category whose words appear in <paramref name="text"/>; scores are 0.97 when flagged, else a small
    /// deterministic value below 0.05.</summary>
    public static (bool Flagged, IReadOnlyDictionary<string, bool> Categories, IReadOnlyDictionary<string, double> Scores) Moderate(string text)
    {
        var words = new HashSet<string>(Words(text).Select(w => w.ToLowerInvariant()));
        var categories = new Dictionary<string, bool>();
        var scores = new Dictionary<string, double>();
        foreach (var (category, triggers) in ModerationWords)
        {
            var hit = triggers.Any(words.Contains);
            categories[category] = hit;
            scores[category] = hit ? 0.97 : Math.Round(Fraction(category + "\n" + text) * 0.05, 6);
        }
        return (categories.Values.Any(v => v), categories, scores);
    }

    /// <summary>Splits an answer into the pieces a stream sends as deltas (each word with its following space).</summary>
    public static IReadOnlyList<string> Chunks(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && i + 1 < text.Length && text[i + 1] != ' ')
            {
                chunks.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }
        if (start < text.Length) chunks.Add(text[start..]);
        return chunks;
    }

    private static List<StandInFunctionCall> ChooseCalls(StandInPrompt prompt, string question, bool haveOutputs)
    {
        var calls = new List<StandInFunctionCall>();
        if (prompt.Functions.Count == 0 || prompt.ToolChoice == "none") return calls;
        var always = question.Contains(AlwaysCallMarker, StringComparison.OrdinalIgnoreCase);
        if (haveOutputs && !always) return calls;

        IEnumerable<StandInFunction> chosen;
        var named = prompt.ToolChoice is { } choice && choice is not ("auto" or "required")
            ? prompt.Functions.Where(f => f.Name == choice).ToList() : null;
        if (named is { Count: > 0 }) chosen = named;
        else
        {
            var mentioned = prompt.Functions.Where(f => Mentions(question, f.Name)).ToList();
            chosen = mentioned.Count > 0 ? mentioned
                : prompt.ToolChoice == "required" || always ? prompt.Functions.Take(1) : [];
        }
        foreach (var function in chosen)
        {
            var arguments = function.Parameters is { } schema && schema.ValueKind == JsonValueKind.Object
                ? Generate(schema, schema, question, 0).ToJsonString()
                : "{}";
            var callId = "call_" + Hex(function.Name + "\n" + arguments + "\n" + question + "\n" + prompt.Messages.Count)[..24];
            calls.Add(new StandInFunctionCall(callId, function.Name, arguments));
        }
        return calls;
    }

    private static bool Mentions(string text, string name)
    {
        if (text.Contains(name, StringComparison.OrdinalIgnoreCase)) return true;
        var spaced = name.Replace('_', ' ').Replace('-', ' ');
        return spaced != name && text.Contains(spaced, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonNode? Generate(JsonElement schema, JsonElement root, string question, int depth)
    {
        if (depth > 12 || schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            return Resolve(root, reference.GetString()!) is { } target ? Generate(target, root, question, depth + 1) : null;
        if (schema.TryGetProperty("const", out var constant)) return JsonNode.Parse(constant.GetRawText());
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[0].GetRawText());
        foreach (var branch in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(branch, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
            {
                var first = options.EnumerateArray().FirstOrDefault(o => !IsNullType(o));
                return Generate(first.ValueKind == JsonValueKind.Object ? first : options[0], root, question, depth + 1);
            }
        }
        var type = TypeOf(schema);
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        var given = ValueFor(question, property.Name);
                        obj[property.Name] = given is not null ? Coerce(given, property.Value, root) ?? Generate(property.Value, root, question, depth + 1)
                            : Generate(property.Value, root, question, depth + 1) ?? StringFor(property.Name, property.Value, question);
                    }
                }
                return obj;
            case "array":
                var array = new JsonArray();
                var count = Math.Max(1, Int(schema, "minItems") ?? 1);
                if (Int(schema, "maxItems") is { } maxItems) count = Math.Min(count, maxItems);
                var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
                for (var i = 0; i < count; i++) array.Add(items.ValueKind == JsonValueKind.Object ? Generate(items, root, question, depth + 1) : JsonValue.Create(Words(question).FirstOrDefault() ?? "item"));
                return array;
            case "integer":
                return JsonValue.Create((long)Number(schema, question, integer: true));
            case "number":
                return JsonValue.Create(Number(schema, question, integer: false));
            case "boolean":
                return JsonValue.Create(Fraction(question) >= 0.5);
            case "null":
                return null;
            default:
                return StringFor("value", schema, question);
        }
    }

    private static JsonNode StringFor(string name, JsonElement schema, string question)
    {
        var words = Words(question).Take(4).ToList();
        var text = words.Count > 0 ? $"{name} of {string.Join(" ", words)}" : name;
        if (Int(schema, "maxLength") is { } max && text.Length > max) text = text[..max];
        if (Int(schema, "minLength") is { } min && text.Length < min) text = text.PadRight(min, '.');
        return JsonValue.Create(text)!;
    }

    private static double Number(JsonElement schema, string question, bool integer)
    {
        var min = Double(schema, "minimum") ?? (Double(schema, "exclusiveMinimum") is { } em ? em + 1 : (double?)null);
        var max = Double(schema, "maximum") ?? (Double(schema, "exclusiveMaximum") is { } eM ? eM - 1 : (double?)null);
        var lo = min ?? 0;
        var hi = max ?? lo + 100;
        if (hi < lo) hi = lo;
        var value = lo + Fraction(question) * (hi - lo);
        return integer ? Math.Clamp(Math.Round(value), Math.Ceiling(lo), Math.Floor(hi)) : Math.Round(value, 2);
    }

    private static JsonNode? Coerce(string given, JsonElement schema, JsonElement root)
    {
        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String && Resolve(root, reference.GetString()!) is { } target)
            schema = target;
        switch (TypeOf(schema))
        {
            case "integer": return long.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
            case "number": return double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
            case "boolean": return bool.TryParse(given, out var b) ? JsonValue.Create(b) : null;
            case "string":
                if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
                    && !values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == given)) return null;
                return JsonValue.Create(given);
            default: return null;
        }
    }

    private static string? ValueFor(string question, string name)
    {
        var index = 0;
        while ((index = question.IndexOf(name + "=", index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var boundary = index == 0 || !char.IsLetterOrDigit(question[index - 1]) && question[index - 1] != '_';
            var start = index + name.Length + 1;
            index = start;
            if (!boundary) continue;
            if (start < question.Length && question[start] == '"')
            {
                var end = question.IndexOf('"', start + 1);
                return end > start ? question[(start + 1)..end] : question[(start + 1)..];
            }
            var stop = start;
            while (stop < question.Length && !char.IsWhiteSpace(question[stop]) && question[stop] != ',' && question[stop] != ';') stop++;
            return question[start..stop];
        }
        return null;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
            return schema.TryGetProperty("properties", out _) ? "object" : schema.TryGetProperty("items", out _) ? "array" : null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        if (type.ValueKind == JsonValueKind.Array)
            return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null";
        return null;
    }

    private static bool IsNullType(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && TypeOf(schema) == "null";

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        if (reference == "#") return root;
        if (!reference.StartsWith("#/", StringComparison.Ordinal)) return null;
        var current = root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var part = raw.Replace("~1", "/").Replace("~0", "~");
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current)) return null;
        }
        return current;
    }

    private static int? Int(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static double? Double(JsonElement schema, string name) =>
        schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c) || c == '-' || c == '_').ToArray()))
            .Where(w => w.Length > 0);

    private static string Truncate(string text, int maxTokens)
    {
        if (maxTokens <= 0) return string.Empty;
        var lo = 0;
        var hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (CountTokens(text[..mid]) <= maxTokens) lo = mid; else hi = mid - 1;
        }
        return text[..lo];
    }

    private static double Fraction(string text) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0) / (double)uint.MaxValue;

    private static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
