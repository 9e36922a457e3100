using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// Reads a multipart/form-data body one section at a time, without buffering it: text fields (small) are collected,
/// each file section is handed to a callback as a stream straight off the connection (to copy to disk, hash, count).
/// Used where bodies can be large (upload parts of 64 MB, audio, images) so the emulator's memory stays flat.
/// </summary>
public static class StreamingMultipart
{
    private const int MaxFieldChars = 1 << 20;

    /// <summary>A file section: the field name, the file name sent, its content type and the body stream.</summary>
    public readonly record struct FileSection(string Name, string? FileName, string? ContentType, Stream Body);

    /// <summary>
    /// Reads the form; <paramref name="onFile"/> must consume (or skip) each file section's stream before returning.
    /// Raises the request body limit to <paramref name="maxBodyBytes"/> first. Answers 400 for a body that is not
    /// multipart/form-data or cannot be parsed.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> ReadAsync(HttpRequest request, long maxBodyBytes, Func<FileSection, Task> onFile)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBodyBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw ApiErrors.BadRequest("Invalid Content-Type header (" + (request.ContentType ?? "none") + "), expected multipart/form-data. (HINT: If you're using curl, you can pass -F 'file=@/path/to/file' to send a file.)", null, "invalid_content_type").Throw();
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw ApiErrors.BadRequest("The multipart/form-data Content-Type has no boundary.", null, "invalid_multipart").Throw();

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        var aborted = request.HttpContext.RequestAborted;
        try
        {
            MultipartSection? section;
            while ((section = await reader.ReadNextSectionAsync(aborted)) != null)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !(disposition.IsFormDisposition() || disposition.IsFileDisposition()))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition())
                {
                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    await onFile(new FileSection(name, fileName, section.ContentType, section.Body));
                    await section.Body.DrainAsync(aborted); // whatever the callback left
                    continue;
                }
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldChars + 1];
                var read = await text.ReadBlockAsync(buffer, aborted);
                if (read > MaxFieldChars) throw ApiErrors.BadRequest($"The form field '{name}' is too long.", name, "invalid_multipart").Throw();
                if (!fields.TryGetValue(name, out var values)) fields[name] = values = new List<string>();
                values.Add(new string(buffer, 0, read));
            }
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            throw ApiErrors.BadRequest("Could not parse the multipart form: " + e.Message, null, "invalid_multipart").Throw();
        }
        return fields;
    }

    /// <summary>The first value of a field, or null.</summary>
    public static string? First(this Dictionary<string, List<string>> fields, string name) =>
        fields.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>Copies a section to <paramref name="destination"/>, refusing (400) more than <paramref name="maxBytes"/>; returns the count.</summary>
    public static async Task<long> CopyLimitedAsync(Stream source, Stream destination, long maxBytes, string param, string what, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
                throw ApiErrors.BadRequest($"{what} is larger than the limit of {maxBytes} bytes.", param, "file_too_large").Throw();
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return total;
    }
}
