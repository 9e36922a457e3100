using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The three model operations: list (unpaginated), retrieve, delete a fine-tuned model (API key).</summary>
    public sealed class ModelService
    {
        private readonly OpenAiClient _client;

        public ModelService(OpenAiClient client) => _client = client;

        /// <summary>GET /models answers every model in one page.</summary>
        public ListPager<OpenAiModel> List() =>
            new ListPager<OpenAiModel>(_client, new OpenAiRequest(HttpMethod.Get, "models"), PagingStyle.None, OpenAiObject.From<OpenAiModel>);

        public Task<OpenAiModel> GetAsync(string model, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiModel>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("models/{model}", ("model", model))),
                observer, cancellationToken);

        /// <summary>Deletes a fine-tuned model; the API refuses base models.</summary>
        public Task<OpenAiPlatformDeletion> DeleteAsync(string model, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiPlatformDeletion>(
                new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format("models/{model}", ("model", model))),
                observer, cancellationToken);
    }
}
