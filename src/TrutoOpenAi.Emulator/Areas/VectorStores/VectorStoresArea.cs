using System.Collections.Concurrent;
using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Batches;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.VectorStores;

/// <summary>What the emulator keeps of a vector store; the spec's VectorStoreObject is computed from it at the clock's now.</summary>
public sealed record VectorStoreRecord : IHasId
{
    public required string Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public long CreatedAt { get; init; }
    public long LastActiveAt { get; init; }
    public long? ExpiresAfterDays { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }
}

/// <summary>A file attached to a vector store (keyed by the file's id).</summary>
public sealed record VectorStoreFileRecord : IHasId
{
    public required string Id { get; init; }
    public required string VectorStoreId { get; init; }
    public long CreatedAt { get; init; }
    public long Bytes { get; init; }
    public Dictionary<string, JsonElement>? Attributes { get; init; }
    public string? BatchId { get; init; }
    public bool Cancelled { get; init; }
}

/// <summary>A batch of files added to a vector store together.</summary>
public sealed record VectorStoreFileBatchRecord : IHasId
{
    public required string Id { get; init; }
    public required string VectorStoreId { get; init; }
    public long CreatedAt { get; init; }
    public IReadOnlyList<string> FileIds { get; init; } = Array.Empty<string>();
    public bool Cancelled { get; init; }
}

/// <summary>The spec's VectorStoreFileBatchObject.</summary>
public sealed record VectorStoreFileBatchView(string Id, long CreatedAt, string VectorStoreId, string Status, VectorStoreFileCounts FileCounts)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "vector_store.files_batch";
}

public sealed record VectorStoreFileCounts(int InProgress, int Completed, int Failed, int Cancelled, int Total);

public sealed record VectorStoreExpiresAfter(string Anchor, long Days);

/// <summary>The spec's VectorStoreObject (every field present).</summary>
public sealed record VectorStoreView(
    string Id, long CreatedAt, string Name, long UsageBytes, VectorStoreFileCounts FileCounts, string Status,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] VectorStoreExpiresAfter? ExpiresAfter,
    long? ExpiresAt, long? LastActiveAt, Dictionary<string, string>? Metadata)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "vector_store";
}

/// <summary>The spec's VectorStoreFileObject.</summary>
public sealed record VectorStoreFileView(
    string Id, long UsageBytes, long CreatedAt, string VectorStoreId, string Status, object? LastError,
    object ChunkingStrategy, Dictionary<string, JsonElement>? Attributes)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)] public string Object => "vector_store.file";
}

/// <summary>
/// Vector stores and their files. A file added to a store is in_progress for <see cref="ProcessingSeconds"/> s of the
/// emulator clock (usage_bytes 0), then completed (usage_bytes = the file's size); the store is in_progress while any
/// file is, completed otherwise, expired once expires_at (last_active_at + days) has passed; file_counts and usage_bytes
/// follow the files.
/// </summary>
public sealed class VectorStoreStore(EmulatorState state) : IEmulatorStore
{
    public const long ProcessingSeconds = 2;

    public OrderedStore<VectorStoreRecord> Items { get; } = new();

    public ConcurrentDictionary<string, OrderedStore<VectorStoreFileRecord>> Files { get; } = new(StringComparer.Ordinal);

    public OrderedStore<VectorStoreFileBatchRecord> Batches { get; } = new();

    public void Reset()
    {
        Items.Clear();
        Files.Clear();
        Batches.Clear();
    }

    public static VectorStoreFileCounts Count(IReadOnlyCollection<string> statuses) => new(
        statuses.Count(s => s == "in_progress"), statuses.Count(s => s == "completed"), statuses.Count(s => s == "failed"),
        statuses.Count(s => s == "cancelled"), statuses.Count);

    /// <summary>The batch as it stands: cancelled once cancelled, in_progress while any of its files is, completed otherwise.</summary>
    public VectorStoreFileBatchView View(VectorStoreFileBatchRecord batch)
    {
        var attached = FilesOf(batch.VectorStoreId);
        var statuses = batch.FileIds.Select(id => attached.Get(id) is { } f && f.BatchId == batch.Id ? FileStatus(f) : "completed").ToList();
        var counts = Count(statuses);
        var status = batch.Cancelled ? "cancelled" : counts.InProgress > 0 ? "in_progress" : "completed";
        return new VectorStoreFileBatchView(batch.Id, batch.CreatedAt, batch.VectorStoreId, status, counts);
    }

    public OrderedStore<VectorStoreFileRecord> FilesOf(string vectorStoreId) => Files.GetOrAdd(vectorStoreId, _ => new OrderedStore<VectorStoreFileRecord>());

    public string FileStatus(VectorStoreFileRecord file) => file.Cancelled ? "cancelled" : state.Clock.UnixSeconds >= file.CreatedAt + ProcessingSeconds ? "completed" : "in_progress";

    public VectorStoreFileView View(VectorStoreFileRecord file)
    {
        var status = FileStatus(file);
        return new VectorStoreFileView(file.Id, status == "completed" ? file.Bytes : 0, file.CreatedAt, file.VectorStoreId, status, null,
            new { type = "static", @static = new { max_chunk_size_tokens = 800, chunk_overlap_tokens = 400 } }, file.Attributes);
    }

    public VectorStoreView View(VectorStoreRecord store)
    {
        var files = FilesOf(store.Id).Snapshot();
        var counts = Count(files.Select(FileStatus).ToList());
        var usage = files.Where(f => FileStatus(f) == "completed").Sum(f => f.Bytes);
        long? expiresAt = store.ExpiresAfterDays is { } days ? store.LastActiveAt + days * 86400 : null;
        var status = expiresAt is { } at && state.Clock.UnixSeconds >= at ? "expired" : counts.InProgress > 0 ? "in_progress" : "completed";
        return new VectorStoreView(store.Id, store.CreatedAt, store.Name, usage, counts,
            status, store.ExpiresAfterDays is { } d ? new VectorStoreExpiresAfter("last_active_at", d) : null, expiresAt, store.LastActiveAt, store.Metadata);
    }
}

/// <summary>
/// Vector stores: GET /vector_stores (limit 1-100 default 20, after, before, order default desc), POST /vector_stores
/// (name, description, file_ids, expires_after {anchor last_active_at, days 1-365}, metadata), GET/POST/DELETE
/// /vector_stores/{vector_store_id}; files: GET /vector_stores/{id}/files (filter by status), POST (file_id of an
/// existing file, attributes), GET/DELETE /vector_stores/{id}/files/{file_id}, GET .../files/{file_id}/content (the file's
/// text, one item per paragraph); file batches: POST /vector_stores/{id}/file_batches (file_ids or files, up to 2000),
/// GET .../file_batches/{batch_id}, POST .../cancel (files still processing become cancelled), GET .../files; POST /vector_stores/{id}/search (query
/// string or strings, max_num_results 1-50 default 10: completed files' lines scored by the query words they contain).
/// </summary>
public sealed class VectorStoresArea : IEmulatorArea
{
    private static readonly ListSpec VectorStoreList = new(DefaultLimit: 20, MinLimit: 1, MaxLimit: 100, SupportsBefore: true, DefaultOrder: "desc");
    private static readonly string[] FileStatuses = ["in_progress", "completed", "failed", "cancelled"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<VectorStoreStore>();
        var files = state.Store<FileStore>();
        var group = v1.MapGroup("/vector_stores");

        VectorStoreRecord Find(string id) => store.Items.Get(id) ?? throw NoSuchVectorStore(id).Throw();

        VectorStoreFileRecord Attach(string vectorStoreId, string fileId, Dictionary<string, JsonElement>? attributes, string? batchId = null)
        {
            if (files.Items.Get(fileId) is not { } file) throw ApiErrors.NotFound($"No file found with id '{fileId}'.", "file_id").Throw();
            var attached = store.FilesOf(vectorStoreId);
            var now = state.Clock.UnixSeconds;
            var record = new VectorStoreFileRecord { Id = fileId, VectorStoreId = vectorStoreId, CreatedAt = now, Bytes = file.Bytes, Attributes = attributes, BatchId = batchId };
            // A file added again (e.g. by a file batch) is re-processed in place: its id keeps its list position.
            if (attached.Get(fileId) is not null) attached.Update(fileId, _ => record);
            else attached.Append(_ => record);
            store.Items.Update(vectorStoreId, s => s with { LastActiveAt = now });
            return record;
        }

        group.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, VectorStoreList);
            return Results.Json(CursorList.Page(store.Items, query, store.View), EmulatorJson.Options);
        });

        group.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (_, name) = body.OptionalString("name");
            var (_, description) = body.OptionalString("description");
            var days = ReadExpiresAfter(body);
            var metadata = BatchesArea.ReadMetadata(body);
            var fileIds = ReadFileIds(body);
            foreach (var id in fileIds)
                if (files.Items.Get(id) is null) throw ApiErrors.NotFound($"No file found with id '{id}'.", "file_ids").Throw();
            var created = store.Items.Append(last =>
            {
                var at = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0);
                return new VectorStoreRecord
                {
                    Id = state.Ids.New("vs_"), Name = name ?? string.Empty, Description = description, CreatedAt = at, LastActiveAt = at,
                    ExpiresAfterDays = days.Value, Metadata = metadata,
                };
            });
            foreach (var id in fileIds) Attach(created.Id, id, null);
            return Results.Json(store.View(store.Items.Get(created.Id)!), EmulatorJson.Options);
        });

        group.MapGet("/{vector_store_id}", (string vector_store_id) => Results.Json(store.View(Find(vector_store_id)), EmulatorJson.Options));

        group.MapPost("/{vector_store_id}", async (string vector_store_id, HttpRequest request) =>
        {
            Find(vector_store_id);
            var body = await JsonBody.ReadAsync(request);
            var (hasName, name) = body.OptionalString("name");
            var days = ReadExpiresAfter(body);
            var metadata = body.Has("metadata") ? BatchesArea.ReadMetadata(body) : null;
            var now = state.Clock.UnixSeconds;
            var updated = store.Items.Update(vector_store_id, s => s with
            {
                Name = hasName && name is not null ? name : s.Name,
                ExpiresAfterDays = days.Present ? days.Value : s.ExpiresAfterDays,
                Metadata = body.Has("metadata") ? metadata : s.Metadata,
                LastActiveAt = now,
            }) ?? throw NoSuchVectorStore(vector_store_id).Throw();
            return Results.Json(store.View(updated), EmulatorJson.Options);
        });

        group.MapDelete("/{vector_store_id}", (string vector_store_id) =>
        {
            if (store.Items.Remove(vector_store_id) is null) return NoSuchVectorStore(vector_store_id).ToResult();
            store.Files.TryRemove(vector_store_id, out _);
            return Results.Json(new { id = vector_store_id, @object = "vector_store.deleted", deleted = true }, EmulatorJson.Options);
        });

        group.MapGet("/{vector_store_id}/files", (string vector_store_id, HttpRequest request) =>
        {
            Find(vector_store_id);
            var query = ListQuery.Parse(request, VectorStoreList);
            var filter = ReadStatusFilter(request);
            return Results.Json(CursorList.Page(store.FilesOf(vector_store_id), query, store.View, filter is null ? null : f => store.FileStatus(f) == filter), EmulatorJson.Options);
        });

        group.MapPost("/{vector_store_id}/files", async (string vector_store_id, HttpRequest request) =>
        {
            Find(vector_store_id);
            var body = await JsonBody.ReadAsync(request);
            var fileId = body.RequiredString("file_id");
            return Results.Json(store.View(Attach(vector_store_id, fileId, ReadAttributes(body.Root))), EmulatorJson.Options);
        });

        group.MapGet("/{vector_store_id}/files/{file_id}", (string vector_store_id, string file_id) =>
        {
            Find(vector_store_id);
            return store.FilesOf(vector_store_id).Get(file_id) is { } file
                ? Results.Json(store.View(file), EmulatorJson.Options)
                : NoSuchVectorStoreFile(file_id).ToResult();
        });

        group.MapDelete("/{vector_store_id}/files/{file_id}", (string vector_store_id, string file_id) =>
        {
            Find(vector_store_id);
            if (store.FilesOf(vector_store_id).Remove(file_id) is null) return NoSuchVectorStoreFile(file_id).ToResult();
            return Results.Json(new { id = file_id, @object = "vector_store.file.deleted", deleted = true }, EmulatorJson.Options);
        });

        group.MapGet("/{vector_store_id}/files/{file_id}/content", (string vector_store_id, string file_id) =>
        {
            Find(vector_store_id);
            if (store.FilesOf(vector_store_id).Get(file_id) is null) return NoSuchVectorStoreFile(file_id).ToResult();
            var text = files.Items.Get(file_id) is { } file ? System.Text.Encoding.UTF8.GetString(file.Content) : string.Empty;
            var data = text.Replace("\r\n", "\n").Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0).Select(p => new { type = "text", text = p }).ToList();
            return Results.Json(new { @object = "vector_store.file_content.page", data, has_more = false, next_page = (string?)null }, EmulatorJson.Options);
        });

        VectorStoreFileBatchRecord FindBatch(string vectorStoreId, string batchId)
        {
            Find(vectorStoreId);
            return store.Batches.Get(batchId) is { } batch && batch.VectorStoreId == vectorStoreId
                ? batch
                : throw ApiErrors.NotFound($"No file batch found with id '{batchId}' in vector store '{vectorStoreId}'.").Throw();
        }

        group.MapPost("/{vector_store_id}/file_batches", async (string vector_store_id, HttpRequest request) =>
        {
            Find(vector_store_id);
            var body = await JsonBody.ReadAsync(request);
            var fileIds = ReadFileIds(body);
            var items = new List<(string Id, Dictionary<string, JsonElement>? Attributes)>();
            if (body.Root.TryGetProperty("files", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                if (fileIds.Count > 0) throw ApiErrors.BadRequest("Provide either 'file_ids' or 'files', not both.", "files", "invalid_value").Throw();
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("file_id", out var id) || id.ValueKind != JsonValueKind.String)
                        throw ApiErrors.MissingParameter("files.file_id").Throw();
                    items.Add((id.GetString()!, ReadAttributes(item)));
                }
            }
            else
            {
                var shared = ReadAttributes(body.Root);
                items.AddRange(fileIds.Select(id => (id, shared)));
            }
            if (items.Count == 0) throw ApiErrors.MissingParameter("file_ids").Throw();
            if (items.Count > 2000) throw ApiErrors.BadRequest($"Invalid 'file_ids': array too long. Expected an array with maximum length 2000, but got an array with length {items.Count} instead.", "file_ids", "array_above_max_length").Throw();
            foreach (var item in items)
                if (files.Items.Get(item.Id) is null) throw ApiErrors.NotFound($"No file found with id '{item.Id}'.", "file_ids").Throw();
            var batch = store.Batches.Append(last => new VectorStoreFileBatchRecord
            {
                Id = state.Ids.New("vsfb_"), VectorStoreId = vector_store_id, CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0),
                FileIds = items.Select(i => i.Id).Distinct().ToList(),
            });
            foreach (var item in items) Attach(vector_store_id, item.Id, item.Attributes, batch.Id);
            return Results.Json(store.View(batch), EmulatorJson.Options);
        });

        group.MapGet("/{vector_store_id}/file_batches/{batch_id}", (string vector_store_id, string batch_id) =>
            Results.Json(store.View(FindBatch(vector_store_id, batch_id)), EmulatorJson.Options));

        group.MapPost("/{vector_store_id}/file_batches/{batch_id}/cancel", (string vector_store_id, string batch_id) =>
        {
            var batch = FindBatch(vector_store_id, batch_id);
            if (store.View(batch).Status != "in_progress" && !batch.Cancelled)
                throw ApiErrors.BadRequest($"Cannot cancel a file batch with status '{store.View(batch).Status}'.", null, "invalid_state").Throw();
            var attached = store.FilesOf(vector_store_id);
            foreach (var id in batch.FileIds)
                attached.Update(id, f => f.BatchId == batch.Id && store.FileStatus(f) == "in_progress" ? f with { Cancelled = true } : f);
            var updated = store.Batches.Update(batch_id, b => b with { Cancelled = true })!;
            return Results.Json(store.View(updated), EmulatorJson.Options);
        });

        group.MapGet("/{vector_store_id}/file_batches/{batch_id}/files", (string vector_store_id, string batch_id, HttpRequest request) =>
        {
            var batch = FindBatch(vector_store_id, batch_id);
            var query = ListQuery.Parse(request, VectorStoreList);
            var filter = ReadStatusFilter(request);
            return Results.Json(CursorList.Page(store.FilesOf(vector_store_id), query, store.View,
                f => f.BatchId == batch.Id && (filter is null || store.FileStatus(f) == filter)), EmulatorJson.Options);
        });

        group.MapPost("/{vector_store_id}/search", async (string vector_store_id, HttpRequest request) =>
        {
            Find(vector_store_id);
            var body = await JsonBody.ReadAsync(request);
            if (!body.Root.TryGetProperty("query", out var q) || q.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("query").Throw();
            var queries = q.ValueKind switch
            {
                JsonValueKind.String => new List<string> { q.GetString()! },
                JsonValueKind.Array => q.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw ApiErrors.InvalidType("query", "a string", e.ValueKind).Throw()).ToList(),
                _ => throw ApiErrors.InvalidType("query", "a string or an array of strings", q.ValueKind).Throw(),
            };
            var (_, max) = body.OptionalInteger("max_num_results", 1, 50);
            var words = queries.SelectMany(s => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(w => w.ToLowerInvariant()).Distinct().ToArray();
            var results = new List<object>();
            foreach (var attached in store.FilesOf(vector_store_id).Snapshot().Where(f => store.FileStatus(f) == "completed"))
            {
                if (files.Items.Get(attached.Id) is not { } file) continue;
                var text = System.Text.Encoding.UTF8.GetString(file.Content);
                foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    var lower = line.ToLowerInvariant();
                    var hits = words.Count(w => lower.Contains(w));
                    if (hits == 0) continue;
                    results.Add(new SearchHit(file.Id, file.Filename, Math.Round((double)hits / Math.Max(1, words.Length), 4), attached.Attributes, [new { type = "text", text = line }]));
                }
            }
            var top = results.Cast<SearchHit>().OrderByDescending(h => h.Score).ToList();
            var limit = (int)(max ?? 10);
            return Results.Json(new
            {
                @object = "vector_store.search_results.page",
                search_query = queries,
                data = top.Take(limit).ToList(),
                has_more = top.Count > limit,
                next_page = (string?)null,
            }, EmulatorJson.Options);
        });
    }

    private sealed record SearchHit(string FileId, string Filename, double Score, Dictionary<string, JsonElement>? Attributes, object[] Content);

    private static string? ReadStatusFilter(HttpRequest request)
    {
        if (!request.Query.TryGetValue("filter", out var raw) || string.IsNullOrEmpty(raw[0])) return null;
        var filter = raw[0]!;
        if (!FileStatuses.Contains(filter))
            throw ApiErrors.BadRequest($"Invalid value: '{filter}'. Supported values are: {string.Join(", ", FileStatuses.Select(s => $"'{s}'"))}.", "filter", "invalid_value").Throw();
        return filter;
    }

    private static Dictionary<string, JsonElement>? ReadAttributes(JsonElement owner)
    {
        if (!owner.TryGetProperty("attributes", out var attrs) || attrs.ValueKind == JsonValueKind.Null) return null;
        if (attrs.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("attributes", "an object", attrs.ValueKind).Throw();
        var attributes = attrs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        if (attributes.Count > 16) throw ApiErrors.BadRequest("Invalid 'attributes': too many properties. Expected an object with at most 16 properties.", "attributes", "object_above_max_properties").Throw();
        return attributes;
    }

    private static List<string> ReadFileIds(JsonBody body)
    {
        if (!body.Root.TryGetProperty("file_ids", out var ids) || ids.ValueKind == JsonValueKind.Null) return [];
        if (ids.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("file_ids", "an array", ids.ValueKind).Throw();
        return ids.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw ApiErrors.InvalidType("file_ids", "a string", e.ValueKind).Throw()).ToList();
    }

    private static (bool Present, long? Value) ReadExpiresAfter(JsonBody body)
    {
        if (!body.Root.TryGetProperty("expires_after", out var e)) return (false, null);
        if (e.ValueKind == JsonValueKind.Null) return (true, null);
        if (e.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("expires_after", "an object", e.ValueKind).Throw();
        if (!e.TryGetProperty("anchor", out var anchor) || anchor.ValueKind != JsonValueKind.String || anchor.GetString() != "last_active_at")
            throw ApiErrors.BadRequest("Invalid value for 'expires_after.anchor': expected 'last_active_at'.", "expires_after.anchor", "invalid_value").Throw();
        if (!e.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Number || !days.TryGetInt64(out var n))
            throw ApiErrors.MissingParameter("expires_after.days").Throw();
        if (n < 1 || n > 365)
            throw ApiErrors.BadRequest($"Invalid 'expires_after.days': expected a value between 1 and 365, but got {n} instead.", "expires_after.days", "invalid_value").Throw();
        return (true, n);
    }

    public static ApiError NoSuchVectorStore(string id) => ApiErrors.NotFound($"No vector store found with id '{id}'.");

    public static ApiError NoSuchVectorStoreFile(string id) => ApiErrors.NotFound($"No file found with id '{id}' in vector store.");
}
