using System.Net.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The organization's audit log (admin key), newest first, with the API's filters.</summary>
    public sealed class AuditLogService
    {
        private readonly OpenAiClient _client;

        public AuditLogService(OpenAiClient client) => _client = client;

        public ListPager<OpenAiAuditLog> List(AuditLogFilter filter, int? limit)
        {
            var request = filter.ApplyTo(new OpenAiRequest(HttpMethod.Get, "organization/audit_logs").WithQuery("limit", limit));
            return new ListPager<OpenAiAuditLog>(_client, request, PagingStyle.CursorAfter, OpenAiObject.From<OpenAiAuditLog>);
        }
    }
}
