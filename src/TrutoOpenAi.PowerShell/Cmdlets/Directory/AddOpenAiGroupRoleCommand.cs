using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Assigns an RBAC role to groups.</summary>
    /// <remarks>
    /// <para>Piped groups bind GroupId: they get an organization role (POST /organization/groups/{group_id}/roles). With
    /// -ProjectId (or piped project groups) the group gets a project role in that project (POST
    /// /projects/{project_id}/groups/{group_id}/roles); the group needs access to the project first
    /// (Add-OpenAiProjectGroup). -RoleId is a role_... id from Get-OpenAiRole (project roles have their own ids in each
    /// project). An unknown role gives OpenAiNotFound, a role already assigned OpenAiInvalidRequest. Writes the new
    /// assignment. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$reader = Get-OpenAiRole -Name Reader -Type predefined; Get-OpenAiGroup -Name 'eng-*' | Add-OpenAiGroupRole -RoleId $reader.Id -Confirm:$false</code>
    /// <para>Gives every eng- group the predefined Reader organization role.</para>
    /// </example>
    /// <example>
    /// <code>$viewer = Get-OpenAiRole -ProjectId proj_abc123 -Name Viewer; Get-OpenAiProjectGroup -ProjectId proj_abc123 | Add-OpenAiGroupRole -RoleId $viewer.Id -Confirm:$false</code>
    /// <para>Gives every group with access to the project its Viewer role.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiGroupRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleAssignment))]
    [OpenAiOperation("", "POST", "/organization/groups/{group_id}/roles")]
    [OpenAiOperation("", "POST", "/projects/{project_id}/groups/{group_id}/roles")]
    public sealed class AddOpenAiGroupRoleCommand : OpenAiCmdlet
    {
        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The role to assign (role_...).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string RoleId { get; set; } = string.Empty;

        /// <summary>The project, for a project role; empty for an organization role.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            Try(GroupId, () =>
            {
                if (!ShouldProcess(projectId is null ? $"group {GroupId}" : $"group {GroupId} in project {projectId}", $"Assign role {RoleId}")) return;
                var role = Await(observer => new DirectoryService(Client).AssignRoleAsync(DirectoryService.AssignmentsPath(projectId, null, GroupId), projectId, RoleId, observer, CancellationToken));
                WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(role, null, GroupId, projectId), role.RawJson));
            });
        }
    }
}
