// The raw baseline the module is measured against: a hand-written loop of HttpClient + System.Text.Json
// (source-generated, typed), the practical limit for a .NET client of the same API. One HttpClient, keep-alive,
// the same page size as the cmdlet. Every mode prints one JSON object per repetition on stdout.
//
//   RawBaseline list  --base URL --key K [--limit 100] --count N [--reps R] [--warmup 1]
//       follow has_more/after, counting items, until N items (or the end); reports items/s and the time to the first item.
//   RawBaseline get   --base URL --key K --count N [--reps R]
//       N single GET /organization/projects/{id} calls, one after the other, on ids read from the list first.
//   RawBaseline one   --base URL --key K [--limit 100] [--reps R]
//       one list request (limit items), parsed: the time a single raw request takes.
//   RawBaseline rate  --base URL --key K [--limit 100] [--seconds 5] [--concurrency 4]
//       the emulator's own request rate: C concurrent loops of list requests for S seconds.
//   RawBaseline sse   --base URL --key K [--reps R]
//       POST /responses with stream=true, read as server-sent events line by line; reports the time to the first
//       response.output_text.delta (the first token) and to the end of the stream.
//   RawBaseline sse-stop --base URL --key K --control URL [--reps R]
//       a "[hold]" stream (the emulator holds it open after the first delta): read to the first delta, wait for the next
//       line, then cancel that read and dispose; reports how long after the cancel the emulator saw the connection closed
//       (GET /_emulator/streams). (Disposing with no read in flight is slower: SocketsHttpHandler first tries to drain
//       the body for reuse, for up to its 2 s ResponseDrainTimeout, and a held stream never ends.)

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

var opts = Options.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 64 })
{
    BaseAddress = new Uri(opts.Base.TrimEnd('/') + "/"),
    Timeout = TimeSpan.FromMinutes(5),
};
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", opts.Key);

switch (opts.Mode)
{
    case "list":
        for (var i = 0; i < opts.Warmup; i++) await List(http, opts.Limit, Math.Min(opts.Count, 2_000));
        for (var r = 0; r < opts.Reps; r++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var (items, requests, seconds, firstMs) = await List(http, opts.Limit, opts.Count);
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            Emit(new Result { Mode = "list", Rep = r, Items = items, Requests = requests, Seconds = seconds, FirstItemMs = firstMs, ItemsPerSecond = items / seconds, RequestsPerSecond = requests / seconds, CpuSeconds = cpu });
        }
        break;
    case "get":
    {
        var ids = new List<string>(opts.Count);
        string? after = null;
        while (ids.Count < opts.Count)
        {
            var page = await Page(http, 100, after);
            foreach (var p in page.Data) { if (ids.Count < opts.Count) ids.Add(p.Id); }
            if (!page.HasMore) break;
            after = page.LastId;
        }
        foreach (var id in ids.Take(50)) await Get(http, id); // warm-up
        for (var r = 0; r < opts.Reps; r++)
        {
            var sw = Stopwatch.StartNew();
            var n = 0;
            foreach (var id in ids) { if ((await Get(http, id)).Id == id) n++; }
            sw.Stop();
            Emit(new Result { Mode = "get", Rep = r, Items = n, Requests = ids.Count, Seconds = sw.Elapsed.TotalSeconds, ItemsPerSecond = n / sw.Elapsed.TotalSeconds, RequestsPerSecond = ids.Count / sw.Elapsed.TotalSeconds, PerCallMs = sw.Elapsed.TotalMilliseconds / ids.Count });
        }
        break;
    }
    case "one":
        for (var i = 0; i < 20; i++) await Page(http, opts.Limit, null);
        for (var r = 0; r < opts.Reps; r++)
        {
            var sw = Stopwatch.StartNew();
            var page = await Page(http, opts.Limit, null);
            sw.Stop();
            Emit(new Result { Mode = "one", Rep = r, Items = page.Data.Count, Requests = 1, Seconds = sw.Elapsed.TotalSeconds, FirstItemMs = sw.Elapsed.TotalMilliseconds });
        }
        break;
    case "rate":
    {
        // Warm-up: the emulator's list route tiered up before counting.
        for (var i = 0; i < 1000; i++) await Page(http, opts.Limit, null);
        var stop = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(opts.Seconds);
        var counts = new long[opts.Concurrency];
        var workers = Enumerable.Range(0, opts.Concurrency).Select(async w =>
        {
            string? after = null;
            while (stop.Elapsed < until)
            {
                var page = await Page(http, opts.Limit, after);
                after = page.HasMore ? page.LastId : null;
                counts[w]++;
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var seconds = stop.Elapsed.TotalSeconds;
        var requests = counts.Sum();
        Emit(new Result { Mode = "rate", Rep = 0, Requests = (int)requests, Seconds = seconds, RequestsPerSecond = requests / seconds, Concurrency = opts.Concurrency, Items = (int)(requests * opts.Limit), ItemsPerSecond = requests * opts.Limit / seconds });
        break;
    }
    case "sse":
        for (var i = 0; i < 20; i++) await Sse(http, "warm up the stream");
        for (var r = 0; r < opts.Reps; r++)
        {
            var (firstMs, totalMs, deltas) = await Sse(http, "Tell me about streaming in a few words");
            Emit(new Result { Mode = "sse", Rep = r, Items = deltas, Requests = 1, Seconds = totalMs / 1000, FirstItemMs = firstMs });
        }
        break;
    case "sse-stop":
    {
        using var control = new HttpClient { BaseAddress = new Uri(opts.Control!.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        for (var r = -3; r < opts.Reps; r++) // three warm-up rounds, not emitted
        {
            var since = await LastSeq(control);
            using var cts = new CancellationTokenSource();
            using var request = new HttpRequestMessage(HttpMethod.Post, "responses")
            {
                Content = new StringContent("{\"model\":\"gpt-4o-mini\",\"input\":\"[hold] stop me\",\"stream\":true}", System.Text.Encoding.UTF8, "application/json"),
            };
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            response.EnsureSuccessStatusCode();
            var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));
            while (await reader.ReadLineAsync(cts.Token) is { } line && line != "event: response.output_text.delta") { }
            // As a reader waiting for the next event: a read is in flight (the server holds the stream) when it stops.
            var pending = ReadToEndAsync(reader, cts.Token);
            await control.GetStringAsync($"streams?since={since}&wait_for=held&wait_seconds=30");
            var stopAt = NowMs();
            cts.Cancel();
            try { await pending; } catch (OperationCanceledException) { }
            reader.Dispose();
            response.Dispose();
            var stoppedMs = NowMs() - stopAt;
            var report = JsonSerializer.Deserialize(await control.GetStringAsync($"streams?since={since}&wait_seconds=30"), RawJson.Default.ListStreamReport)!;
            if (report.Count != 1 || report[0].State != "closed_by_client") throw new InvalidDataException($"expected one stream closed by the client, got {report.Count} ({report.FirstOrDefault()?.State})");
            if (r >= 0) Emit(new Result { Mode = "sse-stop", Rep = r, Requests = 1, PerCallMs = stoppedMs, FirstItemMs = report[0].EndedAtMs!.Value - stopAt });
        }
        break;
    }
    default:
        Console.Error.WriteLine($"unknown mode '{opts.Mode}' (list, get, one, rate, sse, sse-stop)");
        return 2;
}
return 0;

static async Task<(int items, int requests, double seconds, double firstMs)> List(HttpClient http, int limit, int count)
{
    var sw = Stopwatch.StartNew();
    double firstMs = -1;
    int items = 0, requests = 0;
    string? after = null;
    while (true)
    {
        var page = await Page(http, limit, after);
        requests++;
        foreach (var project in page.Data)
        {
            if (firstMs < 0) firstMs = sw.Elapsed.TotalMilliseconds;
            if (project.Id.Length > 0) items++;
            if (items == count) break;
        }
        if (items >= count || !page.HasMore || page.Data.Count == 0) break;
        after = page.LastId ?? page.Data[^1].Id;
    }
    sw.Stop();
    return (items, requests, sw.Elapsed.TotalSeconds, firstMs);
}

static async Task<ProjectPage> Page(HttpClient http, int limit, string? after)
{
    var uri = after is null ? $"organization/projects?limit={limit}" : $"organization/projects?limit={limit}&after={Uri.EscapeDataString(after)}";
    using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var stream = await response.Content.ReadAsStreamAsync();
    return await JsonSerializer.DeserializeAsync(stream, RawJson.Default.ProjectPage) ?? throw new InvalidDataException("null page");
}

static async Task<Project> Get(HttpClient http, string id)
{
    using var response = await http.GetAsync("organization/projects/" + Uri.EscapeDataString(id), HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    await using var stream = await response.Content.ReadAsStreamAsync();
    return await JsonSerializer.DeserializeAsync(stream, RawJson.Default.Project) ?? throw new InvalidDataException("null project");
}

// One streamed response read as server-sent events: the time to the first text delta's data line parsed, and to the end.
static async Task<(double FirstMs, double TotalMs, int Deltas)> Sse(HttpClient http, string input)
{
    var sw = Stopwatch.StartNew();
    using var request = new HttpRequestMessage(HttpMethod.Post, "responses")
    {
        Content = new StringContent(JsonSerializer.Serialize(new SseRequest { Model = "gpt-4o-mini", Input = input, Stream = true }, RawJson.Default.SseRequest),
            System.Text.Encoding.UTF8, "application/json"),
    };
    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    response.EnsureSuccessStatusCode();
    using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
    double first = -1;
    var deltas = 0;
    string? type = null;
    while (await reader.ReadLineAsync() is { } line)
    {
        if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
        else if (line.StartsWith("data: ", StringComparison.Ordinal) && type == "response.output_text.delta")
        {
            var delta = JsonSerializer.Deserialize(line.AsSpan(6), RawJson.Default.SseDelta)!;
            if (delta.Delta.Length > 0 && first < 0) first = sw.Elapsed.TotalMilliseconds;
            deltas++;
        }
    }
    return (first, sw.Elapsed.TotalMilliseconds, deltas);
}

static async Task<long> LastSeq(HttpClient control)
{
    var streams = JsonSerializer.Deserialize(await control.GetStringAsync("streams"), RawJson.Default.ListStreamReport)!;
    return streams.Count > 0 ? streams[^1].Seq : 0;
}

static async Task ReadToEndAsync(StreamReader reader, CancellationToken cancel)
{
    while (await reader.ReadLineAsync(cancel) is not null) { }
}

static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

static void Emit(Result result) => Console.Out.WriteLine(JsonSerializer.Serialize(result, RawJson.Default.Result));

public sealed class Project
{
    public string Id { get; set; } = "";
    public string? Object { get; set; }
    public string? Name { get; set; }
    public long CreatedAt { get; set; }
    public long? ArchivedAt { get; set; }
    public string? Status { get; set; }
    public string? ExternalKeyId { get; set; }
    public string? Residency { get; set; }
}

public sealed class ProjectPage
{
    public string? Object { get; set; }
    public List<Project> Data { get; set; } = new();
    public string? FirstId { get; set; }
    public string? LastId { get; set; }
    public bool HasMore { get; set; }
}

public sealed class Result
{
    public string Mode { get; set; } = "";
    public int Rep { get; set; }
    public int Items { get; set; }
    public int Requests { get; set; }
    public double Seconds { get; set; }
    public double ItemsPerSecond { get; set; }
    public double RequestsPerSecond { get; set; }
    public double FirstItemMs { get; set; }
    public double PerCallMs { get; set; }
    public int Concurrency { get; set; }
    /// <summary>CPU time this process used during the measurement (user + system), less sensitive to a busy machine than wall time.</summary>
    public double CpuSeconds { get; set; }
}

public sealed class SseRequest
{
    public string Model { get; set; } = "";
    public string Input { get; set; } = "";
    public bool Stream { get; set; }
}

public sealed class SseDelta
{
    public string Type { get; set; } = "";
    public string Delta { get; set; } = "";
    public int SequenceNumber { get; set; }
}

/// <summary>An entry of GET /_emulator/streams.</summary>
public sealed class StreamReport
{
    public long Seq { get; set; }
    public string? State { get; set; }
    public int EventsSent { get; set; }
    public double? EndedAtMs { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProjectPage))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(Result))]
[JsonSerializable(typeof(SseRequest))]
[JsonSerializable(typeof(SseDelta))]
[JsonSerializable(typeof(List<StreamReport>))]
internal sealed partial class RawJson : JsonSerializerContext { }

internal sealed record Options(string Mode, string Base, string Key, int Limit, int Count, int Reps, int Warmup, double Seconds, int Concurrency, string? Control)
{
    public static Options Parse(string[] args)
    {
        if (args.Length == 0) throw new ArgumentException("usage: RawBaseline list|get|one|rate --base URL --key K [...]");
        string Get(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, "--" + name);
            if (i >= 0 && i + 1 < args.Length) return args[i + 1];
            return fallback ?? Environment.GetEnvironmentVariable("RAWBASELINE_" + name.ToUpperInvariant()) ?? throw new ArgumentException($"--{name} is required");
        }
        // The key may come from the environment (RAWBASELINE_KEY) so it never shows on a command line.
        var key = Array.IndexOf(args, "--key") >= 0 ? Get("key") : Environment.GetEnvironmentVariable("RAWBASELINE_KEY") ?? throw new ArgumentException("--key or RAWBASELINE_KEY is required");
        return new Options(args[0], Get("base"), key, int.Parse(Get("limit", "100")), int.Parse(Get("count", "100000")),
            int.Parse(Get("reps", "5")), int.Parse(Get("warmup", "1")), double.Parse(Get("seconds", "5"), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "4")), Array.IndexOf(args, "--control") >= 0 ? Get("control") : null);
    }
}
