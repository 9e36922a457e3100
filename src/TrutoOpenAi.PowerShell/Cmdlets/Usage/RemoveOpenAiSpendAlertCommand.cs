using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Deletes a spend alert.</summary>
    /// <remarks>
    /// <para>Deletes the organization alert -AlertId, or with -ProjectId a project's alert. Alerts piped from
    /// Get-OpenAiSpendAlert bind both. The alert is read first so the prompt names it (threshold and scope).
    /// ConfirmImpact is High. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiSpendAlert -ProjectId proj_abc | Remove-OpenAiSpendAlert -Confirm:$false</code>
    /// <para>Deletes every alert of a project without asking.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiSpendAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(OpenAiSpendAlert))]
    [OpenAiOperation("", "DELETE", "/organization/spend_alerts/{alert_id}")]
    [OpenAiOperation("", "DELETE", "/organization/projects/{project_id}/spend_alerts/{alert_id}")]
    public sealed class RemoveOpenAiSpendAlertCommand : OpenAiCmdlet
    {
        /// <summary>The project of the alert (proj_...); leave it out for an organization alert.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The id of the alert to delete (alert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AlertId { get; set; } = string.Empty;

        /// <summary>Writes the alert that was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new SpendService(Client);
            Try(AlertId, () =>
            {
                var current = Await(observer => service.GetAlertAsync(projectId, AlertId, observer, CancellationToken));
                if (!ShouldChange(SpendAmounts.Describe(current), "Delete", Force)) return;
                Await(observer => service.DeleteAlertAsync(projectId, AlertId, observer, CancellationToken));
                if (PassThru) WriteObject(current);
            });
        }
    }
}
