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

        /// <summary>
        /// Creates a project at most once. When the outcome of an attempt is unknown (a 5xx, a dropped connection or a timeout
        /// after it was sent), the name is the natural key: an active project with that name created since shortly before the
        /// call is taken as this call's result; when there is none the create is sent again (up to the connection's MaxRetries).
        /// If the project still cannot be found, <see cref="OpenAiOutcomeUnknownException"/> is thrown.
        /// </summary>
        public async Task<OpenAiProject> CreateAsync(ProjectCreateRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            // Server clocks drift: a same-named project up to this long before the call still counts as this call's.
            var since = _client.Now - ReconcileWindow;
            for (var retry = 0; ; retry++)
            {
                try
                {
                    return await _client.SendAsync<OpenAiProject>(
                        new OpenAiRequest(HttpMethod.Post, "organization/projects").WithJsonBody(body), observer, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenAiOutcomeUnknownException unknown)
                {
                    var found = await FindCreatedAsync(body.Name, since, observer, cancellationToken).ConfigureAwait(false);
                    if (found != null) return found;
                    if (retry >= _client.MaxRetries) throw;
                    var delay = _client.RetryDelay(retry);
                    observer?.OnRetry(retry + 1, _client.MaxRetries, delay, $"outcome unknown ({(unknown.StatusCode is int s ? "HTTP " + s : "no answer")}), no project named '{body.Name}' was created");
                    await _client.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>How far before the call a same-named project may have been created and still be taken as its result.</summary>
        public static readonly System.TimeSpan ReconcileWindow = System.TimeSpan.FromMinutes(2);

        /// <summary>The newest active project named <paramref name="name"/> created at or after <paramref name="since"/>.</summary>
        private async Task<OpenAiProject?> FindCreatedAsync(string name, System.DateTimeOffset since, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            OpenAiProject? found = null;
            var pager = List(100, includeArchived: false);
            while (await pager.NextPageAsync(observer, cancellationToken).ConfigureAwait(false) is { } page)
            {
                foreach (var project in page)
                    if (project.Name == name && project.CreatedAt >= since && (found is null || project.CreatedAt >= found.CreatedAt)) found = project;
            }
            return found;
        }

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
