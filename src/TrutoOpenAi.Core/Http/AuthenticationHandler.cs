using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Catalog;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>
    /// Puts the right key and headers on each request, as the operation table says for the request's operation: the admin
    /// key or the API key, the operation's required headers (OpenAI-Beta: assistants=v2 ...), plus the organization and
    /// project headers. A request that matches no operation takes the API key. A missing key fails before anything is sent.
    /// </summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        internal static readonly string OperationKey = "TrutoOpenAi.Operation";
        private readonly OpenAiConnectionSettings _settings;
        private AuthenticationHeaderValue? _adminHeader;
        private AuthenticationHeaderValue? _apiHeader;

        public AuthenticationHandler(OpenAiConnectionSettings settings) => _settings = settings;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var operation = request.Properties.TryGetValue(OperationKey, out var value) ? value as OpenAiOperationDefinition : null;
            var admin = operation?.KeyKind == OpenAiKeyKind.Admin;
            request.Headers.Authorization = admin ? AdminHeader(operation!) : ApiHeader();
            if (operation != null)
                foreach (var header in operation.Headers)
                    if (!request.Headers.Contains(header.Key)) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (!string.IsNullOrEmpty(_settings.Organization)) request.Headers.TryAddWithoutValidation("OpenAI-Organization", _settings.Organization);
            if (!string.IsNullOrEmpty(_settings.Project) && !admin) request.Headers.TryAddWithoutValidation("OpenAI-Project", _settings.Project);
            return base.SendAsync(request, cancellationToken);
        }

        private AuthenticationHeaderValue AdminHeader(OpenAiOperationDefinition operation) =>
            _adminHeader ??= _settings.AdminKey is { Length: > 0 } key
                ? new AuthenticationHeaderValue("Bearer", SecretText.Reveal(key))
                : throw new OpenAiMissingKeyException(
                    $"Connection '{_settings.Name}' has no admin key, and {operation.Method} {operation.Path} needs one. Supply it with Connect-OpenAi -AdminKey (or the OPENAI_ADMIN_KEY environment variable).");

        private AuthenticationHeaderValue ApiHeader() =>
            _apiHeader ??= _settings.ApiKey is { Length: > 0 } key
                ? new AuthenticationHeaderValue("Bearer", SecretText.Reveal(key))
                : throw new OpenAiMissingKeyException(
                    $"Connection '{_settings.Name}' has no API key, and this endpoint needs one. Supply it with Connect-OpenAi -ApiKey (or the OPENAI_API_KEY environment variable).");
    }
}
