using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Changes a spend alert's threshold, recipients or subject prefix.</summary>
    /// <remarks>
    /// <para>The API replaces the whole alert, so the alert is read first and only the parameters given are changed
    /// (the target is then named in the confirmation prompt). -ProjectId selects a project's alert; leave it out for an
    /// organization alert. Alerts piped from Get-OpenAiSpendAlert bind both. Writes nothing unless -PassThru. Needs an
    /// admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiSpendAlert | Set-OpenAiSpendAlert -Threshold 2000 -PassThru</code>
    /// <para>Raises every organization alert to $2,000.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiSpendAlert -ProjectId proj_abc -AlertId alert_abc -Recipient 'ops@example.com', 'cto@example.com'</code>
    /// <para>Changes who a project's alert notifies.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiSpendAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiSpendAlert))]
    [OpenAiOperation("", "POST", "/organization/spend_alerts/{alert_id}")]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/spend_alerts/{alert_id}")]
    public sealed class SetOpenAiSpendAlertCommand : OpenAiCmdlet
    {
        /// <summary>The project of the alert (proj_...); leave it out for an organization alert.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The id of the alert to change (alert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AlertId { get; set; } = string.Empty;

        /// <summary>The new threshold in dollars.</summary>
        [Parameter]
        [ValidateRange(0, 1e12)]
        public decimal? Threshold { get; set; }

        /// <summary>The new e-mail addresses to notify (replacing the old ones).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Recipient { get; set; }

        /// <summary>The new subject prefix; an empty string removes it.</summary>
        [Parameter]
        public string? SubjectPrefix { get; set; }

        /// <summary>Writes the changed alert.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Threshold is null && Recipient is null && SubjectPrefix is null)
            {
                WriteError(new ErrorRecord(new PSArgumentException("Give -Threshold, -Recipient or -SubjectPrefix: there is nothing to change."),
                    "OpenAiNothingToChange", ErrorCategory.InvalidArgument, AlertId));
                return;
            }
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new SpendService(Client);
            Try(AlertId, () =>
            {
                var current = Await(observer => service.GetAlertAsync(projectId, AlertId, observer, CancellationToken));
                var body = new SpendAlertRequest
                {
                    ThresholdAmount = Threshold is decimal t ? SpendAmounts.ToCents(t) : current.ThresholdAmount,
                    Currency = current.Currency ?? "USD",
                    Interval = current.Interval ?? "month",
                    NotificationChannel = new SpendAlertChannelRequest
                    {
                        Type = current.NotificationChannel?.Type ?? "email",
                        Recipients = (Recipient ?? current.Recipients).ToList(),
                        SubjectPrefix = SubjectPrefix is null ? current.NotificationChannel?.SubjectPrefix : SubjectPrefix.Length == 0 ? null : SubjectPrefix,
                    },
                };
                if (!ShouldProcess(SpendAmounts.Describe(current), "Modify")) return;
                var updated = Await(observer => service.UpdateAlertAsync(projectId, AlertId, body, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
