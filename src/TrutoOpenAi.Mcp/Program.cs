using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Server;
using TrutoOpenAi.Core;
using TrutoOpenAi.Mcp;

// TrutoOpenAi MCP server: every operation of the operation table (the 157 product tools and the spec's others) over stdio, through the same core as the cmdlets.
//
//   dotnet TrutoOpenAi.Mcp.dll [--read-only] [--area Projects,Files] [--kind read,write,custom]
//                              [--tool "list_all_*"] [--exclude-tool "delete_*"] [--log-level Information] [--list-tools]
//
// Keys and connection come from the environment only: OPENAI_ADMIN_KEY, OPENAI_API_KEY, OPENAI_BASE_URL,
// OPENAI_ORG_ID, OPENAI_PROJECT_ID (TRUTO_OPENAI_MAX_RETRIES, TRUTO_OPENAI_TIMEOUT_SEC). Filters may also come from
// TRUTO_MCP_READ_ONLY, TRUTO_MCP_AREAS, TRUTO_MCP_KINDS, TRUTO_MCP_TOOLS, TRUTO_MCP_EXCLUDE_TOOLS.
// stdout carries the protocol; every log line goes to stderr.

var filter = new ToolFilter();
var logLevel = LogLevel.Information;
var listOnly = false;
filter.ReadOnly = Environment.GetEnvironmentVariable("TRUTO_MCP_READ_ONLY") is "1" or "true" or "True";
filter.Areas.AddRange(ToolFilter.SplitList(Environment.GetEnvironmentVariable("TRUTO_MCP_AREAS")));
filter.Kinds.AddRange(ToolFilter.SplitList(Environment.GetEnvironmentVariable("TRUTO_MCP_KINDS")));
filter.Include.AddRange(ToolFilter.SplitList(Environment.GetEnvironmentVariable("TRUTO_MCP_TOOLS")));
filter.Exclude.AddRange(ToolFilter.SplitList(Environment.GetEnvironmentVariable("TRUTO_MCP_EXCLUDE_TOOLS")));
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--read-only": filter.ReadOnly = true; break;
        case "--area": filter.Areas.AddRange(ToolFilter.SplitList(Next())); break;
        case "--kind": filter.Kinds.AddRange(ToolFilter.SplitList(Next())); break;
        case "--tool": filter.Include.AddRange(ToolFilter.SplitList(Next())); break;
        case "--exclude-tool": filter.Exclude.AddRange(ToolFilter.SplitList(Next())); break;
        case "--log-level": logLevel = Enum.Parse<LogLevel>(Next(), ignoreCase: true); break;
        case "--list-tools": listOnly = true; break;
        case "--help" or "-h":
            Console.Error.WriteLine("Usage: dotnet TrutoOpenAi.Mcp.dll [--read-only] [--area A,B] [--kind read,write,custom] [--tool pattern] [--exclude-tool pattern] [--log-level Level] [--list-tools]");
            Console.Error.WriteLine("Keys come from OPENAI_ADMIN_KEY / OPENAI_API_KEY, the API from OPENAI_BASE_URL (default https://api.openai.com/v1).");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'. Try --help.");
            return 2;
    }
}
foreach (var kind in filter.Kinds)
    if (kind is not ("read" or "write" or "custom"))
    {
        Console.Error.WriteLine($"--kind '{kind}' is not read, write or custom.");
        return 2;
    }
var knownAreas = ToolCatalog.Tools.Select(t => t.Area).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
foreach (var area in filter.Areas)
    if (!knownAreas.Contains(area, StringComparer.OrdinalIgnoreCase))
    {
        Console.Error.WriteLine($"--area '{area}' is not an area. Areas: {string.Join(", ", knownAreas)}.");
        return 2;
    }

var selected = ToolCatalog.Tools.Where(filter.Allows).ToList();
if (listOnly)
{
    foreach (var tool in selected) Console.Out.WriteLine($"{tool.Name}\t{tool.Method}\t{tool.Path}\t{tool.Area}\t{tool.Kind}{(tool.ReadOnly ? "\tread-only" : "")}");
    return 0;
}

OpenAiConnectionSettings settings;
try
{
    settings = ServerConnection.FromEnvironment();
    settings.Validate();
}
catch (OpenAiException ex)
{
    Console.Error.WriteLine($"TrutoOpenAi.Mcp: {SecretText.Redact(ex.Message)}");
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = Array.Empty<string>(), DisableDefaults = true });
builder.Logging.ClearProviders();
builder.Logging.SetMinimumLevel(logLevel);
builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Services.AddSingleton(_ => new OpenAiConnection(settings) { Source = "environment" });
builder.Services.AddSingleton(sp => new ToolInvoker(sp.GetRequiredService<OpenAiConnection>().Client));
var mcp = builder.Services
    .AddMcpServer(options =>
    {
        options.ServerInfo = new ModelContextProtocol.Protocol.Implementation
        {
            Name = "TrutoOpenAi",
            Version = typeof(ToolCatalog).Assembly.GetName().Version?.ToString(3) ?? "0.1.0",
        };
        options.ServerInstructions = "Tools for the OpenAI API (administration, projects, usage, files, vector stores, assistants...). " +
            "List tools return {result, next_cursor, result_count}: pass next_cursor back for the next page.";
    })
    .WithStdioServerTransport();
foreach (var tool in selected)
{
    var definition = tool;
    builder.Services.AddSingleton<McpServerTool>(sp => new CatalogTool(definition, sp.GetRequiredService<ToolInvoker>(),
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("TrutoOpenAi.Mcp")));
}

using var host = builder.Build();
var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrutoOpenAi.Mcp");
log.LogInformation("Serving {Count} of {Total} tools ({Filter}) for {BaseUri}; admin key {Admin}, API key {Api}.",
    selected.Count, ToolCatalog.Tools.Count, filter, settings.NormalizedBaseUri, settings.AdminKey is { Length: > 0 } ? "present" : "absent",
    settings.ApiKey is { Length: > 0 } ? "present" : "absent");
await host.RunAsync();
return 0;
