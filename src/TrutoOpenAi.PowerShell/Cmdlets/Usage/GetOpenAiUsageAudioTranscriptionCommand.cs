using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Usage;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the organization's audio transcription usage (seconds of audio and model requests), one row per time bucket and group.</summary>
    /// <remarks>
    /// <para>Reads GET /organization/usage/audio_transcriptions (admin key) for the period from -StartTime to -EndTime in buckets of -BucketWidth (1m, 1h or
    /// 1d), following next_page until the period is covered. Each bucket result becomes one row with BucketStart and
    /// BucketEnd (UTC DateTimeOffset), the measures (Seconds and NumModelRequests) and the grouping keys asked for with -GroupBy (the others
    /// are empty). A bucket without usage gives no row. -First and -Skip count rows; -PageSize is the number of buckets per
    /// request (1d: up to 31, 1h: up to 168, 1m: up to 1440).</para>
    /// <para>-ProjectId (or projects piped in, e.g. from Get-OpenAiProject) limits the report to those projects and groups
    /// by project, so each row says whose usage it is. Times are given as DateTime or DateTimeOffset (local times are
    /// converted to UTC); without -StartTime the report starts at midnight UTC six days ago.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUsageAudioTranscription -StartTime (Get-Date).AddDays(-7) | Measure-Object Seconds -Sum</code>
    /// <para>Total seconds transcribed in the last week.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiUsageAudioTranscription", SupportsPaging = true)]
    [OutputType(typeof(OpenAiAudioTranscriptionsUsage))]
    [OpenAiOperation("list_all_openai_audio_transcriptions", "GET", "/organization/usage/audio_transcriptions")]
    public sealed class GetOpenAiUsageAudioTranscriptionCommand : OpenAiUsageCmdlet<OpenAiAudioTranscriptionsUsage>
    {
        /// <summary>Fields to group each bucket's results by: ProjectId, UserId, ApiKeyId, Model.</summary>
        [Parameter]
        [ValidateSet("ProjectId", "UserId", "ApiKeyId", "Model")]
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

        protected override UsageEndpoint<OpenAiAudioTranscriptionsUsage> Endpoint => UsageEndpoint.AudioTranscriptions;

        protected override string[]? Grouping => GroupBy;

        protected override void AddFilters(UsageQuery query)
        {
            query.AddFilter("user_ids", UserId);
            query.AddFilter("api_key_ids", ApiKeyId);
            query.AddFilter("models", Model);
        }
    }
}
