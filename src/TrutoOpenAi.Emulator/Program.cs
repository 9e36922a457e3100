using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TrutoOpenAi.Emulator;
using TrutoOpenAi.Emulator.Control;
using TrutoOpenAi.Emulator.Infrastructure;
using TrutoOpenAi.Emulator.Infrastructure.Middleware;

EmulatorOptions options;
try
{
    if (args.Any(a => a is "-h" or "--help" or "-?"))
    {
        Console.Out.WriteLine(EmulatorOptions.Usage);
        return 0;
    }
    options = EmulatorOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(EmulatorOptions.Usage);
    return 2;
}

// Our own arguments are not ASP.NET configuration: pass none, and keep stdout for the one listening line.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders();
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Listen(options.Host, options.Port);
});
builder.Services.ConfigureHttpJsonOptions(j => EmulatorJson.Configure(j.SerializerOptions));

var state = new EmulatorState(options);
var recorder = new RequestRecorder();
var faults = new FaultInjector(options.SeedRandom);
builder.Services.AddSingleton(options);
builder.Services.AddSingleton(state);
builder.Services.AddSingleton(recorder);
builder.Services.AddSingleton(faults);
builder.Services.AddSingleton(new StreamLog(recorder));
builder.Services.AddSingleton(AuthPolicy.FromEnvironment());
builder.Services.AddSingleton<RateLimitCounter>();
builder.Services.AddHostedService<ParentProcessWatcher>();

var app = builder.Build();
app.UseMiddleware<RequestContextMiddleware>();  // x-request-id, x-ratelimit-*, openai-processing-ms
app.UseMiddleware<RecordingMiddleware>();       // /v1 only, records the final status
if (ReplyLogMiddleware.Directory != null) app.UseMiddleware<ReplyLogMiddleware>(); // /v1 successes, for the spec conformance test
app.UseMiddleware<ErrorMiddleware>();           // ApiException → OpenAI error body; 405 → Invalid URL
app.UseMiddleware<AuthMiddleware>();            // /v1 only
app.UseMiddleware<ClockTickMiddleware>();       // /v1 only, after auth: the clock's per-request step (off by default)
app.UseMiddleware<FaultMiddleware>();           // /v1 only, after auth

ControlApi.Map(app, state, recorder, faults);

var v1 = app.MapGroup("/v1");
foreach (var area in DiscoverAreas()) area.Map(v1, state);
v1.Map("{**rest}", (HttpRequest request) => ApiErrors.InvalidUrl(request).ToResult());

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
var port = new Uri(address).Port;
var host = options.Host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Host}]" : options.Host.ToString();
Console.Out.WriteLine($"EMULATOR_LISTENING http://{host}:{port}/v1");
Console.Out.Flush();
await app.WaitForShutdownAsync();
return 0;

static IEnumerable<IEmulatorArea> DiscoverAreas() =>
    Assembly.GetExecutingAssembly().GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IEmulatorArea).IsAssignableFrom(t))
        .Select(t => (IEmulatorArea)Activator.CreateInstance(t)!)
        .OrderBy(a => a.Order).ThenBy(a => a.GetType().FullName, StringComparer.Ordinal);
