using System.Diagnostics;
using System.Text.Json;

namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>Records every /v1 request (after the response is decided) into the <see cref="RequestRecorder"/> ring.</summary>
public sealed class RecordingMiddleware(RequestDelegate next, RequestRecorder recorder, AuthPolicy auth, EmulatorState state)
{
    public const string FaultKey = "truto.fault";
    /// <summary>The request's seq in <see cref="HttpContext.Items"/> (so a stream report carries the same number).</summary>
    public const string SeqKey = "truto.seq";
    private const int MaxJsonBody = 1 << 20;
    private const long MaxBufferedMultipart = 8L << 20;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!recorder.Enabled || !context.Request.Path.StartsWithSegments("/v1"))
        {
            await next(context);
            return;
        }

        var seq = recorder.NextSeq();
        context.Items[SeqKey] = seq;
        var started = Stopwatch.GetTimestamp();
        var body = await CaptureBodyAsync(context.Request);
        // Record when the response starts, before the client can see it: a test that reads the log right after its
        // call returns then always finds that call. Drops and failures that never start a response record at the end.
        var recorded = 0;
        void Record()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 1) return;
            var request = context.Request;
            var query = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (name, values) in request.Query) query[name] = values.ToArray()!;
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in RequestRecorder.RecordedHeaders)
                if (request.Headers.TryGetValue(name, out var v)) headers[name] = v.ToString();
            var fault = context.Items.TryGetValue(FaultKey, out var f) ? (string?)f : null;
            recorder.Add(new RecordedRequest
            {
                Seq = seq,
                RequestId = (string)context.Items[RequestContextMiddleware.RequestIdKey]!,
                Timestamp = state.Clock.UnixSeconds,
                Method = request.Method,
                Path = (request.PathBase + request.Path).ToString(),
                Query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "",
                QueryParams = query,
                Body = body,
                Status = fault is "drop" or "drop-after" ? 0 : context.Response.StatusCode,
                Fault = fault,
                AuthKind = AuthPolicy.Name(auth.Classify(request).Kind),
                Headers = headers,
                DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                Stream = context.Items.TryGetValue(StreamLog.ItemKey, out var stream) ? stream as StreamReport : null,
            });
        }

        context.Response.OnStarting(() => { Record(); return Task.CompletedTask; });
        try
        {
            await next(context);
        }
        finally
        {
            Record();
        }
    }

    /// <summary>The body as parsed JSON; for multipart (and other non-JSON bodies) a summary object; null when empty or unparseable.</summary>
    private static async Task<JsonElement?> CaptureBodyAsync(HttpRequest request)
    {
        if (request.ContentLength == 0) return null;
        if (!HttpMethods.IsPost(request.Method) && !HttpMethods.IsPut(request.Method) && !HttpMethods.IsPatch(request.Method)
            && !HttpMethods.IsDelete(request.Method)) return null;
        var contentType = request.ContentType ?? "";
        // A large multipart body (an upload part, audio, images) is not buffered for the log: the area streams it, and
        // buffering would put it on disk twice. Its summary is the length alone.
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) && (request.ContentLength is null || request.ContentLength > MaxBufferedMultipart))
            return JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["content_type"] = "multipart/form-data", ["length"] = request.ContentLength }, EmulatorJson.Options);
        request.EnableBuffering();
        try
        {
            if (request.HasFormContentType && contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                request.Body.Position = 0;
                var summary = new Dictionary<string, object?>
                {
                    ["content_type"] = "multipart/form-data",
                    ["length"] = request.ContentLength,
                    ["fields"] = form.ToDictionary(kv => kv.Key, kv => Truncate(kv.Value.ToString())),
                    ["files"] = form.Files.Select(file => new Dictionary<string, object?>
                    {
                        ["name"] = file.Name, ["filename"] = file.FileName, ["content_type"] = file.ContentType, ["length"] = file.Length,
                    }).ToList(),
                };
                return JsonSerializer.SerializeToElement(summary, EmulatorJson.Options);
            }

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            if (buffer.Length == 0) return null;
            if (buffer.Length <= MaxJsonBody)
            {
                try
                {
                    using var doc = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
                    return doc.RootElement.Clone();
                }
                catch (JsonException)
                {
                    if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase)) return null;
                }
            }
            return JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["content_type"] = contentType, ["length"] = buffer.Length }, EmulatorJson.Options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or OperationCanceledException or BadHttpRequestException)
        {
            if (request.Body.CanSeek) request.Body.Position = 0;
            return null;
        }
    }

    private static string Truncate(string s) => s.Length <= 256 ? s : s[..256] + "...";
}
