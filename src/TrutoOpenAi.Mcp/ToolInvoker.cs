using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Mcp;

/// <summary>
/// Runs one catalog tool through the core: builds the OpenAiRequest from the entry and the validated arguments
/// (path ids escaped by OpenAiPath, query, JSON or multipart body, the right key), sends it with the client's
/// retries, and shapes the answer: Truto's list shape for list tools, the bare object otherwise, bytes to a file.
/// </summary>
public sealed class ToolInvoker
{
    private readonly OpenAiClient _client;

    public ToolInvoker(OpenAiClient client) => _client = client;

    public async Task<JsonNode> InvokeAsync(ToolDefinition tool, IReadOnlyDictionary<string, JsonElement> args,
        IOpenAiCallObserver? observer, CancellationToken cancellationToken)
    {
        var request = await BuildAsync(tool, args, cancellationToken).ConfigureAwait(false);
        if (tool.List) return await ListPageAsync(tool, request, observer, cancellationToken).ConfigureAwait(false);
        if (tool.Response == "binary") return await DownloadAsync(tool, request, args, observer, cancellationToken).ConfigureAwait(false);

        using var response = await _client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0) return new JsonObject { ["ok"] = true, ["status"] = (int)response.StatusCode };
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) || mediaType.Length == 0)
        {
            try { return JsonNode.Parse(bytes) ?? new JsonObject(); }
            catch (JsonException) when (mediaType.Length == 0) { /* not JSON after all: return it as text */ }
        }
        // Plain text answers (transcription as text, srt, vtt).
        return new JsonObject { ["content_type"] = mediaType, ["text"] = Encoding.UTF8.GetString(bytes) };
    }

    private async Task<JsonNode> ListPageAsync(ToolDefinition tool, OpenAiRequest request, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
    {
        var style = tool.Paging;
        var pager = new ListPager<JsonElement>(_client, request, style, e => e.Clone());
        var items = await pager.NextPageAsync(observer, cancellationToken).ConfigureAwait(false) ?? Array.Empty<JsonElement>();
        string? next = null;
        if (pager.HasMore)
        {
            var cursorParameter = style == PagingStyle.PageToken ? "page" : "after";
            next = Cursor.Encode(cursorParameter, request.GetQuery(cursorParameter));
        }
        var result = new JsonArray(items.Select(i => JsonNode.Parse(i.GetRawText())).ToArray());
        return new JsonObject { ["result"] = result, ["next_cursor"] = next, ["result_count"] = items.Count };
    }

    private async Task<JsonNode> DownloadAsync(ToolDefinition tool, OpenAiRequest request, IReadOnlyDictionary<string, JsonElement> args,
        IOpenAiCallObserver? observer, CancellationToken cancellationToken)
    {
        request.StreamResponse = true;
        using var response = await _client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var asBase64 = args.TryGetValue("return_base64", out var b) && b.ValueKind == JsonValueKind.True;
        if (asBase64)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new JsonObject { ["content_type"] = contentType, ["bytes"] = bytes.Length, ["base64"] = Convert.ToBase64String(bytes) };
        }
        string target;
        if (args.TryGetValue("output_path", out var o) && o.GetString() is { Length: > 0 } given)
        {
            target = System.IO.Path.GetFullPath(Environment.ExpandEnvironmentVariables(given));
        }
        else
        {
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "truto-openai-mcp");
            target = System.IO.Path.Combine(folder, $"{tool.Name}-{Guid.NewGuid():n}{Extension(contentType)}");
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        long length;
        await using (var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await response.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            length = file.Length;
        }
        return new JsonObject { ["path"] = target, ["bytes"] = length, ["content_type"] = contentType };
    }

    private static async Task<OpenAiRequest> BuildAsync(ToolDefinition tool, IReadOnlyDictionary<string, JsonElement> args, CancellationToken cancellationToken)
    {
        // Path: every id through OpenAiPath (refuses empty ids and slashes, escapes the rest).
        var pathValues = tool.Parameters.Where(p => p.In == "path")
            .Select(p => (p.Field, (string?)args[p.Name].GetString())).ToArray();
        var path = pathValues.Length == 0 ? tool.Path.TrimStart('/') : OpenAiPath.Format(tool.Path.TrimStart('/'), pathValues);
        // Key and required headers follow from the operation table when the core sends it (the request's method and path).
        var request = new OpenAiRequest(new HttpMethod(tool.Method), path);
        if (tool.Operation.FixedQuery != null)
            foreach (var pair in tool.Operation.FixedQuery.Split('&')) request.WithQuery(pair.Split('=')[0], pair.Split('=')[1]);

        foreach (var p in tool.Parameters.Where(p => p.In == "query"))
            if (args.TryGetValue(p.Name, out var value)) AddQuery(request, p.Field, value);

        if (args.TryGetValue("next_cursor", out var cursor))
        {
            var expected = tool.Paging == PagingStyle.PageToken ? "page" : "after";
            var decoded = Cursor.Decode(cursor.GetString(), expected)
                ?? throw new ToolArgumentException("next_cursor", $"Argument 'next_cursor' is not a cursor returned by {tool.Name}; pass next_cursor from its previous result unchanged.");
            request.SetQuery(expected, decoded);
        }

        if (tool.Body == "json")
        {
            var body = new JsonObject();
            foreach (var p in tool.Parameters.Where(p => p.In == "body"))
                if (args.TryGetValue(p.Name, out var value)) body[p.Field] = JsonNode.Parse(value.GetRawText());
            foreach (var file in tool.Files.Where(f => f.Kind == "text"))
                if (args.TryGetValue(file.Argument + "_path", out var filePath))
                    body[file.Field] = await File.ReadAllTextAsync(ReadablePath(file.Argument + "_path", filePath.GetString()), cancellationToken).ConfigureAwait(false);
            // Always a JSON body on POST, even an empty one, as the SDKs send.
            if (body.Count > 0 || tool.Method == "POST" && tool.Parameters.Any(p => p.In == "body"))
                request.WithJsonBytes(Encoding.UTF8.GetBytes(body.ToJsonString()));
        }
        else if (tool.Body == "multipart")
        {
            var parts = new List<Func<MultipartFormDataContent, int>>();
            var fields = new List<string>();
            foreach (var p in tool.Parameters.Where(p => p.In == "form"))
                if (args.TryGetValue(p.Name, out var value))
                {
                    fields.Add(p.Field);
                    foreach (var (name, text) in FormFields(p.Field, value))
                        parts.Add(content => { content.Add(new StringContent(text), name); return 0; });
                }
            foreach (var file in tool.Files.Where(f => f.Kind == "binary"))
            {
                var uploads = await ReadFilesAsync(file, args, cancellationToken).ConfigureAwait(false);
                if (uploads.Count == 0) continue;
                fields.Add(file.Field);
                var fieldName = file.Array && uploads.Count > 1 ? file.Field + "[]" : file.Field;
                foreach (var (name, bytes) in uploads)
                    parts.Add(content =>
                    {
                        var part = new ByteArrayContent(bytes);
                        part.Headers.ContentType = new MediaTypeHeaderValue(MediaTypeOf(name));
                        content.Add(part, fieldName, name);
                        return 0;
                    });
            }
            request.ContentFactory = () =>
            {
                var content = new MultipartFormDataContent();
                foreach (var add in parts) add(content);
                return content;
            };
            request.BodySummary = "multipart {" + string.Join(", ", fields) + "}";
        }
        return request;
    }

    private static void AddQuery(OpenAiRequest request, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) AddQuery(request, name, item);
                break;
            case JsonValueKind.Object:
                // deepObject (metadata[k]=v) and the audit log's effective_at[gte]=... filters.
                foreach (var property in value.EnumerateObject()) AddQuery(request, $"{name}[{property.Name}]", property.Value);
                break;
            case JsonValueKind.String:
                request.WithQuery(name, value.GetString());
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                request.WithQuery(name, value.ValueKind == JsonValueKind.True);
                break;
            case JsonValueKind.Number:
                request.WithQuery(name, value.GetRawText());
                break;
        }
    }

    /// <summary>Multipart text fields as the SDKs send them: arrays as name[], objects as name[key].</summary>
    private static IEnumerable<(string Name, string Text)> FormFields(string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    foreach (var field in FormFields(name.EndsWith("[]", StringComparison.Ordinal) ? name : name + "[]", item)) yield return field;
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    foreach (var field in FormFields($"{name}[{property.Name}]", property.Value)) yield return field;
                break;
            case JsonValueKind.String:
                yield return (name, value.GetString()!);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                yield return (name, value.ValueKind == JsonValueKind.True ? "true" : "false");
                break;
            case JsonValueKind.Number:
                yield return (name, value.GetRawText());
                break;
        }
    }

    private static async Task<List<(string Name, byte[] Bytes)>> ReadFilesAsync(ToolFile file, IReadOnlyDictionary<string, JsonElement> args, CancellationToken cancellationToken)
    {
        var result = new List<(string, byte[])>();
        if (args.TryGetValue(file.Argument, out var paths))
        {
            var list = paths.ValueKind == JsonValueKind.Array ? paths.EnumerateArray().Select(p => p.GetString()).ToList() : new List<string?> { paths.GetString() };
            foreach (var p in list)
            {
                var full = ReadablePath(file.Argument, p);
                result.Add((System.IO.Path.GetFileName(full), await File.ReadAllBytesAsync(full, cancellationToken).ConfigureAwait(false)));
            }
        }
        else if (args.TryGetValue(file.Argument + "_base64", out var content))
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(content.GetString() ?? ""); }
            catch (FormatException)
            {
                throw new ToolArgumentException(file.Argument + "_base64", $"Argument '{file.Argument}_base64' is not valid base64.");
            }
            var name = args.TryGetValue(file.Argument + "_filename", out var n) && n.GetString() is { Length: > 0 } given ? System.IO.Path.GetFileName(given) : file.Field;
            result.Add((name, bytes));
        }
        return result;
    }

    private static string ReadablePath(string argument, string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new ToolArgumentException(argument, $"Argument '{argument}' is an empty path.");
        var full = System.IO.Path.GetFullPath(Environment.ExpandEnvironmentVariables(path));
        if (!File.Exists(full)) throw new ToolArgumentException(argument, $"Argument '{argument}': no file at '{full}'.");
        return full;
    }

    private static string MediaTypeOf(string fileName) => System.IO.Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".mp3" or ".mpga" or ".mpeg" => "audio/mpeg",
        ".wav" => "audio/wav",
        ".m4a" or ".mp4" => "audio/mp4",
        ".ogg" => "audio/ogg",
        ".flac" => "audio/flac",
        ".webm" => "audio/webm",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".json" => "application/json",
        ".jsonl" => "application/jsonl",
        ".txt" or ".md" => "text/plain",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    private static string Extension(string contentType) => contentType.ToLowerInvariant() switch
    {
        "audio/mpeg" or "audio/mp3" => ".mp3",
        "audio/wav" or "audio/x-wav" or "audio/wave" => ".wav",
        "audio/opus" or "audio/ogg" => ".opus",
        "audio/aac" => ".aac",
        "audio/flac" => ".flac",
        "audio/pcm" or "audio/l16" => ".pcm",
        "application/json" => ".json",
        "text/plain" => ".txt",
        "image/png" => ".png",
        _ => ".bin",
    };
}

/// <summary>next_cursor: an opaque token (base64url of the API's cursor and the parameter it goes in).</summary>
public static class Cursor
{
    private const string Prefix = "truto1:";

    public static string? Encode(string parameter, string? value) =>
        value is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + parameter + ":" + value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string? token, string expectedParameter)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var head = Prefix + expectedParameter + ":";
            return text.StartsWith(head, StringComparison.Ordinal) && text.Length > head.Length ? text.Substring(head.Length) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
