using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the RBAC roles assigned to groups, as unified RoleAssignment objects.</summary>
    /// <remarks>
    /// <para>Piped groups bind GroupId: their organization role assignments come from GET
    /// /organization/groups/{group_id}/roles. With -ProjectId (or piped project groups, which carry ProjectId and GroupId)
    /// the group's role assignments in that project come from GET /projects/{project_id}/groups/{group_id}/roles. With
    /// -RoleId, gets that one assignment (the API's retrieve operation); a role not assigned gives OpenAiNotFound. Each
    /// assignment has GroupId, RoleId, RoleName, ProjectId and RemoteData (the raw assigned role), so it pipes into
    /// Remove-OpenAiGroupRole. Lists page with the 'next' cursor. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup | Get-OpenAiGroupRole | Format-Table GroupId, RoleName</code>
    /// <para>Lists the organization roles of every group.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProjectGroup -ProjectId proj_abc123 | Get-OpenAiGroupRole</code>
    /// <para>Lists the project roles of every group with access to a project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiGroupRole", SupportsPaging = true)]
    [OutputType(typeof(RoleAssignment))]
    [OpenAiOperation("", "GET", "/organization/groups/{group_id}/roles")]
    [OpenAiOperation("", "GET", "/organization/groups/{group_id}/roles/{role_id}")]
    [OpenAiOperation("", "GET", "/projects/{project_id}/groups/{group_id}/roles")]
    [OpenAiOperation("", "GET", "/projects/{project_id}/groups/{group_id}/roles/{role_id}")]
    public sealed class GetOpenAiGroupRoleCommand : OpenAiListCmdlet
    {
        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The project, for the group's project role assignments; empty for organization roles.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Only this assigned role (role_...): answered by the API's retrieve operation.</summary>
        [Parameter(Position = 1)]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string? RoleId { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            Try(GroupId, () =>
            {
                var path = DirectoryService.AssignmentsPath(projectId, null, GroupId);
                if (!string.IsNullOrEmpty(RoleId))
                {
                    var role = Await(observer => service.GetAssignedRoleAsync(path, projectId, RoleId!, observer, CancellationToken));
                    WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(role, null, GroupId, projectId), role.RawJson));
                    return;
                }
                WritePages(service.ListAssignedRoles(path, projectId, EffectivePageSize()), null,
                    r => DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(r, null, GroupId, projectId), r.RawJson));
            });
        }
    }
}
