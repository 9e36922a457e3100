using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The five project operations: list, get, create, modify, archive (admin key).</summary>
    public sealed class ProjectService
    {
        private readonly OpenAiClient _client;

        public ProjectService(OpenAiClient client) => _client = client;

        public ListPager<OpenAiProject> List(int? limit, bool includeArchived)
        {
            var request = new OpenAiRequest(HttpMethod.Get, "organization/projects")
                .WithQuery("limit", limit)
                .WithQuery("include_archived", includeArchived ? true : (bool?)null);
            return new ListPager<OpenAiProject>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiProject>);
        }

        public Task<OpenAiProject> GetAsync(string projectId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiProject>(
                new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("organization/projects/{project_id}", ("project_id", projectId))),
                observer, cancellationToken);

        public Task<OpenAiProject> CreateAsync(ProjectCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiProject>(
                new OpenAiRequest(HttpMethod.Post, "organization/projects").WithJsonBody(body),
                observer, cancellationToken);

        public Task<OpenAiProject> UpdateAsync(string projectId, ProjectUpdateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiProject>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("organization/projects/{project_id}", ("project_id", projectId))).WithJsonBody(body),
                observer, cancellationToken);

        public Task<OpenAiProject> ArchiveAsync(string projectId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiProject>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("organization/projects/{project_id}/archive", ("project_id", projectId))),
                observer, cancellationToken);
    }

    /// <summary>Body of create-project.</summary>
    public sealed class ProjectCreateRequest
    {
        public string Name { get; set; } = string.Empty;
        public string? Residency { get; set; }
        public string? ExternalKeyId { get; set; }
    }

    /// <summary>Body of modify-project; null fields are left out and so left unchanged.</summary>
    public sealed class ProjectUpdateRequest
    {
        public string? Name { get; set; }
        public string? ExternalKeyId { get; set; }
    }
}
