using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Takes a group's access to a project away.</summary>
    /// <remarks>
    /// <para>Piped project groups (Get-OpenAiProjectGroup) bind ProjectId and GroupId by property name. Each is looked up
    /// first (GET /organization/projects/{project_id}/groups/{group_id}) and named in the confirmation prompt, then removed
    /// with DELETE /organization/projects/{project_id}/groups/{group_id}; the group's project roles there go with it. The
    /// group itself stays. A group without access gives OpenAiNotFound. High impact: confirmation is asked unless
    /// -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectGroup -Name 'contractors' | Remove-OpenAiProjectGroup -Confirm:$false</code>
    /// <para>Removes the contractors group from every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiProjectGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(OpenAiProjectGroup))]
    [OpenAiOperation("", "DELETE", "/organization/projects/{project_id}/groups/{group_id}")]
    public sealed class RemoveOpenAiProjectGroupCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>Writes the project group that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(GroupId, () =>
            {
                var current = Await(observer => service.GetProjectGroupAsync(ProjectId, GroupId, observer, CancellationToken));
                if (!ShouldChange(Describe("group", current.GroupName, $"{current.GroupId} in project {ProjectId}"), "Remove from the project", Force)) return;
                Await(observer => service.RemoveProjectGroupAsync(ProjectId, GroupId, observer, CancellationToken));
                if (PassThru) WriteObject(current);
            });
        }
    }
}
