using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Responses API: create (JSON or stream), get, delete, cancel, input items, input-token count; embeddings; moderations.</summary>
    public sealed class ResponseService
    {
        /// <summary>Embeddings: at most this many inputs per request.</summary>
        public const int MaxEmbeddingInputs = 2048;
        /// <summary>Embeddings: at most this many tokens summed per request (estimated client-side at 4 characters per token).</summary>
        public const int MaxEmbeddingTokens = 300_000;

        private readonly OpenAiClient _client;

        public ResponseService(OpenAiClient client) => _client = client;

        public static OpenAiRequest CreateRequest(JsonObject body) =>
            new OpenAiRequest(HttpMethod.Post, "responses").WithJsonBody(body.ToJsonString());

        public Task<OpenAiResponse> CreateAsync(JsonObject body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiResponse>(CreateRequest(body), observer, cancellationToken);

        /// <summary>Creates a response with <c>stream: true</c> and opens its (resumable) event stream.</summary>
        public Task<OpenAiResponseStream> StreamAsync(JsonObject body, OpenAiStreamOptions? options, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var copy = (JsonObject)body.DeepClone();
            copy["stream"] = true;
            return OpenAiResponseStream.StartAsync(_client, CreateRequest(copy), options, observer, cancellationToken);
        }

        public Task<OpenAiResponseStream> ResumeAsync(string responseId, int? startingAfter, OpenAiStreamOptions? options, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            OpenAiResponseStream.ResumeAsync(_client, responseId, startingAfter, options, observer, cancellationToken);

        public Task<OpenAiResponse> GetAsync(string responseId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiResponse>(new OpenAiRequest(HttpMethod.Get, Path(responseId)), observer, cancellationToken);

        public async Task DeleteAsync(string responseId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var _ = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Delete, Path(responseId)), observer, cancellationToken).ConfigureAwait(false);
        }

        public Task<OpenAiResponse> CancelAsync(string responseId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiResponse>(new OpenAiRequest(HttpMethod.Post, Path(responseId) + "/cancel"), observer, cancellationToken);

        /// <summary>Lists a response's input items (newest first unless <paramref name="order"/> is <c>asc</c>); each carries <see cref="OpenAiResponseItem.ResponseId"/>.</summary>
        public ListPager<OpenAiResponseItem> ListInputItems(string responseId, int? limit, string? order, IEnumerable<string>? include = null)
        {
            var request = new OpenAiRequest(HttpMethod.Get, Path(responseId) + "/input_items").WithQuery("limit", limit).WithQuery("order", order).WithQuery("include[]", include);
            return new ListPager<OpenAiResponseItem>(_client, request, PagingStyle.CursorAfter, element =>
            {
                var item = OpenAiObject.From<OpenAiResponseItem>(element);
                item.ResponseId = responseId;
                return item;
            });
        }

        /// <summary>Counts the input tokens of a request body (creates nothing).</summary>
        public Task<OpenAiResponseInputTokens> CountInputTokensAsync(JsonObject body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiResponseInputTokens>(new OpenAiRequest(HttpMethod.Post, "responses/input_tokens").WithJsonBody(body.ToJsonString()), observer, cancellationToken);

        /// <summary>Compacts the input (and previous response) of <paramref name="body"/>.</summary>
        public Task<OpenAiCompaction> CompactAsync(JsonObject body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiCompaction>(new OpenAiRequest(HttpMethod.Post, "responses/compact").WithJsonBody(body.ToJsonString()), observer, cancellationToken);

        /// <summary>One embeddings request for <paramref name="texts"/> (base64 on the wire, decoded to floats), in input order.</summary>
        public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, string model, int? dimensions,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var body = new JsonObject
            {
                ["model"] = model,
                ["input"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["encoding_format"] = "base64",
            };
            if (dimensions != null) body["dimensions"] = dimensions;
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, "embeddings").WithJsonBody(body.ToJsonString()), observer, cancellationToken).ConfigureAwait(false);
            var vectors = new float[texts.Count][];
            foreach (var item in document.RootElement.GetProperty("data").EnumerateArray())
            {
                var index = item.GetProperty("index").GetInt32();
                var embedding = item.GetProperty("embedding");
                vectors[index] = embedding.ValueKind == JsonValueKind.String ? DecodeEmbedding(embedding.GetString()!) : embedding.EnumerateArray().Select(v => v.GetSingle()).ToArray();
            }
            if (vectors.Any(v => v is null)) throw new OpenAiResponseException("The embeddings answer lacks a vector for some inputs.");
            return vectors;
        }

        /// <summary>One moderations request for <paramref name="texts"/>; results in input order.</summary>
        public async Task<IReadOnlyList<OpenAiModeration>> ModerateAsync(IReadOnlyList<string> texts, string? model, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var body = new JsonObject { ["input"] = new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()) };
            if (model != null) body["model"] = model;
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, "moderations").WithJsonBody(body.ToJsonString()), observer, cancellationToken).ConfigureAwait(false);
            return ReadModerations(document.RootElement, texts, model);
        }

        /// <summary>The results of a moderation answer (<c>{model, results[]}</c>), one per input text, in order.</summary>
        internal static List<OpenAiModeration> ReadModerations(JsonElement root, IReadOnlyList<string> texts, string? model)
        {
            var answered = root.TryGetProperty("model", out var m) ? m.GetString() : model;
            return root.GetProperty("results").EnumerateArray().Select((result, i) => new OpenAiModeration
            {
                Input = i < texts.Count ? texts[i] : string.Empty,
                Flagged = result.GetProperty("flagged").GetBoolean(),
                Categories = result.GetProperty("categories").EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.True).Select(c => c.Name).ToArray(),
                CategoryScores = result.GetProperty("category_scores").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetDouble()),
                Model = answered,
            }).ToList();
        }

        internal static float[] DecodeEmbedding(string base64)
        {
            var bytes = System.Convert.FromBase64String(base64);
            var floats = new float[bytes.Length / 4];
            for (var i = 0; i < floats.Length; i++) floats[i] = System.BitConverter.ToSingle(bytes, i * 4);
            return floats;
        }

        private static string Path(string responseId) => OpenAiPath.Format("responses/{response_id}", ("response_id", responseId));
    }
}
