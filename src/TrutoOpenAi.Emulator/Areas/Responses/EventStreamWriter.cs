using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>Writes server-sent events (<c>event: type</c> + <c>data: json</c>) and notices a client that closes the connection.</summary>
internal static class EventStreamWriter
{
    /// <summary>The marker <c>[drop-stream:N]</c> in the last user message: the first stream of that response stops after N
    /// events, before its terminal event (resuming with GET then works).</summary>
    public static int? DropAfter(string? text)
    {
        if (text is null) return null;
        var at = text.IndexOf("[drop-stream:", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return null;
        var end = text.IndexOf(']', at);
        return end > at && int.TryParse(text.AsSpan(at + 13, end - at - 13), out var n) ? n : null;
    }

    /// <summary>The marker <c>[hold]</c> (in the last user message, or a speech request's input): after the first text delta
    /// (first audio piece) the stream waits (up to 2 minutes) for the client to close it.</summary>
    public static bool Hold(string? text) => text?.Contains("[hold]", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A chat chunk that carries text (not the first chunk, which only names the role).</summary>
    private static bool IsChatText(JsonObject item) =>
        item["choices"] is JsonArray { Count: > 0 } choices && choices[0]?["delta"]?["content"] is JsonValue content
        && content.TryGetValue<string>(out var text) && text.Length > 0;

    public static void Begin(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/event-stream; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Sends <paramref name="events"/>; returns false when the client went away (or the drop marker cut it).</summary>
    public static Task<bool> WriteAsync(HttpContext context, IEnumerable<JsonObject> events, bool named, int? dropAfter = null,
        bool hold = false, string? done = null) =>
        PumpAsync(context, events.Select(item =>
        {
            var builder = new StringBuilder();
            if (named) builder.Append("event: ").Append((string?)item["type"]).Append('\n');
            builder.Append("data: ").Append(item.ToJsonString(EmulatorJson.Options)).Append("\n\n");
            var holdPoint = hold && ((string?)item["type"] is "response.output_text.delta" or "speech.audio.delta" || IsChatText(item));
            return (Encoding.UTF8.GetBytes(builder.ToString()), holdPoint);
        }), dropAfter, done is null ? null : Encoding.UTF8.GetBytes(done));

    /// <summary>Sends raw pieces (audio bytes), one write and flush each, with the same report and hold rules as events.</summary>
    public static Task<bool> WriteBytesAsync(HttpContext context, IEnumerable<byte[]> pieces, bool hold = false) =>
        PumpAsync(context, pieces.Select((piece, i) => (piece, hold && i == 0)), null, null);

    /// <summary>
    /// The one write loop of every streamed answer: writes and flushes each piece, stops at once when the client goes away
    /// (<see cref="HttpContext.RequestAborted"/>, or a failed write), and reports it in the stream's <see cref="StreamReport"/>
    /// (request log entry and GET /_emulator/streams). A piece marked as a hold point (the <c>[hold]</c> marker), or the
    /// N-th piece under a <c>stream_hold_after</c> fault rule, is followed by a wait for the client to close the stream.
    /// </summary>
    private static async Task<bool> PumpAsync(HttpContext context, IEnumerable<(byte[] Bytes, bool HoldPoint)> pieces, int? dropAfter, byte[]? done)
    {
        var report = context.RequestServices?.GetService<StreamLog>()?.Begin(context);
        var holdAfter = context.Items.TryGetValue(StreamLog.HoldAfterKey, out var h) && h is int n ? n : (int?)null;
        var sent = 0;
        var held = false;
        var aborted = context.RequestAborted;
        try
        {
            foreach (var (bytes, holdPoint) in pieces)
            {
                aborted.ThrowIfCancellationRequested();
                await context.Response.Body.WriteAsync(bytes, aborted);
                await context.Response.Body.FlushAsync(aborted);
                sent++;
                report?.Sent();
                if (dropAfter is { } limit && sent >= limit)
                {
                    // The body ends here, before the terminal event: the client reads it as an interrupted stream. An abort
                    // (a TCP reset) would be a race instead: a reset can discard the headers the client has not read yet,
                    // so the client would see a failed request rather than a stream that stopped.
                    report?.End(StreamReport.Cut);
                    return false;
                }
                if (!held && (holdPoint || sent == holdAfter))
                {
                    held = true;
                    report?.Hold();
                    await Task.Delay(TimeSpan.FromMinutes(2), aborted);
                }
            }
            if (done is not null)
            {
                await context.Response.Body.WriteAsync(done, aborted);
                await context.Response.Body.FlushAsync(aborted);
            }
            report?.End(StreamReport.Completed);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            report?.End(StreamReport.ClosedByClient);
            return false;
        }
        finally
        {
            // Anything else (an exception while producing the events) still ends the report.
            report?.End(StreamReport.Failed);
        }
    }
}
