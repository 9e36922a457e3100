using System.Text.Json;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// A parsed JSON request body with validation helpers that answer like the API (400 with param and code).
/// Read it with <c>await JsonBody.ReadAsync(request)</c>; an empty body is an empty object.
/// </summary>
public sealed class JsonBody
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private JsonBody(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public static async Task<JsonBody> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0 || IsWhitespace(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            return new JsonBody(EmptyObject());
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), DocumentOptions);
            root = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw ApiErrors.MalformedJson().Throw();
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw ApiErrors.BadRequest("Invalid type for request body: expected an object.", null, "invalid_type").Throw();
        return new JsonBody(root);
    }

    public bool Has(string name) => Root.TryGetProperty(name, out _);

    /// <summary>A required string (present, not null, a string).</summary>
    public string RequiredString(string name)
    {
        if (!Root.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter(name).Throw();
        if (v.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType(name, "a string", v.ValueKind).Throw();
        return v.GetString()!;
    }

    /// <summary>An optional string: (present, value). Present with null gives (true, null).</summary>
    public (bool Present, string? Value) OptionalString(string name)
    {
        if (!Root.TryGetProperty(name, out var v)) return (false, null);
        if (v.ValueKind == JsonValueKind.Null) return (true, null);
        if (v.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType(name, "a string", v.ValueKind).Throw();
        return (true, v.GetString());
    }

    /// <summary>An optional string that must be one of <paramref name="allowed"/> (null allowed).</summary>
    public (bool Present, string? Value) OptionalEnum(string name, IReadOnlyCollection<string> allowed)
    {
        var (present, value) = OptionalString(name);
        if (value is not null && !allowed.Contains(value))
            throw ApiErrors.BadRequest(
                $"Invalid value: '{value}'. Supported values are: {string.Join(", ", allowed.Select(a => $"'{a}'"))}.", name, "invalid_value").Throw();
        return (present, value);
    }

    public (bool Present, long? Value) OptionalInteger(string name, long? min = null, long? max = null)
    {
        if (!Root.TryGetProperty(name, out var v)) return (false, null);
        if (v.ValueKind == JsonValueKind.Null) return (true, null);
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out var n)) throw ApiErrors.InvalidType(name, "an integer", v.ValueKind).Throw();
        if (min is { } lo && n < lo)
            throw ApiErrors.BadRequest($"Invalid '{name}': integer below minimum value. Expected a value >= {lo}, but got {n} instead.", name, "integer_below_min_value").Throw();
        if (max is { } hi && n > hi)
            throw ApiErrors.BadRequest($"Invalid '{name}': integer above maximum value. Expected a value <= {hi}, but got {n} instead.", name, "integer_above_max_value").Throw();
        return (true, n);
    }

    public (bool Present, bool? Value) OptionalBool(string name)
    {
        if (!Root.TryGetProperty(name, out var v)) return (false, null);
        return v.ValueKind switch
        {
            JsonValueKind.Null => (true, null),
            JsonValueKind.True => (true, true),
            JsonValueKind.False => (true, false),
            _ => throw ApiErrors.InvalidType(name, "a boolean", v.ValueKind).Throw(),
        };
    }

    private static JsonElement EmptyObject()
    {
        using var doc = JsonDocument.Parse("{}");
        return doc.RootElement.Clone();
    }

    private static bool IsWhitespace(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        return true;
    }
}
