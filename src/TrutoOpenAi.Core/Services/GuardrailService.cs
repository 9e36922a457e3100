using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Models.Guardrails;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// Guardrails of the organization and its projects (admin key): data retention, project model permissions,
    /// project hosted tool permissions. Project-scoped answers carry the project id they were asked for.
    /// </summary>
    public sealed class GuardrailService
    {
        private const string OrganizationRetentionPath = "organization/data_retention";
        private readonly OpenAiClient _client;

        public GuardrailService(OpenAiClient client) => _client = client;

        public Task<OpenAiDataRetention> GetOrganizationDataRetentionAsync(IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiDataRetention>(new OpenAiRequest(HttpMethod.Get, OrganizationRetentionPath), observer, cancellationToken);

        public Task<OpenAiDataRetention> UpdateOrganizationDataRetentionAsync(string retentionType, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiDataRetention>(new OpenAiRequest(HttpMethod.Post, OrganizationRetentionPath)
                .WithJsonBody(new DataRetentionUpdateRequest { RetentionType = retentionType }), observer, cancellationToken);

        public Task<OpenAiDataRetention> GetProjectDataRetentionAsync(string projectId, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken) =>
            SendAsync<OpenAiDataRetention>(new OpenAiRequest(HttpMethod.Get, ProjectPath(projectId, "data_retention")),
                r => r.ProjectId = projectId, observer, cancellationToken);

        public Task<OpenAiDataRetention> UpdateProjectDataRetentionAsync(string projectId, string retentionType, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken) =>
            SendAsync<OpenAiDataRetention>(new OpenAiRequest(HttpMethod.Post, ProjectPath(projectId, "data_retention"))
                .WithJsonBody(new DataRetentionUpdateRequest { RetentionType = retentionType }), r => r.ProjectId = projectId, observer, cancellationToken);

        public Task<OpenAiProjectModelPermission> GetModelPermissionsAsync(string projectId, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken) =>
            SendAsync<OpenAiProjectModelPermission>(new OpenAiRequest(HttpMethod.Get, ProjectPath(projectId, "model_permissions")),
                p => p.ProjectId = projectId, observer, cancellationToken);

        public Task<OpenAiProjectModelPermission> UpdateModelPermissionsAsync(string projectId, string mode, IEnumerable<string> modelIds,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            SendAsync<OpenAiProjectModelPermission>(new OpenAiRequest(HttpMethod.Post, ProjectPath(projectId, "model_permissions"))
                .WithJsonBody(new ModelPermissionUpdateRequest { Mode = mode, ModelIds = modelIds.ToArray() }),
                p => p.ProjectId = projectId, observer, cancellationToken);

        public Task<OpenAiDeletion> DeleteModelPermissionsAsync(string projectId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            SendAsync<OpenAiDeletion>(new OpenAiRequest(HttpMethod.Delete, ProjectPath(projectId, "model_permissions")),
                d => d.ProjectId = projectId, observer, cancellationToken);

        public Task<OpenAiProjectHostedToolPermission> GetHostedToolPermissionsAsync(string projectId, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken) =>
            SendAsync<OpenAiProjectHostedToolPermission>(new OpenAiRequest(HttpMethod.Get, ProjectPath(projectId, "hosted_tool_permissions")),
                p => p.ProjectId = projectId, observer, cancellationToken);

        /// <summary>Enables or disables the tools named in <paramref name="changes"/>; the others are left as they are.</summary>
        public Task<OpenAiProjectHostedToolPermission> UpdateHostedToolPermissionsAsync(string projectId, IReadOnlyDictionary<string, bool> changes,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            SendAsync<OpenAiProjectHostedToolPermission>(new OpenAiRequest(HttpMethod.Post, ProjectPath(projectId, "hosted_tool_permissions"))
                .WithJsonBody(changes.ToDictionary(c => c.Key, c => new HostedToolPermissionUpdate { Enabled = c.Value })),
                p => p.ProjectId = projectId, observer, cancellationToken);

        /// <summary>Sends a project-scoped request and stamps the answer with the project it was asked for.</summary>
        private async Task<T> SendAsync<T>(OpenAiRequest request, System.Action<T> stamp, IOpenAiCallObserver? observer,
            CancellationToken cancellationToken) where T : Models.OpenAiObject
        {
            var answer = await _client.SendAsync<T>(request, observer, cancellationToken).ConfigureAwait(false);
            stamp(answer);
            return answer;
        }

        private static string ProjectPath(string projectId, string leaf) =>
            OpenAiPath.Format("organization/projects/{project_id}/" + leaf, ("project_id", projectId));
    }
}
