using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The four batch operations: list, retrieve, create, cancel (API key).</summary>
    public sealed class BatchService
    {
        private readonly OpenAiClient _client;

        public BatchService(OpenAiClient client) => _client = client;

        /// <summary>Lists the organization's batches, newest first; limit 1-100 (API default 20).</summary>
        public ListPager<OpenAiBatch> List(int? limit)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "batches").WithQuery("limit", limit);
            return new ListPager<OpenAiBatch>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiBatch>);
        }

        public Task<OpenAiBatch> GetAsync(string batchId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiBatch>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("batches/{batch_id}", ("batch_id", batchId))),
                observer, cancellationToken);

        public Task<OpenAiBatch> CreateAsync(BatchCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiBatch>(new OpenAiRequest(HttpMethod.Post, "batches").WithJsonBody(body), observer, cancellationToken);

        /// <summary>Cancels a batch: it moves to <c>cancelling</c>, then <c>cancelled</c> once in-flight requests end.</summary>
        public Task<OpenAiBatch> CancelAsync(string batchId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiBatch>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("batches/{batch_id}/cancel", ("batch_id", batchId))),
                observer, cancellationToken);
    }

    /// <summary>Body of create-batch.</summary>
    public sealed class BatchCreateRequest
    {
        public string InputFileId { get; set; } = string.Empty;
        public string Endpoint { get; set; } = string.Empty;
        public string CompletionWindow { get; set; } = "24h";
        public Dictionary<string, string>? Metadata { get; set; }
    }
}
