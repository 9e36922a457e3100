using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Deletes the hard spend limit of the organization or of a project.</summary>
    /// <remarks>
    /// <para>Without -ProjectId, deletes the organization's limit; with -ProjectId (or projects piped in), each
    /// project's. The limit is read first so the prompt names it. Where none is set, an OpenAiNotFound error is written.
    /// ConfirmImpact is High. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiSpendLimit -ProjectId proj_abc -Confirm:$false</code>
    /// <para>Lifts a project's hard limit.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiSpendLimit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(OpenAiSpendLimit))]
    [OpenAiOperation("", "DELETE", "/organization/spend_limit")]
    [OpenAiOperation("", "DELETE", "/organization/projects/{project_id}/spend_limit")]
    public sealed class RemoveOpenAiSpendLimitCommand : OpenAiCmdlet
    {
        /// <summary>The project whose limit to delete (proj_...); leave it out for the organization's.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Writes the limit that was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new SpendService(Client);
            Try(projectId, () =>
            {
                var current = Await(observer => service.GetLimitAsync(projectId, observer, CancellationToken));
                var scope = projectId is null ? "the organization" : $"project {projectId}";
                if (!ShouldChange($"hard spend limit of {scope} ({current.Threshold:0.00} {current.Currency}/{current.Interval})", "Delete", Force)) return;
                Await(observer => service.DeleteLimitAsync(projectId, observer, CancellationToken));
                if (PassThru) WriteObject(current);
            });
        }
    }
}
