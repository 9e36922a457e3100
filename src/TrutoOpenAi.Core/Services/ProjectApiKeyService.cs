using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Project API keys: list, get, delete (admin key). The API cannot create them.</summary>
    public sealed class ProjectApiKeyService
    {
        private const string Collection = "organization/projects/{project_id}/api_keys";
        private const string Item = "organization/projects/{project_id}/api_keys/{api_key_id}";
        private readonly OpenAiClient _client;

        public ProjectApiKeyService(OpenAiClient client) => _client = client;

        /// <param name="ownerProjectAccess"><c>active</c>, <c>inactive</c>, <c>any</c>, or null for the API's default visibility.</param>
        public ListPager<OpenAiProjectApiKey> List(string projectId, int? limit, string? ownerProjectAccess)
        {
            var request = new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format(Collection, ("project_id", projectId)))
                .WithQuery("limit", limit)
                .WithQuery("owner_project_access", ownerProjectAccess);
            return new ListPager<OpenAiProjectApiKey>(_client, request, PagingStyle.CursorAfter, e => WithProject(OpenAiObject.From<OpenAiProjectApiKey>(e), projectId));
        }

        public async Task<OpenAiProjectApiKey> GetAsync(string projectId, string apiKeyId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            WithProject(await _client.SendAsync<OpenAiProjectApiKey>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format(Item, ("project_id", projectId), ("api_key_id", apiKeyId))),
                observer, cancellationToken).ConfigureAwait(false), projectId);

        public async Task<OpenAiDeletion> DeleteAsync(string projectId, string apiKeyId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var deletion = await _client.SendAsync<OpenAiDeletion>(
                new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format(Item, ("project_id", projectId), ("api_key_id", apiKeyId))),
                observer, cancellationToken).ConfigureAwait(false);
            deletion.ProjectId = projectId;
            return deletion;
        }

        private static OpenAiProjectApiKey WithProject(OpenAiProjectApiKey key, string projectId)
        {
            key.ProjectId = projectId;
            return key;
        }
    }
}
