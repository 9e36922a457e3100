using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Usage;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the organization's web search tool calls, one row per time bucket and group.</summary>
    /// <remarks>
    /// <para>Reads GET /organization/usage/web_search_calls (admin key) for the period from -StartTime to -EndTime in buckets of -BucketWidth (1m, 1h or
    /// 1d), following next_page until the period is covered. Each bucket result becomes one row with BucketStart and
    /// BucketEnd (UTC DateTimeOffset), the measures (NumRequests and NumModelRequests) and the grouping keys asked for with -GroupBy (the others
    /// are empty). A bucket without usage gives no row. -First and -Skip count rows; -PageSize is the number of buckets per
    /// request (1d: up to 31, 1h: up to 168, 1m: up to 1440).</para>
    /// <para>-ProjectId (or projects piped in, e.g. from Get-OpenAiProject) limits the report to those projects and groups
    /// by project, so each row says whose usage it is. Times are given as DateTime or DateTimeOffset (local times are
    /// converted to UTC); without -StartTime the report starts at midnight UTC six days ago.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUsageWebSearchCall -StartTime (Get-Date).AddDays(-7) -ContextLevel high -GroupBy ProjectId</code>
    /// <para>Web searches with a high context size, per day and project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiUsageWebSearchCall", SupportsPaging = true)]
    [OutputType(typeof(OpenAiWebSearchCallsUsage))]
    [OpenAiOperation("", "GET", "/organization/usage/web_search_calls")]
    public sealed class GetOpenAiUsageWebSearchCallCommand : OpenAiUsageCmdlet<OpenAiWebSearchCallsUsage>
    {
        /// <summary>Fields to group each bucket's results by: ProjectId, UserId, ApiKeyId, Model, ContextLevel.</summary>
        [Parameter]
        [ValidateSet("ProjectId", "UserId", "ApiKeyId", "Model", "ContextLevel")]
        public string[]? GroupBy { get; set; }

        /// <summary>Only usage of these users (user-...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? UserId { get; set; }

        /// <summary>Only usage made with these API keys (key_...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ApiKeyId { get; set; }

        /// <summary>Only usage of these models (e.g. gpt-4o-2024-08-06).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string[]? Model { get; set; }

        /// <summary>Only searches with these search context sizes.</summary>
        [Parameter]
        [ValidateSet("low", "medium", "high")]
        public string[]? ContextLevel { get; set; }

        protected override UsageEndpoint<OpenAiWebSearchCallsUsage> Endpoint => UsageEndpoint.WebSearchCalls;

        protected override string[]? Grouping => GroupBy;

        protected override void AddFilters(UsageQuery query)
        {
            query.AddFilter("user_ids", UserId);
            query.AddFilter("api_key_ids", ApiKeyId);
            query.AddFilter("models", Model);
            query.AddFilter("context_levels", ContextLevel);
        }
    }
}
