using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Admin API keys: list, get, create (the value as a SecureString), delete (admin key).</summary>
    public sealed class AdminApiKeyService
    {
        private const string Item = "organization/admin_api_keys/{key_id}";
        private readonly OpenAiClient _client;

        public AdminApiKeyService(OpenAiClient client) => _client = client;

        /// <param name="order"><c>asc</c> (the API's default) or <c>desc</c>; null for the default.</param>
        public ListPager<OpenAiAdminApiKey> List(int? limit, string? order)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "organization/admin_api_keys").WithQuery("limit", limit).WithQuery("order", order);
            return new ListPager<OpenAiAdminApiKey>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiAdminApiKey>);
        }

        public Task<OpenAiAdminApiKey> GetAsync(string keyId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiAdminApiKey>(new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format(Item, ("key_id", keyId))), observer, cancellationToken);

        /// <summary>Creates a key; its value is moved into <see cref="OpenAiAdminApiKey.Secret"/> and removed from RawJson.</summary>
        public async Task<OpenAiAdminApiKey> CreateAsync(string name, long? expiresInSeconds, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var request = new OpenAiRequest(HttpMethod.Post, "organization/admin_api_keys")
                .WithJsonBody(new AdminApiKeyCreateRequest { Name = name, ExpiresInSeconds = expiresInSeconds });
            using var document = await _client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var (scrubbed, secret) = OneTimeSecret.Extract(document.RootElement, "value");
            var key = OpenAiObject.From<OpenAiAdminApiKey>(scrubbed);
            key.Secret = secret;
            return key;
        }

        public Task<OpenAiDeletion> DeleteAsync(string keyId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiDeletion>(new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format(Item, ("key_id", keyId))), observer, cancellationToken);
    }

    /// <summary>Body of admin-api-keys-create.</summary>
    public sealed class AdminApiKeyCreateRequest
    {
        public string Name { get; set; } = string.Empty;
        public long? ExpiresInSeconds { get; set; }
    }
}
