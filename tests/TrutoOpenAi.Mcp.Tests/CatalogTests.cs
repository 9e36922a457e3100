using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace TrutoOpenAi.Mcp.Tests;

/// <summary>
/// The checked-in operation table (operations.tsv) and tool schemas (tools.json) against each other and, where ../shared
/// is beside the repo, each row against the spec itself, read here independently of the generator (a line scan).
/// </summary>
public sealed class CatalogTests
{
    private static readonly string CatalogDir = Path.Combine(Locations.RepoRoot, "src", "TrutoOpenAi.Core", "Catalog");

    private static List<JsonElement> Schemas()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(CatalogDir, "tools.json")));
        return document.RootElement.GetProperty("tools").EnumerateArray().Select(t => t.Clone()).ToList();
    }

    private static List<Dictionary<string, string>> Table()
    {
        var lines = File.ReadAllLines(Path.Combine(CatalogDir, "operations.tsv")).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(l => l.Split('\t')).Select(c => header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i < c.Length ? c[x.i] : "")).ToList();
    }

    /// <summary>One operation of openapi.yaml: its operationId and the text of its block.</summary>
    private sealed record SpecOperation(string OperationId, string Text)
    {
        public bool AdminSecurity => Regex.IsMatch(Text, @"(?m)^\s+- AdminApiKeyAuth");
        public bool SaysAdminKey => Regex.Replace(Text, @"\s+", " ").Contains("requires an [admin API key]", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>(METHOD, path) -> operation for every operation of openapi.yaml, by a line scan (no YAML parser needed).</summary>
    private static Dictionary<(string, string), SpecOperation> SpecOperations(string file)
    {
        var operations = new Dictionary<(string, string), SpecOperation>();
        string? path = null, method = null, operationId = null;
        var text = new System.Text.StringBuilder();
        void Flush()
        {
            if (path != null && method != null && operationId != null) operations[(method, path)] = new SpecOperation(operationId, text.ToString());
            method = null; operationId = null; text.Clear();
        }
        foreach (var line in File.ReadLines(file))
        {
            if (line.StartsWith("components:", StringComparison.Ordinal)) break;
            var p = Regex.Match(line, @"^  (/\S*):\s*$");
            if (p.Success) { Flush(); path = p.Groups[1].Value.Trim('"'); continue; }
            var m = Regex.Match(line, @"^    (get|post|put|patch|delete):\s*$");
            if (m.Success) { Flush(); method = m.Groups[1].Value.ToUpperInvariant(); continue; }
            var o = Regex.Match(line, @"^      operationId:\s*(\S+)\s*$");
            if (o.Success && method != null) operationId = o.Groups[1].Value.Trim('"');
            if (method != null) text.Append(line).Append('\n');
        }
        Flush();
        return operations;
    }

    private static string? SpecFile()
    {
        foreach (var candidate in new[]
        {
            Environment.GetEnvironmentVariable("TRUTO_OPENAPI_YAML"),
            Path.Combine(Locations.RepoRoot, "..", "shared", "reference", "openapi.yaml"),
            Path.Combine(Locations.RepoRoot, "..", "..", "shared", "reference", "openapi.yaml"),
            Path.Combine(Locations.RepoRoot, "shared", "reference", "openapi.yaml"),
        })
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate)) return Path.GetFullPath(candidate);
        return null;
    }

    [Fact]
    public void The_table_holds_the_157_seed_tools_and_tools_json_one_schema_per_row()
    {
        var table = Table();
        Assert.Equal(157, table.Count(r => r["seed"] == "yes"));
        Assert.Equal(table.Count, table.Select(r => r["tool"]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(table.Select(r => r["tool"]).OrderBy(k => k, StringComparer.Ordinal),
            Schemas().Select(t => t.GetProperty("name").GetString()!).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var row in table)
        {
            Assert.Contains(row["key"], new[] { "admin", "api" });
            Assert.Contains(row["paging"], new[] { "None", "CursorAfter", "HasMoreOnly", "NextCursor", "PageToken" });
            Assert.Contains(row["body"], new[] { "none", "json", "multipart" });
            Assert.Contains(row["response"], new[] { "json", "binary", "sse-or-json", "text", "none" });
            Assert.Contains(row["access"], new[] { "read", "write", "destructive" });
            Assert.Matches(@"^(|\d+-\d+|(\w+=\d+-\d+)(,\w+=\d+-\d+)*)$", row["page_size"]);
        }
    }

    [Fact]
    public void Every_row_of_the_table_agrees_with_the_spec_and_every_spec_operation_has_a_row()
    {
        var spec = SpecFile();
        if (spec is null) return; // ../shared is a development-time reference; the test above still runs everywhere.
        var operations = SpecOperations(spec);
        Assert.True(operations.Count > 200, $"read only {operations.Count} operations from {spec}");
        var table = Table();
        foreach (var row in table)
        {
            var name = row["tool"];
            var key = (row["method"], row["path"]);
            if (name == "list_all_openai_me")
            {
                Assert.False(operations.ContainsKey(key), "GET /me appeared in the spec: rerun CatalogGen");
                continue;
            }
            Assert.True(operations.TryGetValue(key, out var operation), $"{name}: {key.Item1} {key.Item2} is not in the spec");
            Assert.Equal(operation!.OperationId, row["operation_id"]);
            var admin = operation.AdminSecurity || operation.SaysAdminKey;
            Assert.True((row["key"] == "admin") == admin, $"{name}: the table says key {row["key"]}, the spec says {(admin ? "admin" : "api")}");
            var family = Regex.IsMatch(row["path"], "^/(assistants|threads)(/|$)");
            Assert.True(family == row["headers"].Contains("OpenAI-Beta: assistants=v2"), $"{name}: headers '{row["headers"]}'");
            if (family) Assert.Contains("OpenAI-Beta: assistants=v2", operation.Text);
            if (row["path"].Contains("?beta=true")) Assert.Contains("OpenAI-Beta: " + Regex.Match(operation.Text, @"- (responses_[a-z_]+=v\d+)").Groups[1].Value, row["headers"]);
            if (row["body"] == "multipart") Assert.Contains("multipart/form-data", operation.Text);
            if (row["body"] == "json") Assert.Contains("requestBody:", operation.Text);
        }
        var covered = table.Select(r => (r["method"], r["path"])).ToHashSet();
        var missing = operations.Keys.Where(k => !covered.Contains(k)).Select(k => $"{k.Item1} {k.Item2}").ToList();
        Assert.True(missing.Count == 0, "operations of the spec missing from the table: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_path_parameter_is_a_required_string_argument_and_every_schema_is_an_object()
    {
        var paths = Table().ToDictionary(r => r["tool"], r => r["path"]);
        foreach (var tool in Schemas())
        {
            var name = tool.GetProperty("name").GetString()!;
            var schema = tool.GetProperty("input_schema");
            Assert.Equal("object", schema.GetProperty("type").GetString());
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()).ToList() : new List<string?>();
            foreach (Match m in Regex.Matches(paths[name], @"\{([^}]+)\}"))
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
