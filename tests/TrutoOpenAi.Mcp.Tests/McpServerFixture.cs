using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using TrutoOpenAi.Core.Emulator;
using Xunit;

namespace TrutoOpenAi.Mcp.Tests;

/// <summary>Where the built pieces are: the repo, the emulator and the MCP server (built by the project references).</summary>
public static class Locations
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}") ? "Debug" : "Release";

    public static string ServerDll => Find("TRUTO_MCP_DLL", "TrutoOpenAi.Mcp", Path.Combine("out", "TrutoOpenAi", "mcp", "TrutoOpenAi.Mcp.dll"));
    public static string EmulatorDll => Find("TRUTO_EMULATOR_DLL", "TrutoOpenAi.Emulator", Path.Combine("out", "TrutoOpenAi", "emulator", "TrutoOpenAi.Emulator.dll"));

    private static string Find(string variable, string project, string staged)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given) return given;
        foreach (var configuration in new[] { Configuration, "Release", "Debug" })
        {
            var built = Path.Combine(RepoRoot, "src", project, "bin", configuration, "net10.0", project + ".dll");
            if (File.Exists(built)) return built;
        }
        return Path.Combine(RepoRoot, staged);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrutoOpenAi.sln"))) return dir.FullName;
        throw new InvalidOperationException("TrutoOpenAi.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// One emulator (45 seeded projects) and one MCP server process talking to it over stdio, through the
/// ModelContextProtocol client. The server's stderr is kept to prove no key is ever logged.
/// </summary>
public sealed class McpServerFixture : IAsyncLifetime
{
    public const int SeededProjects = 45;
    private readonly List<McpClient> _clients = new();

    public EmulatorProcess Emulator { get; private set; } = null!;
    public McpClient Client { get; private set; } = null!;
    public string AdminKey { get; private set; } = "";
    public string ApiKey { get; private set; } = "";
    public ConcurrentQueue<string> ServerLog { get; } = new();
    public HttpClient Control { get; } = new();
    private Uri ApiBase => new(Emulator.BaseUri.AbsoluteUri.TrimEnd('/') + "/");

    public async Task InitializeAsync()
    {
        var options = new EmulatorStartOptions { AssemblyPath = Locations.EmulatorDll, SeedProjects = SeededProjects };
        Emulator = await EmulatorProcess.StartAsync(options, CancellationToken.None);
        AdminKey = new NetworkCredential("", Emulator.AdminKey).Password;
        ApiKey = new NetworkCredential("", Emulator.ApiKey).Password;
        Client = await StartServerAsync(ServerLog, "--log-level", "Debug");
    }

    /// <summary>Starts another server process on the same emulator (with filter options, say).</summary>
    public async Task<McpClient> StartServerAsync(ConcurrentQueue<string>? log, params string[] arguments)
    {
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "TrutoOpenAi",
            Command = EmulatorProcess.FindDotnet(),
            Arguments = new[] { Locations.ServerDll }.Concat(arguments).ToList(),
            EnvironmentVariables = new Dictionary<string, string?>
            {
                ["OPENAI_BASE_URL"] = Emulator.BaseUri.AbsoluteUri,
                ["OPENAI_ADMIN_KEY"] = AdminKey,
                ["OPENAI_API_KEY"] = ApiKey,
                ["TRUTO_OPENAI_MAX_RETRIES"] = "1",
                ["DOTNET_NOLOGO"] = "1",
            },
            StandardErrorLines = line => log?.Enqueue(line),
        });
        var client = await McpClient.CreateAsync(transport);
        lock (_clients) _clients.Add(client);
        return client;
    }

    public async Task<CallToolResult> CallAsync(string tool, Dictionary<string, object?>? arguments = null, McpClient? client = null) =>
        await (client ?? Client).CallToolAsync(tool, arguments ?? new Dictionary<string, object?>());

    public static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    public static JsonElement Json(CallToolResult result)
    {
        Assert.False(result.IsError == true, "The tool answered with an error: " + Text(result));
        using var document = JsonDocument.Parse(Text(result));
        return document.RootElement.Clone();
    }

    /// <summary>The emulator's recorded /v1 requests after sequence number <paramref name="since"/>.</summary>
    public async Task<List<JsonElement>> RequestsSinceAsync(long since)
    {
        var text = await Control.GetStringAsync(new Uri(Emulator.ControlUri, $"requests?since={since}"));
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("data");
        return items.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    public async Task<long> LastSeqAsync()
    {
        var all = await RequestsSinceAsync(0);
        return all.Count == 0 ? 0 : all.Max(r => r.GetProperty("seq").GetInt64());
    }

    /// <summary>Reads a project straight from the emulator (not through the server under test).</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> GetProjectAsync(string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiBase, "organization/projects/" + Uri.EscapeDataString(id)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        using var response = await Control.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Every project id in the emulator, archived ones included, read straight from it.</summary>
    public async Task<List<string>> AllProjectIdsAsync()
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var query = "organization/projects?limit=100&include_archived=true" + (after is null ? "" : "&after=" + after);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(ApiBase, query));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
            using var response = await Control.SendAsync(request);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            ids.AddRange(document.RootElement.GetProperty("data").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            after = document.RootElement.GetProperty("has_more").GetBoolean() ? document.RootElement.GetProperty("last_id").GetString() : null;
        } while (after != null);
        return ids;
    }

    public async Task DisposeAsync()
    {
        List<McpClient> clients;
        lock (_clients) clients = _clients.ToList();
        foreach (var client in clients) await client.DisposeAsync();
        Emulator?.Dispose();
        Control.Dispose();
    }
}

[CollectionDefinition("mcp")]
public sealed class McpCollection : ICollectionFixture<McpServerFixture> { }
