using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.RateLimits
{
    /// <summary>Gets the rate limits of a project, one per model.</summary>
    /// <remarks>
    /// <para>Lists the project's rate limits (requests and tokens per minute, and for some models images, audio megabytes,
    /// requests per day or batch input tokens), streaming every page. -Model filters by wildcard. Projects can be piped in;
    /// each limit carries its ProjectId and RateLimitId, so it pipes on to Set-OpenAiProjectRateLimit. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectRateLimit | Where-Object Model -like 'gpt-4*' | Set-OpenAiProjectRateLimit -MaxRequestsPer1Minute 100</code>
    /// <para>Caps every GPT-4 family model at 100 requests per minute in every project.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProjectRateLimit -ProjectId proj_abc123 -Model 'o*'</code>
    /// <para>Shows the project's limits for the o-series models.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectRateLimit", SupportsPaging = true)]
    [OutputType(typeof(OpenAiProjectRateLimit))]
    [OpenAiOperation("list_all_openai_project_rate_limits", "GET", "/organization/projects/{project_id}/rate_limits")]
    public sealed class GetOpenAiProjectRateLimitCommand : OpenAiListCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Only limits of models matching this pattern, e.g. 'gpt-4*'; wildcards are allowed.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        protected override void ProcessRecord()
        {
            Try(ProjectId, () =>
            {
                var pattern = string.IsNullOrEmpty(Model) ? null : new WildcardPattern(Model, WildcardOptions.IgnoreCase);
                var pager = new ProjectRateLimitService(Client).List(ProjectId, EffectivePageSize(filtersLocally: pattern != null));
                WritePages(pager, pattern is null ? null : limit => pattern.IsMatch(limit.Model ?? string.Empty));
            });
        }
    }
}
