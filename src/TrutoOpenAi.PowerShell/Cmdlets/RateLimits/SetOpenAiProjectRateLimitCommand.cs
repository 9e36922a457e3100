using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.RateLimits
{
    /// <summary>Changes a project's rate limit for a model.</summary>
    /// <remarks>
    /// <para>Updates the limits given; the others stay as they are. Rate limits come from Get-OpenAiProjectRateLimit
    /// (by ProjectId and RateLimitId) or from -ProjectId and -RateLimitId. A project limit cannot exceed the organization's
    /// limit for the model, and a limit the model does not have (e.g. images for a text model) is refused: both answer
    /// OpenAiInvalidRequest. Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectRateLimit | Where-Object Model -like 'gpt-4*' | Set-OpenAiProjectRateLimit -MaxRequestsPer1Minute 100</code>
    /// <para>Caps every GPT-4 family model at 100 requests per minute in every project.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiProjectRateLimit -ProjectId proj_abc123 -RateLimitId rl_gpt-4o -MaxTokensPer1Minute 200000 -PassThru</code>
    /// <para>Sets one model's token limit and writes the updated rate limit.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiProjectRateLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiProjectRateLimit))]
    [OpenAiOperation("update_a_openai_project_rate_limit_by_id", "POST", "/organization/projects/{project_id}/rate_limits/{rate_limit_id}")]
    public sealed class SetOpenAiProjectRateLimitCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The rate limit to change (rl_...); one exists per model.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RateLimitId { get; set; } = string.Empty;

        /// <summary>The most requests per minute.</summary>
        [Parameter] [ValidateRange(0, long.MaxValue)] public long? MaxRequestsPer1Minute { get; set; }

        /// <summary>The most tokens per minute.</summary>
        [Parameter] [ValidateRange(0, long.MaxValue)] public long? MaxTokensPer1Minute { get; set; }

        /// <summary>The most images per minute (image models only).</summary>
        [Parameter] [ValidateRange(0, long.MaxValue)] public long? MaxImagesPer1Minute { get; set; }

        /// <summary>The most audio megabytes per minute (audio models only).</summary>
        [Parameter] [ValidateRange(0, long.MaxValue)] public long? MaxAudioMegabytesPer1Minute { get; set; }

        /// <summary>The most requests per day (some models only).</summary>
        [Parameter] [ValidateRange(0, long.MaxValue)] public long? MaxRequestsPer1Day { get; set; }

        /// <summary>The most batch input tokens per day (some models only).</summary>
        [Parameter] [ValidateRange(0, long.MaxValue)] public long? Batch1DayMaxInputTokens { get; set; }

        /// <summary>Writes the updated rate limit.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var body = new ProjectRateLimitUpdateRequest
            {
                MaxRequestsPer1Minute = MaxRequestsPer1Minute,
                MaxTokensPer1Minute = MaxTokensPer1Minute,
                MaxImagesPer1Minute = MaxImagesPer1Minute,
                MaxAudioMegabytesPer1Minute = MaxAudioMegabytesPer1Minute,
                MaxRequestsPer1Day = MaxRequestsPer1Day,
                Batch1DayMaxInputTokens = Batch1DayMaxInputTokens,
            };
            if (body.IsEmpty)
            {
                WriteError(new ErrorRecord(new PSArgumentException("Give at least one limit, e.g. -MaxRequestsPer1Minute: there is nothing to change."),
                    "OpenAiNothingToChange", ErrorCategory.InvalidArgument, RateLimitId));
                return;
            }
            if (!ShouldProcess($"rate limit {RateLimitId} of project {ProjectId}", "Update")) return;
            Try(RateLimitId, () =>
            {
                var updated = Await(observer => new ProjectRateLimitService(Client).UpdateAsync(ProjectId, RateLimitId, body, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
