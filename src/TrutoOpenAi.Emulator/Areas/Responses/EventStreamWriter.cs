using System.Text;
using System.Text.Json.Nodes;
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

    /// <summary>The marker <c>[hold]</c>: after the first text delta the stream waits (up to 2 minutes) for the client to close it.</summary>
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
    public static async Task<bool> WriteAsync(HttpContext context, IEnumerable<JsonObject> events, bool named, int? dropAfter = null,
        bool hold = false, string? done = null)
    {
        var sent = 0;
        var held = false;
        var aborted = context.RequestAborted;
        try
        {
            foreach (var item in events)
            {
                var builder = new StringBuilder();
                if (named) builder.Append("event: ").Append((string?)item["type"]).Append('\n');
                builder.Append("data: ").Append(item.ToJsonString(EmulatorJson.Options)).Append("\n\n");
                await context.Response.WriteAsync(builder.ToString(), aborted);
                await context.Response.Body.FlushAsync(aborted);
                sent++;
                if (dropAfter is { } limit && sent >= limit)
                {
                    // The body ends here, before the terminal event: the client reads it as an interrupted stream. An abort
                    // (a TCP reset) would be a race instead: a reset can discard the headers the client has not read yet,
                    // so the client would see a failed request rather than a stream that stopped.
                    return false;
                }
                if (hold && !held && ((string?)item["type"] is "response.output_text.delta" || IsChatText(item)))
                {
                    held = true;
                    await Task.Delay(TimeSpan.FromMinutes(2), aborted);
                }
            }
            if (done is not null)
            {
                await context.Response.WriteAsync(done, aborted);
                await context.Response.Body.FlushAsync(aborted);
            }
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            return false;
        }
    }
}
