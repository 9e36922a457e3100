using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace TrutoOpenAi.Mcp.Tests;

/// <summary>The checked-in catalog (tools.json) against tools.tsv and, where ../shared is beside the repo, the spec itself.</summary>
public sealed class CatalogTests
{
    private static readonly string CatalogDir = Path.Combine(Locations.RepoRoot, "src", "TrutoOpenAi.Core", "Catalog");

    private static List<JsonElement> Tools()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CatalogDir, "tools.json")));
        return document.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.Clone()).ToList();
    }

    /// <summary>(METHOD, path) -> operationId for every operation of openapi.yaml, by a line scan (no YAML parser needed).</summary>
    private static Dictionary<(string, string), string> SpecOperations(string file)
    {
        var operations = new Dictionary<(string, string), string>();
        string? path = null, method = null;
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith("components:", StringComparison.Ordinal)) break;
            var p = Regex.Match(line, @"^  (/\S*):\s*$");
            if (p.Success) { path = p.Groups[1].Value.Trim('"'); method = null; continue; }
            var m = Regex.Match(line, @"^    (get|post|put|patch|delete):\s*$");
            if (m.Success) { method = m.Groups[1].Value.ToUpperInvariant(); continue; }
            var o = Regex.Match(line, @"^      operationId:\s*(\S+)\s*$");
            if (o.Success && path != null && method != null) operations[(method, path)] = o.Groups[1].Value.Trim('"');
        }
        return operations;
    }

    private static string? SpecFile()
    {
        foreach (var candidate in new[]
        {
            Environment.GetEnvironmentVariable("TRUTO_OPENAPI_YAML"),
            Path.Combine(Locations.RepoRoot, "..", "shared", "reference", "openapi.yaml"),
            Path.Combine(Locations.RepoRoot, "shared", "reference", "openapi.yaml"),
        })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return Path.GetFullPath(candidate);
        return null;
    }

    [Fact]
    public void Every_catalog_entry_has_the_method_and_path_of_the_tool_list()
    {
        var tsv = File.ReadAllLines(Path.Combine(CatalogDir, "tools.tsv")).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split('\t')).ToDictionary(c => c[0], c => (Method: c[1], Path: c[2], OperationId: c[3]));
        var tools = Tools();
        Assert.Equal(157, tools.Count);
        Assert.Equal(tsv.Keys.OrderBy(k => k, StringComparer.Ordinal), tools.Select(t => t.GetProperty("name").GetString()!).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var tool in tools)
        {
            var row = tsv[tool.GetProperty("name").GetString()!];
            Assert.Equal(row.Method, tool.GetProperty("method").GetString());
            Assert.Equal(row.Path, tool.GetProperty("path").GetString());
            Assert.Equal(row.OperationId, tool.GetProperty("operation_id").GetString());
        }
    }

    [Fact]
    public void Every_catalog_entry_matches_the_specs_method_path_and_operation_id()
    {
        var spec = SpecFile();
        if (spec is null) return; // ../shared is a development-time reference; the tsv test above still runs everywhere.
        var operations = SpecOperations(spec);
        Assert.True(operations.Count > 200, $"read only {operations.Count} operations from {spec}");
        foreach (var tool in Tools())
        {
            var name = tool.GetProperty("name").GetString()!;
            var key = (tool.GetProperty("method").GetString()!, tool.GetProperty("path").GetString()!);
            if (name == "list_all_openai_me")
            {
                Assert.False(operations.ContainsKey(key), "GET /me appeared in the spec: rerun CatalogGen");
                continue;
            }
            Assert.True(operations.TryGetValue(key, out var operationId), $"{name}: {key.Item1} {key.Item2} is not in the spec");
            Assert.Equal(operationId, tool.GetProperty("operation_id").GetString());
        }
    }

    [Fact]
    public void Every_path_parameter_is_a_required_string_argument_and_every_schema_is_an_object()
    {
        foreach (var tool in Tools())
        {
            var name = tool.GetProperty("name").GetString()!;
            var schema = tool.GetProperty("input_schema");
            Assert.Equal("object", schema.GetProperty("type").GetString());
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToList() : new List<string?>();
            foreach (Match m in Regex.Matches(tool.GetProperty("path").GetString()!, @"\{([^}]+)\}"))
            {
                Assert.Contains(m.Groups[1].Value, required);
                Assert.Equal("string", schema.GetProperty("properties").GetProperty(m.Groups[1].Value).GetProperty("type").GetString());
            }
            foreach (var property in schema.GetProperty("properties").EnumerateObject())
                Assert.Matches("^[a-zA-Z0-9_.-]{1,64}$", property.Name);
            Assert.True(Regex.IsMatch(name, "^[a-z0-9_]{1,64}$"), name);
        }
    }
}
