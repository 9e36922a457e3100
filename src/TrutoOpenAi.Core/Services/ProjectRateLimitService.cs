using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Project rate limits: list (one per model), update (admin key).</summary>
    public sealed class ProjectRateLimitService
    {
        private readonly OpenAiClient _client;

        public ProjectRateLimitService(OpenAiClient client) => _client = client;

        public ListPager<OpenAiProjectRateLimit> List(string projectId, int? limit)
        {
            var request = new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("organization/projects/{project_id}/rate_limits", ("project_id", projectId)))
                .WithQuery("limit", limit);
            return new ListPager<OpenAiProjectRateLimit>(_client, request, PagingStyle.CursorAfter, e =>
            {
                var limitObject = OpenAiObject.From<OpenAiProjectRateLimit>(e);
                limitObject.ProjectId = projectId;
                return limitObject;
            });
        }

        public async Task<OpenAiProjectRateLimit> UpdateAsync(string projectId, string rateLimitId, ProjectRateLimitUpdateRequest body,
            IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var updated = await _client.SendAsync<OpenAiProjectRateLimit>(
                new OpenAiRequest(HttpMethod.Post, OpenAiPath.Format("organization/projects/{project_id}/rate_limits/{rate_limit_id}",
                    ("project_id", projectId), ("rate_limit_id", rateLimitId))).WithJsonBody(body),
                observer, cancellationToken).ConfigureAwait(false);
            updated.ProjectId = projectId;
            return updated;
        }
    }
}
