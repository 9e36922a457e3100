using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>A conversation: metadata and its items in the order they were added.</summary>
internal sealed class ConversationRecord
{
    public required string Id { get; init; }
    public required long CreatedAt { get; init; }
    public JsonObject Metadata { get; set; } = new();
    public List<JsonObject> Items { get; } = new();

    public JsonObject View() => new()
    {
        ["id"] = Id,
        ["object"] = "conversation",
        ["created_at"] = CreatedAt,
        ["metadata"] = Metadata.DeepClone(),
    };
}

/// <summary>Conversations (no list endpoint exists in the API), shared with responses that name a conversation.</summary>
internal sealed class ConversationStore(EmulatorState state) : IEmulatorStore
{
    public ConcurrentDictionary<string, ConversationRecord> Items { get; } = new();
    public EmulatorState State { get; } = state;

    public void Reset() => Items.Clear();

    public ConversationRecord Require(string id, string? param = null) =>
        Items.TryGetValue(id, out var record) ? record
            : throw ApiErrors.NotFound($"Conversation with id '{id}' not found.", param).Throw();
}
