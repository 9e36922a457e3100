using System;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Creates a spend alert for the organization or a project.</summary>
    /// <remarks>
    /// <para>The alert e-mails -Recipient when the spend of the -Interval (a month) crosses -Threshold, given in dollars
    /// (sent to the API in cents). Without -ProjectId the alert watches the whole organization; with -ProjectId (or
    /// projects piped in) it watches each project. Writes the new alert. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiSpendAlert -Threshold 1000 -Recipient 'finance@example.com' -SubjectPrefix 'OpenAI spend'</code>
    /// <para>Alerts finance when the organization's spend of the month passes $1,000.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | New-OpenAiSpendAlert -Threshold 250 -Recipient 'ops@example.com'</code>
    /// <para>One $250 alert per tenant project, to catch runaway spend early.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiSpendAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiSpendAlert))]
    [OpenAiOperation("", "POST", "/organization/spend_alerts")]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/spend_alerts")]
    public sealed class NewOpenAiSpendAlertCommand : OpenAiCmdlet
    {
        /// <summary>The project to watch (proj_...); leave it out for the organization.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The threshold in dollars (e.g. 1000 or 99.50); the API stores it in cents.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(0, 1e12)]
        public decimal Threshold { get; set; }

        /// <summary>E-mail addresses to notify.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Recipient { get; set; } = new string[0];

        /// <summary>A prefix for the alert e-mails' subject.</summary>
        [Parameter]
        public string? SubjectPrefix { get; set; }

        /// <summary>The currency of the threshold: USD (the only one the API accepts).</summary>
        [Parameter]
        [ValidateSet("USD")]
        public string Currency { get; set; } = "USD";

        /// <summary>The period spend is measured over: month (the only one the API accepts).</summary>
        [Parameter]
        [ValidateSet("month")]
        public string Interval { get; set; } = "month";

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var scope = projectId is null ? "the organization" : $"project {projectId}";
            if (!ShouldProcess(scope, $"Create a spend alert at {Threshold:0.00} {Currency} per {Interval} for {string.Join(", ", Recipient)}")) return;
            var body = new SpendAlertRequest
            {
                ThresholdAmount = SpendAmounts.ToCents(Threshold),
                Currency = Currency,
                Interval = Interval,
                NotificationChannel = new SpendAlertChannelRequest { Recipients = Recipient.ToList(), SubjectPrefix = SubjectPrefix },
            };
            var service = new SpendService(Client);
            Try(projectId, () => WriteObject(Await(observer => service.CreateAlertAsync(projectId, body, observer, CancellationToken))));
        }
    }

    internal static class SpendAmounts
    {
        public static long ToCents(decimal dollars) => (long)Math.Round(dollars * 100m, MidpointRounding.AwayFromZero);

        public static string Describe(OpenAiSpendAlert alert) =>
            $"spend alert {alert.Id} ({alert.Threshold:0.00} {alert.Currency}/{alert.Interval}) of " + (alert.ProjectId is null ? "the organization" : $"project {alert.ProjectId}");
    }
}
