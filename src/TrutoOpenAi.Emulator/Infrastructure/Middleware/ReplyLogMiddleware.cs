using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrutoOpenAi.Emulator.Infrastructure.Middleware;

/// <summary>
/// When the environment names a directory in TRUTO_EMULATOR_REPLY_LOG, appends every successful JSON answer of /v1
/// (method, path, query, status, body) to replies-&lt;pid&gt;.jsonl there, for checking the replies against the spec's
/// response schemas (tests/Pester/Conformance, src/tools/ReplyCheck). Off otherwise: the middleware is not even added.
/// Streams pass through untouched (only answers whose content type is JSON are kept, up to 4 MB each).
/// </summary>
public sealed class ReplyLogMiddleware(RequestDelegate next)
{
    public const string Variable = "TRUTO_EMULATOR_REPLY_LOG";
    private const int MaxBody = 4 << 20;
    private static readonly object Gate = new();

    public static string? Directory => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } dir ? dir : null;

    // Read once: the middleware is only added when the variable is set at start, and the process's own environment
    // does not change under it.
    private readonly string? _directory = Directory;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/v1") || _directory is not { } dir)
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        await using var tee = new TeeStream(original, MaxBody);
        context.Response.Body = tee;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        if (response.StatusCode is < 200 or > 299 || tee.Overflowed || tee.Captured.Length == 0) return;
        if (context.Items.ContainsKey(RecordingMiddleware.FaultKey) || context.RequestAborted.IsCancellationRequested) return; // a fault's cut answer
        if (!(response.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase)) return;
        JsonNode? body;
        try { body = JsonNode.Parse(tee.Captured.ToArray()); }
        catch (JsonException) { body = JsonValue.Create("<not JSON>"); }
        var line = new JsonObject
        {
            ["method"] = context.Request.Method,
            ["path"] = (context.Request.PathBase + context.Request.Path).ToString(),
            ["query"] = context.Request.QueryString.HasValue ? context.Request.QueryString.Value![1..] : "",
            ["status"] = response.StatusCode,
            ["body"] = body,
        }.ToJsonString();
        lock (Gate)
        {
            System.IO.Directory.CreateDirectory(dir);
            File.AppendAllText(Path.Combine(dir, $"replies-{Environment.ProcessId}.jsonl"), line + "\n");
        }
    }

    /// <summary>Writes through to the response and keeps a copy of the first bytes.</summary>
    private sealed class TeeStream(Stream inner, int limit) : Stream
    {
        public MemoryStream Captured { get; } = new();
        public bool Overflowed { get; private set; }

        private void Keep(ReadOnlySpan<byte> data)
        {
            if (Overflowed) return;
            if (Captured.Length + data.Length > limit) { Overflowed = true; Captured.SetLength(0); return; }
            Captured.Write(data);
        }

        public override void Write(byte[] buffer, int offset, int count) { Keep(buffer.AsSpan(offset, count)); inner.Write(buffer, offset, count); }
        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await inner.WriteAsync(buffer, cancellationToken);
        }
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask; // the response owns the inner stream
    }
}
