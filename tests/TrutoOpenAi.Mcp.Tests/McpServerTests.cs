using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Xunit;

namespace TrutoOpenAi.Mcp.Tests;

[Collection("mcp")]
public sealed class McpServerTests
{
    private readonly McpServerFixture _f;

    public McpServerTests(McpServerFixture fixture) => _f = fixture;

    /// <summary>(tool, seed) of every row of the operation table.</summary>
    private static (string Name, bool Seed)[] CatalogToolNames() =>
        File.ReadAllLines(Path.Combine(Locations.RepoRoot, "src", "TrutoOpenAi.Core", "Catalog", "operations.tsv"))
            .Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(c => (c[0], c[4] == "yes")).ToArray();

    [Fact]
    public async Task Tools_list_returns_every_operation_of_the_table_each_with_an_input_schema()
    {
        var tools = await _f.Client.ListToolsAsync();
        var rows = CatalogToolNames();
        Assert.Equal(157, rows.Count(r => r.Seed));
        var expected = rows.Select(r => r.Name).ToArray();
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), tools.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var tool in tools)
        {
            var schema = tool.ProtocolTool.InputSchema;
            Assert.Equal("object", schema.GetProperty("type").GetString());
            Assert.True(schema.TryGetProperty("properties", out _), tool.Name + " has no properties in its schema");
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name + " has no description");
        }
    }

    [Fact]
    public async Task List_and_get_tools_are_read_only_and_delete_cancel_archive_tools_destructive()
    {
        var tools = (await _f.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);
        foreach (var (name, tool) in tools)
        {
            if (name.StartsWith("list_all_", StringComparison.Ordinal) || name.StartsWith("get_single_", StringComparison.Ordinal))
                Assert.True(tool.Annotations?.ReadOnlyHint == true, name + " should be readOnlyHint");
            if (name.StartsWith("delete_a_", StringComparison.Ordinal) || name.Contains("cancel") || name.Contains("archive"))
            {
                Assert.True(tool.Annotations?.DestructiveHint == true, name + " should be destructiveHint");
                Assert.True(tool.Annotations?.ReadOnlyHint != true, name + " cannot be read-only");
            }
            // Idempotent: what the operation table's repeat column says (updates yes, creates no).
            if (name.StartsWith("update_a_", StringComparison.Ordinal) || name.StartsWith("delete_a_", StringComparison.Ordinal))
                Assert.True(tool.Annotations?.IdempotentHint == true, name + " should be idempotentHint");
            if (name.StartsWith("create_a_", StringComparison.Ordinal))
                Assert.True(tool.Annotations?.IdempotentHint == false, name + " should not be idempotentHint");
        }
        var schema = tools["get_single_openai_project_by_id"].InputSchema;
        Assert.Contains("project_id", schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var create = tools["create_a_openai_project"].InputSchema.GetProperty("properties");
        Assert.Contains("GLOBAL", create.GetProperty("residency").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Create_update_and_archive_change_the_emulators_projects()
    {
        var name = "mcp-" + Guid.NewGuid().ToString("n")[..8];
        var created = McpServerFixture.Json(await _f.CallAsync("create_a_openai_project", new() { ["name"] = name }));
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(name, created.GetProperty("name").GetString());
        var (status, stored) = await _f.GetProjectAsync(id);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(name, stored.GetProperty("name").GetString());

        var fetched = McpServerFixture.Json(await _f.CallAsync("get_single_openai_project_by_id", new() { ["project_id"] = id }));
        Assert.Equal(id, fetched.GetProperty("id").GetString());

        var updated = McpServerFixture.Json(await _f.CallAsync("update_a_openai_project_by_id", new() { ["project_id"] = id, ["name"] = name + "-renamed" }));
        Assert.Equal(name + "-renamed", updated.GetProperty("name").GetString());
        (_, stored) = await _f.GetProjectAsync(id);
        Assert.Equal(name + "-renamed", stored.GetProperty("name").GetString());

        var archived = McpServerFixture.Json(await _f.CallAsync("openai_projects_archive", new() { ["project_id"] = id }));
        Assert.Equal("archived", archived.GetProperty("status").GetString());
        (_, stored) = await _f.GetProjectAsync(id);
        Assert.Equal("archived", stored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Paging_with_next_cursor_returns_every_project_once()
    {
        var expected = await _f.AllProjectIdsAsync();
        Assert.True(expected.Count >= McpServerFixture.SeededProjects);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var arguments = new Dictionary<string, object?> { ["limit"] = 7, ["include_archived"] = true };
            if (cursor != null) arguments["next_cursor"] = cursor;
            var page = McpServerFixture.Json(await _f.CallAsync("list_all_openai_projects", arguments));
            var result = page.GetProperty("result");
            Assert.Equal(result.GetArrayLength(), page.GetProperty("result_count").GetInt32());
            seen.AddRange(result.EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            cursor = page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next_cursor").GetString();
            pages++;
            Assert.True(pages < 100, "paging did not end");
        } while (cursor != null);
        Assert.True(pages >= 7, $"expected several pages, got {pages}");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected.OrderBy(i => i, StringComparer.Ordinal), seen.OrderBy(i => i, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_api_error_comes_back_as_a_tool_error_with_message_status_and_request_id()
    {
        var result = await _f.CallAsync("get_single_openai_project_by_id", new() { ["project_id"] = "proj_does_not_exist" });
        Assert.True(result.IsError);
        var text = McpServerFixture.Text(result);
        Assert.Contains("No such project", text);
        Assert.Contains("HTTP 404", text);
        Assert.Contains("req_", text);
        var error = result.StructuredContent!.Value.GetProperty("error");
        Assert.Equal(404, error.GetProperty("status").GetInt32());
        Assert.StartsWith("req_", error.GetProperty("request_id").GetString());

        // The server is still there.
        var page = McpServerFixture.Json(await _f.CallAsync("list_all_openai_projects", new() { ["limit"] = 1 }));
        Assert.Equal(1, page.GetProperty("result_count").GetInt32());
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        { "create_a_openai_project", """{}""", "name" },
        { "create_a_openai_project", """{"name": 42}""", "name" },
        { "create_a_openai_project", """{"name": "x", "residency": "MARS"}""", "residency" },
        { "list_all_openai_projects", """{"limit": "ten"}""", "limit" },
        { "list_all_openai_projects", """{"include_archived": "yes"}""", "include_archived" },
        { "list_all_openai_projects", """{"next_cursor": "not-a-cursor"}""", "next_cursor" },
        { "list_all_openai_projects", """{"colour": "blue"}""", "colour" },
        { "get_single_openai_project_by_id", """{}""", "project_id" },
        { "get_single_openai_project_by_id", """{"project_id": "proj_a/../../users"}""", "project_id" },
        { "get_single_openai_project_by_id", """{"project_id": ""}""", "project_id" },
        { "update_a_openai_project_by_id", """{"project_id": "a\\b", "name": "x"}""", "project_id" },
        { "create_a_openai_file", """{"purpose": "assistants"}""", "file" },
        { "create_a_openai_file", """{"file": "/no/such/file.jsonl", "purpose": "assistants"}""", "file" },
        { "create_a_openai_file", """{"file_base64": "%%%", "purpose": "assistants"}""", "file_base64" },
        { "create_a_openai_file", """{"file_base64": "aGk=", "purpose": "nonsense"}""", "purpose" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_refused_with_a_tool_error_naming_the_argument_before_any_request(string tool, string json, string argument)
    {
        var arguments = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);
        var since = await _f.LastSeqAsync();
        var result = await _f.CallAsync(tool, arguments);
        Assert.True(result.IsError, "expected a tool error, got " + McpServerFixture.Text(result));
        Assert.Contains($"'{argument}'", McpServerFixture.Text(result));
        Assert.Equal(argument, result.StructuredContent!.Value.GetProperty("error").GetProperty("argument").GetString());
        Assert.Empty(await _f.RequestsSinceAsync(since));
    }

    [Fact]
    public async Task Multipart_tools_upload_base64_content_as_multipart_form_data()
    {
        var since = await _f.LastSeqAsync();
        var path = Path.Combine(Path.GetTempPath(), $"mcp-{Guid.NewGuid():n}.jsonl");
        await File.WriteAllTextAsync(path, "{\"prompt\":\"hi\"}\n");
        try
        {
            // The emulator stores the upload (Areas/Files): the tool answers the file object, and the request was multipart.
            var result = await _f.CallAsync("create_a_openai_file", new() { ["file"] = path, ["purpose"] = "fine-tune" });
            Assert.False(result.IsError, McpServerFixture.Text(result));
            Assert.Contains("\"purpose\":\"fine-tune\"", McpServerFixture.Text(result).Replace(" ", ""));
            var sent = Assert.Single(await _f.RequestsSinceAsync(since));
            Assert.Equal("POST", sent.GetProperty("method").GetString());
            Assert.Equal("/v1/files", sent.GetProperty("path").GetString());
            Assert.StartsWith("multipart/form-data", sent.GetProperty("headers").GetProperty("content-type").GetString());
            Assert.Equal("api", sent.GetProperty("auth_kind").GetString(), ignoreCase: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Organization_tools_send_the_admin_key_and_others_the_api_key()
    {
        var since = await _f.LastSeqAsync();
        await _f.CallAsync("list_all_openai_projects", new() { ["limit"] = 1 });
        await _f.CallAsync("list_all_openai_models");
        var sent = await _f.RequestsSinceAsync(since);
        Assert.Equal("admin", sent.Single(r => r.GetProperty("path").GetString() == "/v1/organization/projects").GetProperty("auth_kind").GetString(), ignoreCase: true);
        Assert.Equal("api", sent.Single(r => r.GetProperty("path").GetString() == "/v1/models").GetProperty("auth_kind").GetString(), ignoreCase: true);
    }

    [Fact]
    public async Task A_filtered_out_tool_is_absent_and_refused()
    {
        var client = await _f.StartServerAsync(null, "--read-only", "--area", "Projects");
        var names = (await client.ListToolsAsync()).Select(t => t.Name).ToList();
        Assert.Contains("list_all_openai_projects", names);
        Assert.Contains("get_single_openai_project_by_id", names);
        Assert.DoesNotContain("create_a_openai_project", names);
        Assert.DoesNotContain("list_all_openai_users", names);
        Assert.All(names, n => Assert.True(n.StartsWith("list_all_", StringComparison.Ordinal) || n.StartsWith("get_single_", StringComparison.Ordinal), n));

        var since = await _f.LastSeqAsync();
        var refused = false;
        try
        {
            var result = await _f.CallAsync("create_a_openai_project", new() { ["name"] = "should-not-exist" }, client);
            refused = result.IsError == true;
        }
        catch (McpException)
        {
            refused = true;
        }
        Assert.True(refused, "a filtered-out tool should be refused");
        Assert.Empty(await _f.RequestsSinceAsync(since));

        var pattern = await _f.StartServerAsync(null, "--tool", "*_project_by_id", "--exclude-tool", "update_*");
        var patterned = (await pattern.ListToolsAsync()).Select(t => t.Name).OrderBy(n => n).ToList();
        Assert.Equal(new[] { "get_single_openai_project_by_id" }, patterned);
    }

    [Fact]
    public async Task Keys_never_appear_in_tool_results_or_server_logs()
    {
        var texts = new List<string>
        {
            McpServerFixture.Text(await _f.CallAsync("list_all_openai_projects", new() { ["limit"] = 2 })),
            McpServerFixture.Text(await _f.CallAsync("get_single_openai_project_by_id", new() { ["project_id"] = "proj_missing" })),
            McpServerFixture.Text(await _f.CallAsync("list_all_openai_models")),
            McpServerFixture.Text(await _f.CallAsync("create_a_openai_project", new() { })),
        };
        // stderr lines arrive asynchronously: wait for the last call's line (a condition, not a fixed sleep that a busy machine outruns).
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!string.Join("\n", _f.ServerLog).Contains("create_a_openai_project:") && DateTime.UtcNow < deadline) await Task.Delay(20);
        var log = string.Join("\n", _f.ServerLog);
        Assert.NotEmpty(_f.ServerLog);
        Assert.Contains("list_all_openai_projects", log);
        foreach (var key in new[] { _f.AdminKey, _f.ApiKey })
        {
            Assert.DoesNotContain(key, log);
            Assert.All(texts, t => Assert.DoesNotContain(key, t));
        }
        Assert.DoesNotContain("Bearer", log);
    }
}
