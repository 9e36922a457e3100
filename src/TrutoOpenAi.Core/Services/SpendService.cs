using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// Spend alerts and hard spend limits, for the organization (projectId null) or one project (admin key).
    /// </summary>
    public sealed class SpendService
    {
        private readonly OpenAiClient _client;

        public SpendService(OpenAiClient client) => _client = client;

        private static string AlertsPath(string? projectId) => projectId is null
            ? "organization/spend_alerts"
            : OpenAiPath.Format("organization/projects/{project_id}/spend_alerts", ("project_id", projectId));

        private static string AlertPath(string? projectId, string alertId) => projectId is null
            ? OpenAiPath.Format("organization/spend_alerts/{alert_id}", ("alert_id", alertId))
            : OpenAiPath.Format("organization/projects/{project_id}/spend_alerts/{alert_id}", ("project_id", projectId), ("alert_id", alertId));

        private static string LimitPath(string? projectId) => projectId is null
            ? "organization/spend_limit"
            : OpenAiPath.Format("organization/projects/{project_id}/spend_limit", ("project_id", projectId));

        public ListPager<OpenAiSpendAlert> ListAlerts(string? projectId, int? limit, bool descending = false)
        {
            var request = new OpenAiRequest(HttpMethod.Get, AlertsPath(projectId))
                .WithQuery("limit", limit)
                .WithQuery("order", descending ? "desc" : null);
            return new ListPager<OpenAiSpendAlert>(_client, request, PagingStyle.CursorAfter, e => Alert(e, projectId));
        }

        public async Task<OpenAiSpendAlert> GetAlertAsync(string? projectId, string alertId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, AlertPath(projectId, alertId)), observer, cancellationToken).ConfigureAwait(false);
            return Alert(document.RootElement, projectId);
        }

        public async Task<OpenAiSpendAlert> CreateAlertAsync(string? projectId, SpendAlertRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, AlertsPath(projectId)).WithJsonBody(body), observer, cancellationToken).ConfigureAwait(false);
            return Alert(document.RootElement, projectId);
        }

        public async Task<OpenAiSpendAlert> UpdateAlertAsync(string? projectId, string alertId, SpendAlertRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, AlertPath(projectId, alertId)).WithJsonBody(body), observer, cancellationToken).ConfigureAwait(false);
            return Alert(document.RootElement, projectId);
        }

        public Task<OpenAiSpendDeleted> DeleteAlertAsync(string? projectId, string alertId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiSpendDeleted>(new OpenAiRequest(HttpMethod.Delete, AlertPath(projectId, alertId)), observer, cancellationToken);

        public async Task<OpenAiSpendLimit> GetLimitAsync(string? projectId, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, LimitPath(projectId)), observer, cancellationToken).ConfigureAwait(false);
            return Limit(document.RootElement, projectId);
        }

        public async Task<OpenAiSpendLimit> SetLimitAsync(string? projectId, SpendLimitRequest body, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Post, LimitPath(projectId)).WithJsonBody(body), observer, cancellationToken).ConfigureAwait(false);
            return Limit(document.RootElement, projectId);
        }

        public Task<OpenAiSpendDeleted> DeleteLimitAsync(string? projectId, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            _client.SendAsync<OpenAiSpendDeleted>(new OpenAiRequest(HttpMethod.Delete, LimitPath(projectId)), observer, cancellationToken);

        private static OpenAiSpendAlert Alert(JsonElement element, string? projectId)
        {
            var alert = OpenAiObject.From<OpenAiSpendAlert>(element);
            alert.ProjectId = projectId;
            return alert;
        }

        private static OpenAiSpendLimit Limit(JsonElement element, string? projectId)
        {
            var limit = OpenAiObject.From<OpenAiSpendLimit>(element);
            limit.ProjectId = projectId;
            return limit;
        }
    }

    /// <summary>Body of create/update spend alert (the API's CreateSpendAlertBody: every field required).</summary>
    public sealed class SpendAlertRequest
    {
        public long ThresholdAmount { get; set; }
        public string Currency { get; set; } = "USD";
        public string Interval { get; set; } = "month";
        public SpendAlertChannelRequest NotificationChannel { get; set; } = new SpendAlertChannelRequest();
    }

    public sealed class SpendAlertChannelRequest
    {
        public string Type { get; set; } = "email";
        public List<string> Recipients { get; set; } = new List<string>();
        public string? SubjectPrefix { get; set; }
    }

    /// <summary>Body of create-or-replace spend limit.</summary>
    public sealed class SpendLimitRequest
    {
        public long ThresholdAmount { get; set; }
        public string Currency { get; set; } = "USD";
        public string Interval { get; set; } = "month";
    }
}
