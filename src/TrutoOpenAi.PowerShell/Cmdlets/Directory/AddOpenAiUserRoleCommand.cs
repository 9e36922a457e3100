using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Assigns an RBAC role to users.</summary>
    /// <remarks>
    /// <para>Piped users bind UserId (and ProjectId for project users): organization users get an organization role
    /// (POST /organization/users/{user_id}/roles), project users a project role (POST
    /// /projects/{project_id}/users/{user_id}/roles). -RoleId is a role_... id from Get-OpenAiRole. An unknown role gives
    /// OpenAiNotFound, a role already assigned OpenAiInvalidRequest. Writes the new assignment. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$role = Get-OpenAiRole -Name Reader -Type predefined; Get-OpenAiUser -Email '*@contoso.com' | Add-OpenAiUserRole -RoleId $role.Id -Confirm:$false</code>
    /// <para>Gives every contoso.com member the predefined Reader RBAC role.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RoleAssignment))]
    [OpenAiOperation("", "POST", "/organization/users/{user_id}/roles")]
    [OpenAiOperation("", "POST", "/projects/{project_id}/users/{user_id}/roles")]
    public sealed class AddOpenAiUserRoleCommand : OpenAiCmdlet
    {
        /// <summary>The user (user-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

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
            Try(UserId, () =>
            {
                if (!ShouldProcess(projectId is null ? $"user {UserId}" : $"user {UserId} in project {projectId}", $"Assign role {RoleId}")) return;
                var role = Await(observer => new DirectoryService(Client).AssignRoleAsync(DirectoryService.AssignmentsPath(projectId, UserId, null), projectId, RoleId, observer, CancellationToken));
                WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToAssignment(role, UserId, null, projectId), role.RawJson));
            });
        }
    }
}
