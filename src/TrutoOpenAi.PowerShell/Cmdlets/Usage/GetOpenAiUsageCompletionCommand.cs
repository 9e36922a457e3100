using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Usage;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the organization's completions usage (tokens and model requests of chat completions, responses and the like), one row per time bucket and group.</summary>
    /// <remarks>
    /// <para>Reads GET /organization/usage/completions (admin key) for the period from -StartTime to -EndTime in buckets of -BucketWidth (1m, 1h or
    /// 1d), following next_page until the period is covered. Each bucket result becomes one row with BucketStart and
    /// BucketEnd (UTC DateTimeOffset), the measures (InputTokens, OutputTokens, InputCachedTokens, InputAudioTokens, OutputAudioTokens and NumModelRequests) and the grouping keys asked for with -GroupBy (the others
    /// are empty). A bucket without usage gives no row. -First and -Skip count rows; -PageSize is the number of buckets per
    /// request (1d: up to 31, 1h: up to 168, 1m: up to 1440).</para>
    /// <para>-ProjectId (or projects piped in, e.g. from Get-OpenAiProject) limits the report to those projects and groups
    /// by project, so each row says whose usage it is. Times are given as DateTime or DateTimeOffset (local times are
    /// converted to UTC); without -StartTime the report starts at midnight UTC six days ago.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUsageCompletion -StartTime (Get-Date).AddDays(-7) -GroupBy Model | Group-Object Model | ForEach-Object { [pscustomobject]@{ Model = $_.Name; InputTokens = ($_.Group | Measure-Object InputTokens -Sum).Sum } }</code>
    /// <para>Sums the input tokens of the last seven days per model.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-0000*' | Get-OpenAiUsageCompletion -StartTime (Get-Date).AddDays(-1) -BucketWidth 1h | Format-Table BucketStart, ProjectId, InputTokens, OutputTokens</code>
    /// <para>Shows the hourly token usage of the last day for each piped project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiUsageCompletion", SupportsPaging = true)]
    [OutputType(typeof(OpenAiCompletionsUsage))]
    [OpenAiOperation("list_all_openai_completions", "GET", "/organization/usage/completions")]
    public sealed class GetOpenAiUsageCompletionCommand : OpenAiUsageCmdlet<OpenAiCompletionsUsage>
    {
        /// <summary>Fields to group each bucket's results by: ProjectId, UserId, ApiKeyId, Model, Batch, ServiceTier.</summary>
        [Parameter]
        [ValidateSet("ProjectId", "UserId", "ApiKeyId", "Model", "Batch", "ServiceTier")]
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

        /// <summary>$true: only batch jobs; $false: only non-batch requests. Leave it out for both.</summary>
        [Parameter]
        public bool? Batch { get; set; }

        protected override UsageEndpoint<OpenAiCompletionsUsage> Endpoint => UsageEndpoint.Completions;

        protected override string[]? Grouping => GroupBy;

        protected override void AddFilters(UsageQuery query)
        {
            query.AddFilter("user_ids", UserId);
            query.AddFilter("api_key_ids", ApiKeyId);
            query.AddFilter("models", Model);
            query.Batch = Batch;
        }
    }
}
