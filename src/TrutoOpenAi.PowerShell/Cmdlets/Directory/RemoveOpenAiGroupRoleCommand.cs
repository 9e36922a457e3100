using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Unassigns an RBAC role from groups.</summary>
    /// <remarks>
    /// <para>Piped role assignments (Get-OpenAiGroupRole) bind GroupId, RoleId and ProjectId by property name; piped groups
    /// bind GroupId, with -RoleId given. Organization roles are unassigned with DELETE
    /// /organization/groups/{group_id}/roles/{role_id}, project roles (-ProjectId) with DELETE
    /// /projects/{project_id}/groups/{group_id}/roles/{role_id}. The assignment is looked up first and named in the
    /// confirmation prompt; one that does not exist gives OpenAiNotFound. High impact: confirmation is asked unless
    /// -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup -Name 'Engineering' | Get-OpenAiGroupRole | Where-Object RoleName -eq Reader | Remove-OpenAiGroupRole -Confirm:$false</code>
    /// <para>Takes the Reader organization role away from the Engineering group.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(RoleAssignment))]
    [OpenAiOperation("", "DELETE", "/organization/groups/{group_id}/roles/{role_id}")]
    [OpenAiOperation("", "DELETE", "/projects/{project_id}/groups/{group_id}/roles/{role_id}")]
    public sealed class RemoveOpenAiGroupRoleCommand : OpenAiCmdlet
    {
        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The role to unassign (role_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string RoleId { get; set; } = string.Empty;

        /// <summary>The project, for a project role; empty for an organization role.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Writes the role that was unassigned.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new DirectoryService(Client);
            Try(GroupId, () =>
            {
                var path = DirectoryService.AssignmentsPath(projectId, null, GroupId);
                var role = Await(observer => service.GetAssignedRoleAsync(path, projectId, RoleId, observer, CancellationToken));
                var group = projectId is null ? $"group {GroupId}" : $"group {GroupId} in project {projectId}";
                if (!ShouldChange(group, $"Unassign {Describe("role", role.Name, role.Id)}", Force)) return;
                Await(observer => service.UnassignRoleAsync(path, RoleId, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(role, null, GroupId, projectId), role.RawJson));
            });
        }
    }
}
