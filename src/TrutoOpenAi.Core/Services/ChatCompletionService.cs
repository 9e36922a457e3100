using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.ChatCompletions;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Chat Completions: create (JSON or stream) and, for completions stored with <c>store: true</c>, list, get,
    /// update (metadata), delete and their messages (API key).</summary>
    public sealed class ChatCompletionService
    {
        private readonly OpenAiClient _client;

        public ChatCompletionService(OpenAiClient client) => _client = client;

        public static OpenAiRequest CreateRequest(JsonObject body) =>
            new OpenAiRequest(HttpMethod.Post, "chat/completions").WithJsonBody(body.ToJsonString());

        public Task<OpenAiChatCompletion> CreateAsync(JsonObject body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiChatCompletion>(CreateRequest(body), observer, cancellationToken);

        /// <summary>
        /// Creates a completion with <c>stream: true</c> and <c>stream_options.include_usage</c> (so the last chunk carries the
        /// usage) and opens its chunk stream; <see cref="ChatCompletionAccumulator"/> builds the completion from the chunks.
        /// </summary>
        public Task<OpenAiEventStream> StreamAsync(JsonObject body, OpenAiStreamOptions? options, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var copy = (JsonObject)body.DeepClone();
            copy["stream"] = true;
            var streamOptions = copy["stream_options"] as JsonObject ?? new JsonObject();
            streamOptions["include_usage"] = true;
            copy["stream_options"] = streamOptions;
            return OpenAiEventStream.OpenAsync(_client, CreateRequest(copy), OpenAiStreamFormat.ChatCompletions, options, observer, cancellationToken);
        }

        public Task<OpenAiChatCompletion> GetAsync(string completionId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiChatCompletion>(new OpenAiRequest(HttpMethod.Get, Path(completionId)), observer, cancellationToken);

        /// <summary>Lists stored completions (cursor-after paging), filtered by the API on model and metadata pairs.</summary>
        public ListPager<OpenAiChatCompletion> List(string? model, IDictionary<string, string>? metadata, int? limit, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "chat/completions").WithQuery("model", model).WithQuery("limit", limit).WithQuery("order", order);
            if (metadata != null)
                foreach (var pair in metadata) request.WithQuery($"metadata[{pair.Key}]", pair.Value);
            return new ListPager<OpenAiChatCompletion>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiChatCompletion>);
        }

        /// <summary>Replaces a stored completion's metadata (the only field the API lets change).</summary>
        public Task<OpenAiChatCompletion> UpdateAsync(string completionId, IDictionary<string, string> metadata, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var map = new JsonObject();
            foreach (var pair in metadata) map[pair.Key] = pair.Value;
            var body = new JsonObject { ["metadata"] = map };
            return _client.SendAsync<OpenAiChatCompletion>(new OpenAiRequest(HttpMethod.Post, Path(completionId)).WithJsonBody(body.ToJsonString()), observer, cancellationToken);
        }

        public async Task<OpenAiPlatformDeletion> DeleteAsync(string completionId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var deletion = await _client.SendAsync<OpenAiPlatformDeletion>(new OpenAiRequest(HttpMethod.Delete, Path(completionId)), observer, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(deletion.Id)) deletion.Id = completionId;
            return deletion;
        }

        /// <summary>Lists the messages of a stored completion, oldest first unless <paramref name="order"/> is desc.</summary>
        public ListPager<OpenAiChatMessage> ListMessages(string completionId, int? limit, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, Path(completionId) + "/messages").WithQuery("limit", limit).WithQuery("order", order);
            return new ListPager<OpenAiChatMessage>(_client, request, PagingStyle.CursorAfter, element =>
            {
                var message = OpenAiObject.From<OpenAiChatMessage>(element);
                message.CompletionId = completionId;
                return message;
            });
        }

        private static string Path(string completionId) => OpenAiPath.Format("chat/completions/{completion_id}", ("completion_id", completionId));
    }
}
