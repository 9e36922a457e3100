using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// Conversations API: create, get, update (metadata), delete; items: add (at most <see cref="MaxItemsPerRequest"/> per
    /// request, so longer lists go in several requests, in order), list, get, delete. There is no list of conversations.
    /// </summary>
    public sealed class ConversationService
    {
        /// <summary>The API's limit of items in one create or add request (maxItems of the spec).</summary>
        public const int MaxItemsPerRequest = 20;

        private readonly OpenAiClient _client;

        public ConversationService(OpenAiClient client) => _client = client;

        /// <summary>Creates a conversation with <paramref name="metadata"/> and at most <see cref="MaxItemsPerRequest"/> first items.</summary>
        public Task<OpenAiConversation> CreateAsync(IReadOnlyList<JsonObject> items, IReadOnlyDictionary<string, string>? metadata,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            CheckChunk(items, "Item");
            var body = new JsonObject();
            if (metadata != null) body["metadata"] = Metadata(metadata);
            if (items.Count > 0) body["items"] = Array(items);
            return _client.SendAsync<OpenAiConversation>(new OpenAiRequest(HttpMethod.Post, "conversations").WithJsonBody(body.ToJsonString()), observer, cancellationToken);
        }

        public Task<OpenAiConversation> GetAsync(string conversationId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiConversation>(new OpenAiRequest(HttpMethod.Get, Path(conversationId)), observer, cancellationToken);

        /// <summary>Replaces the conversation's metadata (the only field the API updates).</summary>
        public Task<OpenAiConversation> UpdateAsync(string conversationId, IReadOnlyDictionary<string, string> metadata, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["metadata"] = Metadata(metadata) };
            return _client.SendAsync<OpenAiConversation>(
                new OpenAiRequest(HttpMethod.Post, Path(conversationId)).WithJsonBody(body.ToJsonString()), observer, cancellationToken);
        }

        /// <summary>Deletes the conversation (its items are not deleted, the API says).</summary>
        public Task<OpenAiPlatformDeletion> DeleteAsync(string conversationId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, Path(conversationId)), observer, cancellationToken);

        /// <summary>
        /// The requests that add <paramref name="items"/> in input order: consecutive runs of at most
        /// <see cref="MaxItemsPerRequest"/> items, each to be sent after the previous one answered.
        /// </summary>
        public static IEnumerable<IReadOnlyList<T>> Chunks<T>(IReadOnlyList<T> items)
        {
            for (var start = 0; start < items.Count; start += MaxItemsPerRequest)
                yield return items.Skip(start).Take(MaxItemsPerRequest).ToList();
        }

        /// <summary>
        /// Adds at most <see cref="MaxItemsPerRequest"/> items (one request; split longer lists with <see cref="Chunks{T}"/>).
        /// Returns the added items as the API stored them (with ids).
        /// </summary>
        public async Task<IReadOnlyList<OpenAiResponseItem>> AddItemsAsync(string conversationId, IReadOnlyList<JsonObject> items, IEnumerable<string>? include,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            CheckChunk(items, "Item");
            if (items.Count == 0) throw new OpenAiValidationException("Item", "No items to add: the API needs at least one.", "OpenAiMissingInput");
            var request = new OpenAiRequest(HttpMethod.Post, Path(conversationId) + "/items")
                .WithQuery("include[]", include)
                .WithJsonBody(new JsonObject { ["items"] = Array(items) }.ToJsonString());
            using var document = await _client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            return ReadItems(document.RootElement, conversationId);
        }

        /// <summary>Lists the conversation's items: newest first unless <paramref name="order"/> is <c>asc</c>; limit 1-100 (API default 20).</summary>
        public ListPager<OpenAiResponseItem> ListItems(string conversationId, int? limit, string? order, IEnumerable<string>? include)
        {
            var request = new OpenAiRequest(HttpMethod.Get, Path(conversationId) + "/items")
                .WithQuery("limit", limit).WithQuery("order", order).WithQuery("include[]", include);
            return new ListPager<OpenAiResponseItem>(_client, request, PagingStyle.CursorAfter, element => Item(element, conversationId));
        }

        public async Task<OpenAiResponseItem> GetItemAsync(string conversationId, string itemId, IEnumerable<string>? include, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var request = new OpenAiRequest(HttpMethod.Get, ItemPath(conversationId, itemId)).WithQuery("include[]", include);
            using var document = await _client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            return Item(document.RootElement, conversationId);
        }

        /// <summary>Deletes one item; the API answers with the conversation.</summary>
        public Task<OpenAiConversation> DeleteItemAsync(string conversationId, string itemId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiConversation>(new OpenAiRequest(HttpMethod.Delete, ItemPath(conversationId, itemId)), observer, cancellationToken);

        private static IReadOnlyList<OpenAiResponseItem> ReadItems(JsonElement list, string conversationId)
        {
            if (!list.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                throw new OpenAiResponseException("The answer to adding conversation items has no data array.");
            return data.EnumerateArray().Select(element => Item(element, conversationId)).ToList();
        }

        private static OpenAiResponseItem Item(JsonElement element, string conversationId)
        {
            var item = OpenAiObject.From<OpenAiResponseItem>(element);
            item.ConversationId = conversationId;
            return item;
        }

        private static void CheckChunk(IReadOnlyList<JsonObject> items, string parameter)
        {
            if (items.Count > MaxItemsPerRequest)
                throw new OpenAiValidationException(parameter, $"{items.Count} items in one request; the API takes at most {MaxItemsPerRequest} (send them with Chunks).", "OpenAiTooManyItems");
        }

        private static JsonArray Array(IEnumerable<JsonObject> items) =>
            new JsonArray(items.Select(i => (JsonNode?)i.DeepClone()).ToArray());

        private static JsonObject Metadata(IReadOnlyDictionary<string, string> metadata)
        {
            var result = new JsonObject();
            foreach (var pair in metadata) result[pair.Key] = pair.Value;
            return result;
        }

        private static string Path(string conversationId) =>
            OpenAiPath.Format("conversations/{conversation_id}", ("conversation_id", conversationId));

        private static string ItemPath(string conversationId, string itemId) =>
            OpenAiPath.Format("conversations/{conversation_id}/items/{item_id}", ("conversation_id", conversationId), ("item_id", itemId));
    }
}
