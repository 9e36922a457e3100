using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Sets (creates or replaces) the hard spend limit of the organization or of a project.</summary>
    /// <remarks>
    /// <para>-Threshold is in dollars per month (sent in cents). Once the month's spend reaches it, the API refuses
    /// requests of that scope. Without -ProjectId, sets the organization's limit; with -ProjectId (or projects piped in),
    /// each project's. Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiSpendLimit -Threshold 5000 -PassThru</code>
    /// <para>Caps the organization at $5,000 a month.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'trial-*' | Set-OpenAiSpendLimit -Threshold 50</code>
    /// <para>Caps every trial tenant at $50 a month.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiSpendLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiSpendLimit))]
    [OpenAiOperation("", "POST", "/organization/spend_limit")]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/spend_limit")]
    public sealed class SetOpenAiSpendLimitCommand : OpenAiCmdlet
    {
        /// <summary>The project to limit (proj_...); leave it out for the organization.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The limit in dollars per month (at least 0.01).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(0.01, 1e12)]
        public decimal Threshold { get; set; }

        /// <summary>The currency: USD (the only one the API accepts).</summary>
        [Parameter]
        [ValidateSet("USD")]
        public string Currency { get; set; } = "USD";

        /// <summary>The period: month (the only one the API accepts).</summary>
        [Parameter]
        [ValidateSet("month")]
        public string Interval { get; set; } = "month";

        /// <summary>Writes the limit as the API stored it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var scope = projectId is null ? "the organization" : $"project {projectId}";
            if (!ShouldProcess(scope, $"Set the hard spend limit to {Threshold:0.00} {Currency} per {Interval}")) return;
            var body = new SpendLimitRequest { ThresholdAmount = SpendAmounts.ToCents(Threshold), Currency = Currency, Interval = Interval };
            var service = new SpendService(Client);
            Try(projectId, () =>
            {
                var limit = Await(observer => service.SetLimitAsync(projectId, body, observer, CancellationToken));
                if (PassThru) WriteObject(limit);
            });
        }
    }
}
