using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Files;

/// <summary>
/// Files: GET /files (purpose filter, limit 1-10000 default 10000, after, order asc|desc default desc), POST /files
/// (multipart/form-data: file, purpose in the upload enum, optional expires_after[anchor]=created_at and
/// expires_after[seconds] 3600-2592000), GET /files/{file_id}, DELETE /files/{file_id}, GET /files/{file_id}/content
/// (the bytes as uploaded; files of purpose assistants cannot be downloaded, as in the API).
/// </summary>
public sealed class FilesArea : IEmulatorArea
{
    private static readonly ListSpec FilesList = new(DefaultLimit: 10000, MinLimit: 1, MaxLimit: 10000, DefaultOrder: "desc");

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<FileStore>();
        var files = v1.MapGroup("/files");

        files.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, FilesList);
            var purpose = request.Query.TryGetValue("purpose", out var raw) && !string.IsNullOrEmpty(raw[0]) ? raw[0] : null;
            return Results.Json(CursorList.Page(store.Items, query, purpose is null ? null : f => f.Purpose == purpose), EmulatorJson.Options);
        });

        files.MapPost("", async (HttpRequest request) =>
        {
            if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
                throw ApiErrors.BadRequest("Invalid Content-Type header (" + (request.ContentType ?? "none") + "), expected multipart/form-data. (HINT: If you're using curl, you can pass -F 'file=@/path/to/file' to send a file.)", null, "invalid_content_type").Throw();
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                throw ApiErrors.BadRequest("Could not parse the multipart form: " + e.Message, "file", "invalid_multipart").Throw();
            }

            var purpose = form["purpose"].ToString();
            if (string.IsNullOrEmpty(purpose)) throw ApiErrors.MissingParameter("purpose").Throw();
            if (!FileStore.UploadPurposes.Contains(purpose))
                throw ApiErrors.BadRequest($"'{purpose}' is not one of {string.Join(", ", FileStore.UploadPurposes.Select(p => $"'{p}'"))} - 'purpose'", "purpose", "invalid_value").Throw();

            var file = form.Files.GetFile("file");
            if (file is null) throw ApiErrors.MissingParameter("file").Throw();
            if (file.Length > FileStore.MaxFileBytes)
                throw ApiErrors.BadRequest($"File is too large for the emulator: {file.Length} bytes (at most {FileStore.MaxFileBytes} bytes).", "file", "file_too_large").Throw();

            long? expiresAfter = null;
            var anchor = form["expires_after[anchor]"].ToString();
            var secondsText = form["expires_after[seconds]"].ToString();
            if (anchor.Length > 0 || secondsText.Length > 0)
            {
                if (anchor != "created_at")
                    throw ApiErrors.BadRequest($"Invalid value: '{anchor}'. Supported values are: 'created_at'.", "expires_after.anchor", "invalid_value").Throw();
                if (!long.TryParse(secondsText, out var seconds))
                    throw ApiErrors.BadRequest($"Invalid 'expires_after.seconds': expected an integer, but got '{secondsText}' instead.", "expires_after.seconds", "invalid_type").Throw();
                if (seconds < 3600 || seconds > 2592000)
                    throw ApiErrors.BadRequest($"Invalid 'expires_after.seconds': expected a value between 3600 and 2592000, but got {seconds} instead.", "expires_after.seconds", "invalid_value").Throw();
                expiresAfter = seconds;
            }

            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                var offset = 0;
                int read;
                while (offset < content.Length && (read = await stream.ReadAsync(content.AsMemory(offset), request.HttpContext.RequestAborted)) > 0) offset += read;
            }
            var name = string.IsNullOrEmpty(file.FileName) ? "file" : Path.GetFileName(file.FileName);
            return Results.Json(store.Add(name, purpose, content, expiresAfter), EmulatorJson.Options);
        }).DisableAntiforgery();

        files.MapGet("/{file_id}", (string file_id) =>
            store.Items.Get(file_id) is { } file ? Results.Json(file, EmulatorJson.Options) : NoSuchFile(file_id).ToResult());

        files.MapDelete("/{file_id}", (string file_id) =>
            store.Remove(file_id) is null
                ? NoSuchFile(file_id).ToResult()
                : Results.Json(new { id = file_id, @object = "file", deleted = true }, EmulatorJson.Options));

        files.MapGet("/{file_id}/content", (string file_id) =>
        {
            if (store.Items.Get(file_id) is not { } file) return NoSuchFile(file_id).ToResult();
            if (file.Purpose == "assistants")
                return ApiErrors.BadRequest("Not allowed to download files of purpose: assistants").ToResult();
            return file.ContentPath is null
                ? Results.Bytes(file.Content, "application/octet-stream")
                : Results.Stream(file.OpenRead(), "application/octet-stream");
        });
    }

    /// <summary>As the API words it: 404 "No such File object: file-...".</summary>
    public static ApiError NoSuchFile(string id) => ApiErrors.NotFound($"No such File object: {id}", "id");
}
