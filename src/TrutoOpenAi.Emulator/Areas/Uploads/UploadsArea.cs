using System.Security.Cryptography;
using System.Text.Json;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Uploads;

/// <summary>
/// Uploads: POST /uploads {filename, purpose (assistants|batch|fine-tune|vision), bytes (at most 8 GB), mime_type,
/// expires_after?} answers a pending upload that expires an hour later (emulator clock); POST /uploads/{id}/parts
/// (multipart field data, at most 64 MB) streams the part to disk; POST /uploads/{id}/complete {part_ids, md5?}
/// assembles the parts in the order given, checks the byte count and the MD5, and makes a File; POST
/// /uploads/{id}/cancel cancels a pending upload. Parts and uploads past their hour, or no longer pending, are refused.
/// </summary>
public sealed class UploadsArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<UploadStore>();
        var uploads = v1.MapGroup("/uploads");

        uploads.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var filename = body.RequiredString("filename");
            var purpose = body.RequiredString("purpose");
            if (!UploadStore.Purposes.Contains(purpose))
                throw ApiErrors.BadRequest($"'{purpose}' is not one of {string.Join(", ", UploadStore.Purposes.Select(p => $"'{p}'"))} - 'purpose'", "purpose", "invalid_value").Throw();
            var mimeType = body.RequiredString("mime_type");
            if (!body.Root.TryGetProperty("bytes", out var bytesElement) || bytesElement.ValueKind == JsonValueKind.Null)
                throw ApiErrors.MissingParameter("bytes").Throw();
            if (bytesElement.ValueKind != JsonValueKind.Number || !bytesElement.TryGetInt64(out var bytes))
                throw ApiErrors.InvalidType("bytes", "an integer", bytesElement.ValueKind).Throw();
            if (bytes < 0) throw ApiErrors.InvalidValue("bytes", $"Invalid 'bytes': expected a non-negative integer, but got {bytes} instead.").Throw();
            if (bytes > UploadStore.MaxUploadBytes)
                throw ApiErrors.BadRequest($"The upload is too large: {bytes} bytes. An upload can be at most 8 GB ({UploadStore.MaxUploadBytes} bytes).", "bytes", "upload_too_large").Throw();
            long? expiresAfter = null;
            if (body.Root.TryGetProperty("expires_after", out var expiry) && expiry.ValueKind != JsonValueKind.Null)
                expiresAfter = ReadExpiry(expiry);
            var upload = store.Create(filename, purpose, bytes, mimeType, expiresAfter);
            return Results.Json(upload.View(state.Clock.UnixSeconds), EmulatorJson.Options);
        });

        uploads.MapPost("/{upload_id}/parts", async (string upload_id, HttpRequest request) =>
        {
            var upload = Pending(store, state, upload_id, "add parts to");
            UploadPartData? part = null;
            var fields = await StreamingMultipart.ReadAsync(request, UploadStore.MaxPartBytes + (1 << 20), async section =>
            {
                if (section.Name != "data" || part is not null) return;
                var path = store.NewPath("part_");
                try
                {
                    long length;
                    await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                        length = await StreamingMultipart.CopyLimitedAsync(section.Body, file, UploadStore.MaxPartBytes, "data", "The part", request.HttpContext.RequestAborted);
                    part = new UploadPartData(state.Ids.New("part_", 24), upload_id, state.Clock.UnixSeconds, length, path);
                }
                catch
                {
                    UploadStore.TryDelete(path);
                    throw;
                }
            });
            if (part is null) throw ApiErrors.MissingParameter("data").Throw();
            lock (upload.Gate)
            {
                if (upload.State != "pending")
                {
                    UploadStore.TryDelete(part.Path);
                    throw NotPending(upload, upload.Status(state.Clock.UnixSeconds), "add parts to").Throw();
                }
                upload.Parts[part.Id] = part;
            }
            return Results.Json(new { id = part.Id, @object = "upload.part", created_at = part.CreatedAt, upload_id = upload_id }, EmulatorJson.Options);
        }).DisableAntiforgery();

        uploads.MapPost("/{upload_id}/complete", async (string upload_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            if (!body.Root.TryGetProperty("part_ids", out var idsElement) || idsElement.ValueKind == JsonValueKind.Null)
                throw ApiErrors.MissingParameter("part_ids").Throw();
            if (idsElement.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("part_ids", "an array", idsElement.ValueKind).Throw();
            var ids = new List<string>();
            foreach (var item in idsElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType("part_ids[]", "a string", item.ValueKind).Throw();
                ids.Add(item.GetString()!);
            }
            var (_, md5) = body.OptionalString("md5");
            var upload = Pending(store, state, upload_id, "complete");

            List<UploadPartData> parts;
            lock (upload.Gate)
            {
                if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                    throw ApiErrors.BadRequest("part_ids lists the same part more than once.", "part_ids", "invalid_value").Throw();
                parts = new List<UploadPartData>();
                foreach (var id in ids)
                {
                    if (!upload.Parts.TryGetValue(id, out var p))
                        throw ApiErrors.BadRequest($"Part {id} is not a part of upload {upload_id}.", "part_ids", "invalid_value").Throw();
                    parts.Add(p);
                }
                upload.State = "completing";
            }
            var assembled = store.NewPath("part_assembled_");
            try
            {
                var total = parts.Sum(p => p.Length);
                if (total != upload.Bytes)
                    throw ApiErrors.BadRequest($"The number of bytes uploaded upon completion ({total}) does not match the number of bytes specified when the upload was created ({upload.Bytes}).", "part_ids", "invalid_value").Throw();
                string actual;
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5))
                {
                    await using (var output = new FileStream(assembled, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                    {
                        var buffer = new byte[81920];
                        foreach (var part in parts)
                        {
                            await using var input = new FileStream(part.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
                            int read;
                            while ((read = await input.ReadAsync(buffer)) > 0)
                            {
                                hash.AppendData(buffer, 0, read);
                                await output.WriteAsync(buffer.AsMemory(0, read));
                            }
                        }
                    }
                    actual = Convert.ToHexStringLower(hash.GetHashAndReset());
                }
                if (!string.IsNullOrEmpty(md5) && !string.Equals(md5, actual, StringComparison.OrdinalIgnoreCase))
                    throw ApiErrors.BadRequest($"The md5 checksum provided ({md5}) does not match the checksum of the uploaded bytes ({actual}).", "md5", "checksum_mismatch").Throw();
                var file = store.Files.AddFromDisk(upload.Filename, upload.Purpose, assembled, upload.Bytes, upload.FileExpiresAfterSeconds);
                lock (upload.Gate)
                {
                    upload.File = file;
                    upload.State = "completed";
                    foreach (var part in upload.Parts.Values) UploadStore.TryDelete(part.Path);
                    upload.Parts.Clear();
                }
                return Results.Json(upload.View(state.Clock.UnixSeconds), EmulatorJson.Options);
            }
            catch
            {
                UploadStore.TryDelete(assembled);
                lock (upload.Gate) { if (upload.State == "completing") upload.State = "pending"; }
                throw;
            }
        });

        uploads.MapPost("/{upload_id}/cancel", (string upload_id) =>
        {
            var upload = Pending(store, state, upload_id, "cancel");
            lock (upload.Gate)
            {
                if (upload.State != "pending") throw NotPending(upload, upload.State, "cancel").Throw();
                upload.State = "cancelled";
                foreach (var part in upload.Parts.Values) UploadStore.TryDelete(part.Path);
                upload.Parts.Clear();
            }
            return Results.Json(upload.View(state.Clock.UnixSeconds), EmulatorJson.Options);
        });
    }

    private static StoredUpload Pending(UploadStore store, EmulatorState state, string id, string action)
    {
        var upload = store.Items.Get(id) ?? throw ApiErrors.NotFound($"No such Upload: {id}", "upload_id").Throw();
        var status = upload.Status(state.Clock.UnixSeconds);
        if (status != "pending") throw NotPending(upload, status, action).Throw();
        return upload;
    }

    private static ApiError NotPending(StoredUpload upload, string status, string action) =>
        ApiErrors.BadRequest($"Cannot {action} upload {upload.Id}: it is {status}, not pending.", "upload_id", "invalid_state");

    private static long ReadExpiry(JsonElement expiry)
    {
        if (expiry.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("expires_after", "an object", expiry.ValueKind).Throw();
        var anchor = expiry.TryGetProperty("anchor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (anchor != "created_at")
            throw ApiErrors.BadRequest($"Invalid value: '{anchor}'. Supported values are: 'created_at'.", "expires_after.anchor", "invalid_value").Throw();
        if (!expiry.TryGetProperty("seconds", out var s) || s.ValueKind != JsonValueKind.Number || !s.TryGetInt64(out var seconds))
            throw ApiErrors.MissingParameter("expires_after.seconds").Throw();
        if (seconds < 3600 || seconds > 2592000)
            throw ApiErrors.BadRequest($"Invalid 'expires_after.seconds': expected a value between 3600 and 2592000, but got {seconds} instead.", "expires_after.seconds", "invalid_value").Throw();
        return seconds;
    }
}
