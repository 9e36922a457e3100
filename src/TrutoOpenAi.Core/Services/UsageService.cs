using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using TrutoOpenAi.Core.Json;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Paging;
using TrutoOpenAi.Core.Usage;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// The usage and costs reports (/organization/usage/* and /organization/costs, admin key): page-token paging over
    /// time buckets, one row per bucket result.
    /// </summary>
    public sealed class UsageService
    {
        private readonly OpenAiClient _client;

        public UsageService(OpenAiClient client) => _client = client;

        /// <summary>Pages through a report lazily; each page's rows are the results of its buckets, in bucket order.</summary>
        public ListPager<T> List<T>(UsageEndpoint<T> endpoint, UsageQuery query) where T : OpenAiUsageRecord =>
            ListPager<T>.Flattening(_client, BuildRequest(endpoint, query), PagingStyle.PageToken, endpoint.ReadBucket);

        /// <summary>
        /// The request for the first page, validated as the API would (end before start, bucket width, group_by, limit)
        /// so that a mistake is reported before anything is sent.
        /// </summary>
        public static OpenAiRequest BuildRequest(UsageEndpoint endpoint, UsageQuery query)
        {
            if (endpoint is null) throw new ArgumentNullException(nameof(endpoint));
            if (query is null) throw new ArgumentNullException(nameof(query));
            var start = OpenAiJson.ToUnixSeconds(query.StartTime);
            long? end = query.EndTime is { } e ? OpenAiJson.ToUnixSeconds(e) : (long?)null;
            if (start < 0) throw new OpenAiValidationException("StartTime", "The start time is before 1970-01-01.", "OpenAiInvalidTimeRange");
            if (end is long endSeconds && endSeconds <= start)
                throw new OpenAiValidationException("EndTime",
                    $"The end time ({query.EndTime:u}) must be after the start time ({query.StartTime:u}).", "OpenAiInvalidTimeRange");

            if (query.BucketWidth != null && !endpoint.BucketWidths.Contains(query.BucketWidth))
                throw new OpenAiValidationException("BucketWidth",
                    $"The {endpoint.Kind} report accepts bucket widths {string.Join(", ", endpoint.BucketWidths)}, not '{query.BucketWidth}'.", "OpenAiInvalidBucketWidth");

            var groupBy = new List<string>();
            foreach (var name in query.GroupBy)
            {
                var apiName = UsageEndpoint.ToApiName(name);
                if (!endpoint.GroupBy.Contains(apiName))
                    throw new OpenAiValidationException("GroupBy",
                        $"The {endpoint.Kind} report cannot be grouped by '{name}'; it accepts {string.Join(", ", endpoint.GroupBy)}.", "OpenAiInvalidGroupBy");
                if (!groupBy.Contains(apiName)) groupBy.Add(apiName);
            }

            if (query.Limit is int limit && (limit < 1 || limit > endpoint.MaxLimit(query.BucketWidth)))
                throw new OpenAiValidationException("PageSize",
                    $"The {endpoint.Kind} report takes 1 to {endpoint.MaxLimit(query.BucketWidth)} buckets per page at bucket width {query.BucketWidth ?? "1d"}, not {limit}.", "OpenAiInvalidPageSize");

            var request = new OpenAiRequest(HttpMethod.Get, endpoint.Path)
                .WithQuery("start_time", start)
                .WithQuery("end_time", end)
                .WithQuery("bucket_width", query.BucketWidth)
                .WithQuery("limit", query.Limit);
            foreach (var filter in query.Filters)
            {
                if (!endpoint.Filters.Contains(filter.Key))
                    throw new OpenAiValidationException(filter.Key, $"The {endpoint.Kind} report has no '{filter.Key}' filter.");
                // Arrays are sent as repeated keys (form, explode: the OpenAPI default the spec leaves in place).
                request.WithQuery(filter.Key, filter.Value);
            }
            if (query.Batch is bool batch)
            {
                if (!ReferenceEquals(endpoint, UsageEndpoint.Completions))
                    throw new OpenAiValidationException("Batch", "Only the completions report has a batch filter.");
                request.WithQuery("batch", batch);
            }
            request.WithQuery("group_by", groupBy.Count == 0 ? null : groupBy);
            return request;
        }
    }
}
