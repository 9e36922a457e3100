using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>
    /// Puts the right key on each request: the admin key for /organization (and RBAC /projects) paths, the API key
    /// for the rest, plus the organization and project headers. A missing key fails before anything is sent.
    /// </summary>
    internal sealed class AuthenticationHandler : DelegatingHandler
    {
        internal static readonly string AdminFlag = "TrutoOpenAi.RequiresAdminKey";
        private readonly OpenAiConnectionSettings _settings;
        private AuthenticationHeaderValue? _adminHeader;
        private AuthenticationHeaderValue? _apiHeader;

        public AuthenticationHandler(OpenAiConnectionSettings settings) => _settings = settings;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var admin = request.Properties.TryGetValue(AdminFlag, out var flag) && flag is true;
            request.Headers.Authorization = admin ? AdminHeader() : ApiHeader();
            if (!string.IsNullOrEmpty(_settings.Organization)) request.Headers.TryAddWithoutValidation("OpenAI-Organization", _settings.Organization);
            if (!string.IsNullOrEmpty(_settings.Project) && !admin) request.Headers.TryAddWithoutValidation("OpenAI-Project", _settings.Project);
            return base.SendAsync(request, cancellationToken);
        }

        private AuthenticationHeaderValue AdminHeader() =>
            _adminHeader ??= _settings.AdminKey is { Length: > 0 } key
                ? new AuthenticationHeaderValue("Bearer", SecretText.Reveal(key))
                : throw new OpenAiMissingKeyException(
                    $"Connection '{_settings.Name}' has no admin key, and /organization endpoints need one. Supply it with Connect-OpenAi -AdminKey (or the OPENAI_ADMIN_KEY environment variable).");

        private AuthenticationHeaderValue ApiHeader() =>
            _apiHeader ??= _settings.ApiKey is { Length: > 0 } key
                ? new AuthenticationHeaderValue("Bearer", SecretText.Reveal(key))
                : throw new OpenAiMissingKeyException(
                    $"Connection '{_settings.Name}' has no API key, and this endpoint needs one. Supply it with Connect-OpenAi -ApiKey (or the OPENAI_API_KEY environment variable).");
    }
}
