using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Certificates of the organization and of projects: list, get, upload, rename, delete, activate, deactivate (admin key).</summary>
    public sealed class CertificateService
    {
        /// <summary>The most certificate ids one activate/deactivate request takes (ToggleCertificatesRequest maxItems).</summary>
        public const int MaxIdsPerRequest = 10;

        private const string Item = "organization/certificates/{certificate_id}";
        private readonly OpenAiClient _client;

        public CertificateService(OpenAiClient client) => _client = client;

        /// <summary>The organization's certificates (projectId null) or a project's, newest first unless <paramref name="order"/> is <c>asc</c>.</summary>
        public ListPager<OpenAiCertificate> List(string? projectId, int? limit, string? order)
        {
            var path = projectId is null ? "organization/certificates" : OpenAiPath.Format("organization/projects/{project_id}/certificates", ("project_id", projectId));
            var request = new OpenAiRequest(HttpMethod.Get, path).WithQuery("limit", limit).WithQuery("order", order);
            return new ListPager<OpenAiCertificate>(_client, request, PagingStyle.CursorAfter, e => WithProject(OpenAiObject.From<OpenAiCertificate>(e), projectId));
        }

        public Task<OpenAiCertificate> GetAsync(string certificateId, bool includeContent, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiCertificate>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format(Item, ("certificate_id", certificateId))).WithQuery("include", includeContent ? "content" : null),
                observer, cancellationToken);

        public Task<OpenAiCertificate> UploadAsync(string pem, string? name, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiCertificate>(
                new OpenAiRequest(HttpMethod.Post, "organization/certificates").WithJsonBody(new CertificateUploadRequest { Certificate = pem, Name = name }),
                observer, cancellationToken);

        public Task<OpenAiCertificate> RenameAsync(string certificateId, string name, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiCertificate>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format(Item, ("certificate_id", certificateId))).WithJsonBody(new CertificateModifyRequest { Name = name }),
                observer, cancellationToken);

        public Task<OpenAiDeletion> DeleteAsync(string certificateId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiDeletion>(new OpenAiRequest(HttpMethod.Delete, OpenAiPath.Format(Item, ("certificate_id", certificateId))), observer, cancellationToken);

        /// <summary>
        /// Activates (or deactivates) one batch of at most <see cref="MaxIdsPerRequest"/> certificates, for the organization
        /// (projectId null) or a project. The API applies a batch atomically. Use <see cref="Batches.Of"/> for longer lists.
        /// </summary>
        public async Task<IReadOnlyList<OpenAiCertificate>> ToggleAsync(string? projectId, IReadOnlyList<string> certificateIds, bool activate,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (certificateIds.Count == 0 || certificateIds.Count > MaxIdsPerRequest)
                throw new OpenAiValidationException("CertificateId",
                    $"One request activates or deactivates 1 to {MaxIdsPerRequest} certificates, not {certificateIds.Count}.", "OpenAiTooManyCertificates");
            var verb = activate ? "activate" : "deactivate";
            var path = projectId is null
                ? "organization/certificates/" + verb
                : OpenAiPath.Format("organization/projects/{project_id}/certificates/" + verb, ("project_id", projectId));
            var request = new OpenAiRequest(HttpMethod.Post, path).WithJsonBody(new CertificateToggleRequest { CertificateIds = certificateIds.ToList() });
            using var document = await _client.SendJsonAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var result = new List<OpenAiCertificate>();
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                foreach (var element in data.EnumerateArray()) result.Add(WithProject(OpenAiObject.From<OpenAiCertificate>(element), projectId));
            return result;
        }

        private static OpenAiCertificate WithProject(OpenAiCertificate certificate, string? projectId)
        {
            certificate.ProjectId = projectId;
            return certificate;
        }
    }

    public sealed class CertificateUploadRequest
    {
        public string? Name { get; set; }
        public string Certificate { get; set; } = string.Empty;
    }

    public sealed class CertificateModifyRequest
    {
        public string? Name { get; set; }
    }

    public sealed class CertificateToggleRequest
    {
        public List<string> CertificateIds { get; set; } = new List<string>();
    }
}
