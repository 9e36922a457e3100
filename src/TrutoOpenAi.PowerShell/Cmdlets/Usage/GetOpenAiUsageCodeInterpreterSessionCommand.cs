using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Usage;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the organization's code interpreter sessions, one row per time bucket and group.</summary>
    /// <remarks>
    /// <para>Reads GET /organization/usage/code_interpreter_sessions (admin key) for the period from -StartTime to -EndTime in buckets of -BucketWidth (1m, 1h or
    /// 1d), following next_page until the period is covered. Each bucket result becomes one row with BucketStart and
    /// BucketEnd (UTC DateTimeOffset), the measures (NumSessions) and the grouping keys asked for with -GroupBy (the others
    /// are empty). A bucket without usage gives no row. -First and -Skip count rows; -PageSize is the number of buckets per
    /// request (1d: up to 31, 1h: up to 168, 1m: up to 1440).</para>
    /// <para>-ProjectId (or projects piped in, e.g. from Get-OpenAiProject) limits the report to those projects and groups
    /// by project, so each row says whose usage it is. Times are given as DateTime or DateTimeOffset (local times are
    /// converted to UTC); without -StartTime the report starts at midnight UTC six days ago.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUsageCodeInterpreterSession -StartTime (Get-Date).AddDays(-7) -GroupBy ProjectId | Measure-Object NumSessions -Sum</code>
    /// <para>Code interpreter sessions of the last week, all projects.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiUsageCodeInterpreterSession", SupportsPaging = true)]
    [OutputType(typeof(OpenAiCodeInterpreterSessionsUsage))]
    [OpenAiOperation("list_all_openai_code_interpreter_sessions", "GET", "/organization/usage/code_interpreter_sessions")]
    public sealed class GetOpenAiUsageCodeInterpreterSessionCommand : OpenAiUsageCmdlet<OpenAiCodeInterpreterSessionsUsage>
    {
        /// <summary>Fields to group each bucket's results by: ProjectId.</summary>
        [Parameter]
        [ValidateSet("ProjectId")]
        public string[]? GroupBy { get; set; }

        protected override UsageEndpoint<OpenAiCodeInterpreterSessionsUsage> Endpoint => UsageEndpoint.CodeInterpreterSessions;

        protected override string[]? Grouping => GroupBy;
    }
}
