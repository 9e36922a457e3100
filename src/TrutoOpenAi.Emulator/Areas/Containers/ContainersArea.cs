using System.Text.Json;
using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Containers;

/// <summary>The spec's ContainerResource.</summary>
public sealed record StoredContainer : IHasId
{
    public required string Id { get; init; }
    public string Object => "container";
    public required string Name { get; init; }
    public long CreatedAt { get; init; }
    public string Status { get; init; } = "running";
    public long LastActiveAt { get; init; }
    public required ContainerExpiry ExpiresAfter { get; init; }
    public string MemoryLimit { get; init; } = "1g";
    [JsonIgnore] public OrderedStore<StoredContainerFile> Files { get; } = new();
}

public sealed record ContainerExpiry(string Anchor, long Minutes);

/// <summary>The spec's ContainerFileResource; the content is kept beside it.</summary>
public sealed record StoredContainerFile : IHasId
{
    public required string Id { get; init; }
    public string Object => "container.file";
    public required string ContainerId { get; init; }
    public long CreatedAt { get; init; }
    public long Bytes { get; init; }
    public required string Path { get; init; }
    public string Source { get; init; } = "user";
    [JsonIgnore] public byte[] Content { get; init; } = [];
}

public sealed class ContainerStore(EmulatorState state) : IEmulatorStore
{
    /// <summary>The emulator's cap per container file (content kept in memory).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    public OrderedStore<StoredContainer> Items { get; } = new();
    public FileStore Files { get; } = state.Store<FileStore>();

    public void Reset() => Items.Clear();

    /// <summary>The container as now seen: expired once idle past its expiry on the emulator clock.</summary>
    public StoredContainer View(StoredContainer c) =>
        state.Clock.UnixSeconds >= c.LastActiveAt + c.ExpiresAfter.Minutes * 60 ? c with { Status = "expired" } : c;
}

/// <summary>
/// Containers: GET/POST /containers (name filter; create with name, file_ids copied in, expires_after
/// {anchor: last_active_at, minutes}, memory_limit 1g|4g|16g|64g), GET/DELETE /containers/{id}; their files: GET/POST
/// /containers/{id}/files (multipart "file" streamed, or JSON {file_id}), GET/DELETE /containers/{id}/files/{file_id},
/// GET .../content (the bytes). A container idle past its expiry (emulator clock) is expired and takes no new files.
/// </summary>
public sealed class ContainersArea : IEmulatorArea
{
    private static readonly string[] MemoryLimits = ["1g", "4g", "16g", "64g"];
    private static readonly ListSpec Lists = new(DefaultLimit: 20, MinLimit: 1, MaxLimit: 100, DefaultOrder: "desc");

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ContainerStore>();
        var containers = v1.MapGroup("/containers");

        containers.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, Lists);
            var name = request.Query.TryGetValue("name", out var raw) && !string.IsNullOrEmpty(raw[0]) ? raw[0] : null;
            return Results.Json(CursorList.Page(store.Items, query, store.View, name is null ? null : c => c.Name == name), EmulatorJson.Options);
        });

        containers.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var name = body.RequiredString("name");
            var (_, memory) = body.OptionalEnum("memory_limit", MemoryLimits);
            var minutes = 20L;
            if (body.Root.TryGetProperty("expires_after", out var expiry) && expiry.ValueKind != JsonValueKind.Null)
            {
                if (expiry.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("expires_after", "an object", expiry.ValueKind).Throw();
                var anchor = expiry.TryGetProperty("anchor", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
                if (anchor != "last_active_at")
                    throw ApiErrors.BadRequest($"Invalid value: '{anchor}'. Supported values are: 'last_active_at'.", "expires_after.anchor", "invalid_value").Throw();
                if (!expiry.TryGetProperty("minutes", out var m) || m.ValueKind != JsonValueKind.Number || !m.TryGetInt64(out minutes) || minutes < 1 || minutes > 20)
                    throw ApiErrors.BadRequest("Invalid 'expires_after.minutes': expected an integer between 1 and 20.", "expires_after.minutes", "invalid_value").Throw();
            }
            var sources = new List<StoredFile>();
            if (body.Root.TryGetProperty("file_ids", out var ids) && ids.ValueKind == JsonValueKind.Array)
                foreach (var id in ids.EnumerateArray())
                    sources.Add(store.Files.Items.Get(id.GetString() ?? "") ?? throw FilesArea.NoSuchFile(id.GetString() ?? "").Throw());
            var now = state.Clock.UnixSeconds;
            var container = store.Items.Append(last => new StoredContainer
            {
                Id = "cntr_" + state.Ids.New("", 48).ToLowerInvariant(),
                Name = name,
                CreatedAt = Math.Max(now, last?.CreatedAt ?? 0),
                LastActiveAt = now,
                ExpiresAfter = new ContainerExpiry("last_active_at", minutes),
                MemoryLimit = memory ?? "1g",
            });
            foreach (var source in sources) await AddCopyAsync(state, container, source, request.HttpContext.RequestAborted);
            return Results.Json(container, EmulatorJson.Options);
        });

        containers.MapGet("/{container_id}", (string container_id) => Results.Json(store.View(Find(store, container_id)), EmulatorJson.Options));

        containers.MapDelete("/{container_id}", (string container_id) =>
        {
            var removed = store.Items.Remove(container_id) ?? throw NoSuchContainer(container_id).Throw();
            return Results.Json(new { id = removed.Id, @object = "container.deleted", deleted = true }, EmulatorJson.Options);
        });

        containers.MapGet("/{container_id}/files", (string container_id, HttpRequest request) =>
            Results.Json(CursorList.Page(Find(store, container_id).Files, ListQuery.Parse(request, Lists)), EmulatorJson.Options));

        containers.MapPost("/{container_id}/files", async (string container_id, HttpRequest request) =>
        {
            var container = Find(store, container_id);
            if (store.View(container).Status == "expired")
                throw ApiErrors.BadRequest($"Container {container_id} has expired.", "container_id", "container_expired").Throw();
            if ((request.ContentType ?? "").StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            {
                StoredContainerFile? added = null;
                await StreamingMultipart.ReadAsync(request, ContainerStore.MaxFileBytes + (1 << 20), async section =>
                {
                    if (section.Name != "file" || added is not null) return;
                    using var buffer = new MemoryStream();
                    await StreamingMultipart.CopyLimitedAsync(section.Body, buffer, ContainerStore.MaxFileBytes, "file", "The file", request.HttpContext.RequestAborted);
                    added = Add(state, container, Path.GetFileName(section.FileName ?? "file"), buffer.ToArray());
                });
                return added is null ? ApiErrors.MissingParameter("file").ToResult() : Results.Json(added, EmulatorJson.Options);
            }
            var body = await JsonBody.ReadAsync(request);
            var fileId = body.RequiredString("file_id");
            var source = store.Files.Items.Get(fileId) ?? throw FilesArea.NoSuchFile(fileId).Throw();
            return Results.Json(await AddCopyAsync(state, container, source, request.HttpContext.RequestAborted), EmulatorJson.Options);
        }).DisableAntiforgery();

        containers.MapGet("/{container_id}/files/{file_id}", (string container_id, string file_id) =>
            Results.Json(FindFile(store, container_id, file_id), EmulatorJson.Options));

        containers.MapDelete("/{container_id}/files/{file_id}", (string container_id, string file_id) =>
        {
            var container = Find(store, container_id);
            var removed = container.Files.Remove(file_id) ?? throw NoSuchFile(file_id).Throw();
            return Results.Json(new { id = removed.Id, @object = "container.file.deleted", deleted = true }, EmulatorJson.Options);
        });

        containers.MapGet("/{container_id}/files/{file_id}/content", (string container_id, string file_id) =>
            Results.Bytes(FindFile(store, container_id, file_id).Content, "application/octet-stream"));
    }

    private static async Task<StoredContainerFile> AddCopyAsync(EmulatorState state, StoredContainer container, StoredFile source, CancellationToken cancellationToken)
    {
        if (source.Bytes > ContainerStore.MaxFileBytes)
            throw ApiErrors.BadRequest($"File {source.Id} is too large for the emulator's containers ({ContainerStore.MaxFileBytes} bytes at most).", "file_id", "file_too_large").Throw();
        using var buffer = new MemoryStream();
        await using (var content = source.OpenRead()) await content.CopyToAsync(buffer, cancellationToken);
        return Add(state, container, source.Filename, buffer.ToArray());
    }

    private static StoredContainerFile Add(EmulatorState state, StoredContainer container, string name, byte[] content) =>
        container.Files.Append(last => new StoredContainerFile
        {
            Id = "cfile_" + state.Ids.New("", 32).ToLowerInvariant(),
            ContainerId = container.Id,
            CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0),
            Bytes = content.LongLength,
            Path = "/mnt/data/" + name,
            Content = content,
        });

    private static StoredContainer Find(ContainerStore store, string id) => store.Items.Get(id) ?? throw NoSuchContainer(id).Throw();

    private static StoredContainerFile FindFile(ContainerStore store, string containerId, string fileId) =>
        Find(store, containerId).Files.Get(fileId) ?? throw NoSuchFile(fileId).Throw();

    private static ApiError NoSuchContainer(string id) => ApiErrors.NotFound($"Container with id '{id}' not found.", "container_id");

    private static ApiError NoSuchFile(string id) => ApiErrors.NotFound($"File with id '{id}' not found in container.", "file_id");
}
