using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Batches;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>
/// Conversations: POST /conversations (metadata, items up to 20), GET/POST/DELETE /conversations/{id},
/// POST/GET /conversations/{id}/items (add up to 20 per request; list default order desc), GET/DELETE
/// /conversations/{id}/items/{item_id}. Responses that name a conversation read and extend its items.
/// </summary>
public sealed class ConversationsArea : IEmulatorArea
{
    public const int MaxItemsPerRequest = 20;

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ConversationStore>();
        var group = v1.MapGroup("/conversations");

        group.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var metadata = BatchesArea.ReadMetadata(body);
            var items = ReadLimited(body.Root, "items", state, required: false);
            var record = new ConversationRecord { Id = state.Ids.New("conv_"), CreatedAt = state.Clock.UnixSeconds, Metadata = ToJson(metadata) };
            record.Items.AddRange(items);
            store.Items[record.Id] = record;
            return Results.Json(record.View(), EmulatorJson.Options);
        });

        group.MapGet("/{conversation_id}", (string conversation_id) => Results.Json(store.Require(conversation_id).View(), EmulatorJson.Options));

        group.MapPost("/{conversation_id}", async (HttpRequest request, string conversation_id) =>
        {
            var record = store.Require(conversation_id);
            var body = await JsonBody.ReadAsync(request);
            if (!body.Has("metadata")) throw ApiErrors.MissingParameter("metadata").Throw();
            record.Metadata = ToJson(BatchesArea.ReadMetadata(body));
            return Results.Json(record.View(), EmulatorJson.Options);
        });

        group.MapDelete("/{conversation_id}", (string conversation_id) =>
        {
            store.Require(conversation_id);
            store.Items.TryRemove(conversation_id, out _);
            return Results.Json(new JsonObject { ["id"] = conversation_id, ["object"] = "conversation.deleted", ["deleted"] = true }, EmulatorJson.Options);
        });

        group.MapPost("/{conversation_id}/items", async (HttpRequest request, string conversation_id) =>
        {
            var record = store.Require(conversation_id);
            var body = await JsonBody.ReadAsync(request);
            var items = ReadLimited(body.Root, "items", state, required: true);
            lock (record) record.Items.AddRange(items);
            return Results.Json(new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()),
                ["first_id"] = (string?)items[0]["id"],
                ["last_id"] = (string?)items[^1]["id"],
                ["has_more"] = false,
            }, EmulatorJson.Options);
        });

        group.MapGet("/{conversation_id}/items", (HttpRequest request, string conversation_id) =>
        {
            var record = store.Require(conversation_id);
            List<JsonObject> items;
            lock (record) items = record.Items.ToList();
            return Results.Json(ItemList.Page(items, request), EmulatorJson.Options);
        });

        group.MapGet("/{conversation_id}/items/{item_id}", (string conversation_id, string item_id) =>
        {
            var record = store.Require(conversation_id);
            lock (record)
            {
                return record.Items.FirstOrDefault(i => (string?)i["id"] == item_id) is { } item
                    ? Results.Json(item, EmulatorJson.Options)
                    : ApiErrors.NotFound($"Item with id '{item_id}' not found.").ToResult();
            }
        });

        group.MapDelete("/{conversation_id}/items/{item_id}", (string conversation_id, string item_id) =>
        {
            var record = store.Require(conversation_id);
            lock (record)
            {
                var index = record.Items.FindIndex(i => (string?)i["id"] == item_id);
                if (index < 0) return ApiErrors.NotFound($"Item with id '{item_id}' not found.").ToResult();
                record.Items.RemoveAt(index);
            }
            return Results.Json(record.View(), EmulatorJson.Options);
        });
    }

    private static List<JsonObject> ReadLimited(JsonElement root, string field, EmulatorState state, bool required)
    {
        if (root.TryGetProperty(field, out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > MaxItemsPerRequest)
            throw ApiErrors.BadRequest($"Invalid '{field}': array too long. Expected an array with maximum length {MaxItemsPerRequest}, but got an array with length {items.GetArrayLength()} instead.", field, "array_above_max_length").Throw();
        if (required && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 0)
            throw ApiErrors.BadRequest($"Invalid '{field}': empty array. Expected an array with minimum length 1, but got an empty array instead.", field, "empty_array").Throw();
        return ModelInput.ReadItems(root, field, state.Ids, required);
    }

    private static JsonObject ToJson(Dictionary<string, string>? metadata)
    {
        var result = new JsonObject();
        if (metadata is not null) foreach (var (key, value) in metadata) result[key] = value;
        return result;
    }
}
