using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Mcp;

/// <summary>One parameter of a tool: an argument name and where it goes (path, query, body, form or file).</summary>
public sealed record ToolParameter(string Name, string In, string Field, string? Style);

/// <summary>A file argument of a multipart (or PEM text) tool.</summary>
public sealed record ToolFile(string Field, string Argument, string Kind, bool Array, bool Required);

/// <summary>
/// One operation of the table (src/TrutoOpenAi.Core/Catalog/operations.tsv: method, path, key, headers, paging, body,
/// answer, access) with its tool schema from tools.json (description, arguments). Both are derived from the spec by
/// src/tools/CatalogGen; the facts are read from the core's table only.
/// </summary>
public sealed class ToolDefinition
{
    public required OpenAiOperationDefinition Operation { get; init; }
    public string Name => Operation.Tool;
    public required string Description { get; init; }
    public string Method => Operation.Method;
    /// <summary>The request path template (the beta variants' ?beta=true is in <see cref="OpenAiOperationDefinition.FixedQuery"/>).</summary>
    public string Path => Operation.RequestPath;
    public string OperationId => Operation.OperationId;
    public string Area => Operation.Area;
    public bool AdminKey => Operation.NeedsAdminKey;
    /// <summary>none, json or multipart.</summary>
    public string Body => Operation.Body;
    public string Response => Operation.Response;
    public PagingStyle Paging => Operation.Paging;
    public bool List { get; init; }
    public bool ReadOnly => Operation.Access == OpenAiOperationAccess.Read;
    public bool Destructive => Operation.Access == OpenAiOperationAccess.Destructive;
    public required IReadOnlyList<ToolParameter> Parameters { get; init; }
    public required IReadOnlyList<ToolFile> Files { get; init; }
    public required JsonObject InputSchema { get; init; }

    /// <summary>Truto's filter kinds: read (list/get), write (create/update/delete), custom (every other action).</summary>
    public string Kind =>
        Name.StartsWith("list_all_", StringComparison.Ordinal) || Name.StartsWith("get_single_", StringComparison.Ordinal) ? "read"
        : Name.StartsWith("create_a_", StringComparison.Ordinal) || Name.StartsWith("update_a_", StringComparison.Ordinal) || Name.StartsWith("delete_a_", StringComparison.Ordinal) ? "write"
        : "custom";
}

/// <summary>The checked-in catalog (src/TrutoOpenAi.Core/Catalog/tools.json), embedded in this assembly.</summary>
public static class ToolCatalog
{
    private static readonly Lazy<IReadOnlyList<ToolDefinition>> All = new(Load);

    public static IReadOnlyList<ToolDefinition> Tools => All.Value;

    private static IReadOnlyList<ToolDefinition> Load()
    {
        using var stream = typeof(ToolCatalog).Assembly.GetManifestResourceStream("TrutoOpenAi.Mcp.tools.json")
            ?? throw new InvalidOperationException("The tool catalog is not embedded in TrutoOpenAi.Mcp.");
        return Parse(JsonNode.Parse(stream)!);
    }

    /// <summary>Every operation of the core's table, each with its schema from tools.json (which must have one for each).</summary>
    public static IReadOnlyList<ToolDefinition> Parse(JsonNode document)
    {
        var schemas = document["tools"]!.AsArray().Select(n => n!.AsObject()).ToDictionary(t => (string)t["name"]!, StringComparer.Ordinal);
        var tools = new List<ToolDefinition>();
        foreach (var operation in OperationTable.All)
        {
            if (!schemas.TryGetValue(operation.Tool, out var t))
                throw new InvalidOperationException($"tools.json has no schema for {operation.Tool}: rerun src/tools/CatalogGen.");
            tools.Add(new ToolDefinition
            {
                Operation = operation,
                Description = (string)t["description"]!,
                List = (bool?)t["list"] ?? false,
                Parameters = (t["parameters"] as JsonArray ?? new JsonArray()).Select(p => new ToolParameter(
                    (string)p!["name"]!, (string)p["in"]!, (string?)p["field"] ?? (string)p["name"]!, (string?)p["style"])).ToList(),
                Files = (t["files"] as JsonArray ?? new JsonArray()).Select(f => new ToolFile(
                    (string)f!["field"]!, (string)f["argument"]!, (string)f["kind"]!, (bool?)f["array"] ?? false, (bool?)f["required"] ?? false)).ToList(),
                InputSchema = t["input_schema"]!.AsObject(),
            });
        }
        return tools;
    }
}
