using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Uploads;

/// <summary>One part received for an upload, kept on disk until the upload completes or is cancelled.</summary>
public sealed record UploadPartData(string Id, string UploadId, long CreatedAt, long Length, string Path);

/// <summary>An upload and its parts. Mutable under its own lock; <see cref="View"/> is what the API returns.</summary>
public sealed class StoredUpload : IHasId
{
    public required string Id { get; init; }
    public required string Filename { get; init; }
    public required string Purpose { get; init; }
    public required string MimeType { get; init; }
    public long Bytes { get; init; }
    public long CreatedAt { get; init; }
    public long ExpiresAt { get; init; }
    public long? FileExpiresAfterSeconds { get; init; }
    public object Gate { get; } = new();
    public string State { get; set; } = "pending";
    public Dictionary<string, UploadPartData> Parts { get; } = new(StringComparer.Ordinal);
    public StoredFile? File { get; set; }

    /// <summary>The status at <paramref name="now"/>: a pending upload past its hour is expired.</summary>
    public string Status(long now) { lock (Gate) { return State == "pending" && now >= ExpiresAt ? "expired" : State; } }

    public object View(long now) => new
    {
        id = Id,
        @object = "upload",
        bytes = Bytes,
        created_at = CreatedAt,
        filename = Filename,
        purpose = Purpose,
        status = Status(now),
        expires_at = ExpiresAt,
        file = File,
    };
}

/// <summary>
/// Uploads in memory, their parts on disk under a per-process temporary folder (deleted on reset and at exit), so parts
/// of 64 MB and uploads of gigabytes never sit in the emulator's memory.
/// </summary>
public sealed class UploadStore : IEmulatorStore
{
    public const long MaxPartBytes = 64L * 1024 * 1024;
    public const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;
    public const long ExpirySeconds = 3600;
    public static readonly string[] Purposes = ["assistants", "batch", "fine-tune", "vision"];

    private readonly EmulatorState _state;

    public UploadStore(EmulatorState state)
    {
        _state = state;
        Files = state.Store<FileStore>();
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"truto-emulator-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();
        DeleteStaleFolders();
    }

    public FileStore Files { get; }
    public OrderedStore<StoredUpload> Items { get; } = new();

    /// <summary>Where parts and assembled files are written.</summary>
    public string Folder { get; }

    public void Reset()
    {
        Items.Clear();
        foreach (var file in System.IO.Directory.Exists(Folder) ? System.IO.Directory.GetFiles(Folder, "part_*") : []) TryDelete(file);
    }

    public StoredUpload Create(string filename, string purpose, long bytes, string mimeType, long? fileExpiresAfter) =>
        Items.Append(last =>
        {
            var created = Math.Max(_state.Clock.UnixSeconds, last?.CreatedAt ?? 0);
            return new StoredUpload
            {
                Id = _state.Ids.New("upload_", 24),
                Filename = filename,
                Purpose = purpose,
                MimeType = mimeType,
                Bytes = bytes,
                CreatedAt = created,
                ExpiresAt = created + ExpirySeconds,
                FileExpiresAfterSeconds = fileExpiresAfter,
            };
        });

    /// <summary>A new path in the store's folder (created on demand).</summary>
    public string NewPath(string prefix)
    {
        System.IO.Directory.CreateDirectory(Folder);
        return System.IO.Path.Combine(Folder, prefix + Guid.NewGuid().ToString("n"));
    }

    public static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Folders left by emulators that were killed (so never ran their exit handler) are deleted at start.</summary>
    private static void DeleteStaleFolders()
    {
        foreach (var folder in System.IO.Directory.GetDirectories(System.IO.Path.GetTempPath(), "truto-emulator-*"))
        {
            if (!int.TryParse(System.IO.Path.GetFileName(folder)["truto-emulator-".Length..], out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                continue; // still running
            }
            catch (ArgumentException)
            {
            }
            try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void DeleteFolder()
    {
        try { if (System.IO.Directory.Exists(Folder)) System.IO.Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
