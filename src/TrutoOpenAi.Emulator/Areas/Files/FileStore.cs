using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Files;

/// <summary>The spec's OpenAIFile; the content is kept beside it (never serialised).</summary>
public sealed record StoredFile : IHasId
{
    public required string Id { get; init; }
    public string Object => "file";
    public long Bytes { get; init; }
    public long CreatedAt { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? ExpiresAt { get; init; }
    public required string Filename { get; init; }
    public required string Purpose { get; init; }
    public string Status { get; init; } = "processed";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? StatusDetails { get; init; }

    [JsonIgnore] public byte[] Content { get; init; } = Array.Empty<byte>();

    /// <summary>Where the content lies on disk for files too large to keep in memory (made by the Uploads API); null otherwise.</summary>
    [JsonIgnore] public string? ContentPath { get; init; }

    /// <summary>The content as a stream, from memory or from disk.</summary>
    public Stream OpenRead() => ContentPath is null
        ? new MemoryStream(Content, writable: false)
        : new FileStream(ContentPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
}

/// <summary>
/// Uploaded files, oldest first, content in memory: at most <see cref="MaxFileBytes"/> per file and
/// <see cref="MaxTotalBytes"/> in all (the emulator's own caps; the API allows 512 MB per file).
/// </summary>
public sealed class FileStore(EmulatorState state) : IEmulatorStore
{
    public const long MaxFileBytes = 16L * 1024 * 1024;
    public const long MaxTotalBytes = 256L * 1024 * 1024;

    /// <summary>Purposes an upload accepts (CreateFileRequest.purpose).</summary>
    public static readonly string[] UploadPurposes = ["assistants", "batch", "fine-tune", "vision", "user_data", "evals"];

    /// <summary>Purposes a file can have (OpenAIFile.purpose, plus evals which uploads accept), for the list filter.</summary>
    public static readonly string[] AllPurposes = ["assistants", "assistants_output", "batch", "batch_output", "fine-tune", "fine-tune-results", "vision", "user_data", "evals"];

    private long _totalBytes;

    public OrderedStore<StoredFile> Items { get; } = new();

    public long TotalBytes => Interlocked.Read(ref _totalBytes);

    public void Reset()
    {
        foreach (var file in Items.Snapshot()) DeleteContentFile(file);
        Items.Clear();
        Interlocked.Exchange(ref _totalBytes, 0);
    }

    /// <summary>
    /// Stores a file assembled on disk (an upload's parts): small ones are read into memory like any upload (so batches
    /// and vector stores can read them), larger ones stay on disk and are streamed when downloaded.
    /// </summary>
    public StoredFile AddFromDisk(string filename, string purpose, string path, long bytes, long? expiresAfterSeconds)
    {
        if (bytes <= MaxFileBytes && TotalBytes + bytes <= MaxTotalBytes)
        {
            var content = File.ReadAllBytes(path);
            File.Delete(path);
            return Add(filename, purpose, content, expiresAfterSeconds);
        }
        return Append(filename, purpose, bytes, expiresAfterSeconds, Array.Empty<byte>(), path);
    }

    /// <summary>Stores a new file; refuses (400 file) when the emulator's memory cap would be exceeded.</summary>
    public StoredFile Add(string filename, string purpose, byte[] content, long? expiresAfterSeconds)
    {
        if (Interlocked.Add(ref _totalBytes, content.LongLength) > MaxTotalBytes)
        {
            Interlocked.Add(ref _totalBytes, -content.LongLength);
            throw ApiErrors.BadRequest($"The emulator keeps at most {MaxTotalBytes / (1024 * 1024)} MB of files in memory; delete files first.", "file", "storage_limit_exceeded").Throw();
        }
        return Append(filename, purpose, content.LongLength, expiresAfterSeconds, content, null);
    }

    private StoredFile Append(string filename, string purpose, long bytes, long? expiresAfterSeconds, byte[] content, string? contentPath)
    {
        return Items.Append(last =>
        {
            var created = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0);
            // Batch files expire after 30 days unless expires_after says otherwise; other purposes never expire by default.
            long? expires = expiresAfterSeconds is { } seconds ? created + seconds : purpose == "batch" ? created + 30L * 86400 : null;
            return new StoredFile
            {
                Id = state.Ids.New("file-", 22),
                Bytes = bytes,
                CreatedAt = created,
                ExpiresAt = expires,
                Filename = filename,
                Purpose = purpose,
                Content = content,
                ContentPath = contentPath,
            };
        });
    }

    public StoredFile? Remove(string id)
    {
        var removed = Items.Remove(id);
        if (removed is not null)
        {
            Interlocked.Add(ref _totalBytes, -removed.Content.LongLength);
            DeleteContentFile(removed);
        }
        return removed;
    }

    private static void DeleteContentFile(StoredFile file)
    {
        if (file.ContentPath is null) return;
        try { File.Delete(file.ContentPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
