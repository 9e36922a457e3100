using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrutoOpenAi.Mcp;

/// <summary>One parameter of a tool: an argument name and where it goes (path, query, body, form or file).</summary>
public sealed record ToolParameter(string Name, string In, string Field, string? Style);

/// <summary>A file argument of a multipart (or PEM text) tool.</summary>
public sealed record ToolFile(string Field, string Argument, string Kind, bool Array, bool Required);

/// <summary>One of the 157 tools, as derived from the spec by src/tools/CatalogGen (see tools.json).</summary>
public sealed class ToolDefinition
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string OperationId { get; init; }
    public required string Area { get; init; }
    public bool AdminKey { get; init; }
    public string? Body { get; init; }
    public required string Response { get; init; }
    public required string Paging { get; init; }
    public bool List { get; init; }
    public bool ReadOnly { get; init; }
    public bool Destructive { get; init; }
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

    public static IReadOnlyList<ToolDefinition> Parse(JsonNode document)
    {
        var tools = new List<ToolDefinition>();
        foreach (var node in document["tools"]!.AsArray())
        {
            var t = node!.AsObject();
            tools.Add(new ToolDefinition
            {
                Name = (string)t["name"]!,
                Description = (string)t["description"]!,
                Method = (string)t["method"]!,
                Path = (string)t["path"]!,
                OperationId = (string?)t["operation_id"] ?? "",
                Area = (string)t["area"]!,
                AdminKey = (bool?)t["admin_key"] ?? false,
                Body = (string?)t["body"],
                Response = (string?)t["response"] ?? "json",
                Paging = (string?)t["paging"] ?? "None",
                List = (bool?)t["list"] ?? false,
                ReadOnly = (bool?)t["read_only"] ?? false,
                Destructive = (bool?)t["destructive"] ?? false,
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
