using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Project service accounts: list, get, create (the new key's value as a SecureString), delete (admin key).</summary>
    public sealed class ServiceAccountService
    {
        private const string Collection = "organization/projects/{project_id}/service_accounts";
        private const string Item = "organization/projects/{project_id}/service_accounts/{service_account_id}";
        private readonly OpenAiClient _client;

        public ServiceAccountService(OpenAiClient client) => _client = client;

        public ListPager<OpenAiProjectServiceAccount> List(string projectId, int? limit)
        {
            var request = new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format(Collection, ("project_id", projectId))).WithQuery("limit", limit);
            return new ListPager<OpenAiProjectServiceAccount>(_client, request, PagingStyle.CursorAfter, e => WithProject(OpenAiObject.From<OpenAiProjectServiceAccount>(e), projectId));
        }

        public async Task<OpenAiProjectServiceAccount> GetAsync(string projectId, string serviceAccountId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            WithProject(await _client.SendAsync<OpenAiProjectServiceAccount>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format(Item, ("project_id", projectId), ("service_account_id", serviceAccountId))),
                observer, cancellationToken).ConfigureAwait(false), projectId);

        /// <summary>Creates a service account. Its key's value is moved into <see cref="OpenAiProjectServiceAccount.Secret"/>
        /// and removed from RawJson before the object is built, so it exists nowhere else in clear text.</summary>
        public async Task<OpenAiProjectServiceAccount> CreateAsync(string projectId, string name, bool serviceAccountOnly, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var request = new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format(Collection, ("project_id", projectId)))
                .WithJsonBody(new ServiceAccountCreateRequest { Name = name, CreateServiceAccountOnly = serviceAccountOnly ? true : (bool?)null });
            using var document = await _client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var (scrubbed, secret) = OneTimeSecret.Extract(document.RootElement, "api_key", "value");
            var account = OpenAiObject.From<OpenAiProjectServiceAccount>(scrubbed);
            account.Secret = secret;
            return WithProject(account, projectId);
        }

        public async Task<OpenAiDeletion> DeleteAsync(string projectId, string serviceAccountId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var deletion = await _client.SendAsync<OpenAiDeletion>(
                new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format(Item, ("project_id", projectId), ("service_account_id", serviceAccountId))),
                observer, cancellationToken).ConfigureAwait(false);
            deletion.ProjectId = projectId;
            return deletion;
        }

        private static OpenAiProjectServiceAccount WithProject(OpenAiProjectServiceAccount account, string projectId)
        {
            account.ProjectId = projectId;
            return account;
        }
    }

    /// <summary>Body of create-project-service-account.</summary>
    public sealed class ServiceAccountCreateRequest
    {
        public string Name { get; set; } = string.Empty;
        public bool? CreateServiceAccountOnly { get; set; }
    }
}
