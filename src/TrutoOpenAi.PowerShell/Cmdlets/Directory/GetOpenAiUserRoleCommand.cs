using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the RBAC roles assigned to users, as unified RoleAssignment objects.</summary>
    /// <remarks>
    /// <para>Piped users bind UserId, and ProjectId when they are project users: organization users get their organization
    /// role assignments (GET /organization/users/{user_id}/roles), project users their project role assignments (GET
    /// /projects/{project_id}/users/{user_id}/roles). Each assignment has UserId, RoleId, RoleName, ProjectId and
    /// RemoteData (the raw assigned role), so it pipes into Remove-OpenAiUserRole. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUser -Email '*@contoso.com' | Get-OpenAiUserRole</code>
    /// <para>Lists the organization roles of every contoso.com member.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiUserRole", SupportsPaging = true)]
    [OutputType(typeof(RoleAssignment))]
    [OpenAiOperation("", "GET", "/organization/users/{user_id}/roles")]
    [OpenAiOperation("", "GET", "/organization/users/{user_id}/roles/{role_id}")]
    [OpenAiOperation("", "GET", "/projects/{project_id}/users/{user_id}/roles")]
    [OpenAiOperation("", "GET", "/projects/{project_id}/users/{user_id}/roles/{role_id}")]
    public sealed class GetOpenAiUserRoleCommand : OpenAiListCmdlet
    {
        /// <summary>The user (user-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The project, for project role assignments; empty for organization roles.</summary>
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
            Try(UserId, () =>
            {
                var path = DirectoryService.AssignmentsPath(projectId, UserId, null);
                if (!string.IsNullOrEmpty(RoleId))
                {
                    var role = Await(observer => service.GetAssignedRoleAsync(path, projectId, RoleId!, observer, CancellationToken));
                    WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(role, UserId, null, projectId), role.RawJson));
                    return;
                }
                WritePages(service.ListAssignedRoles(path, projectId, EffectivePageSize(filtersLocally: true)), null,
                    r => DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(r, UserId, null, projectId), r.RawJson));
            });
        }
    }
}
