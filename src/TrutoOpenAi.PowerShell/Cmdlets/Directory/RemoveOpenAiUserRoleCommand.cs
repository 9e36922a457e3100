using System.Management.Automation;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Unassigns an RBAC role from users.</summary>
    /// <remarks>
    /// <para>Piped role assignments (Get-OpenAiUserRole) bind UserId, RoleId and ProjectId by property name; piped users
    /// bind UserId and ProjectId, with -RoleId given. An assignment that does not exist gives OpenAiNotFound. High impact:
    /// confirmation is asked unless -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUser -Email '*@contoso.com' | Get-OpenAiUserRole | Where-Object RoleName -eq Reader | Remove-OpenAiUserRole -Confirm:$false</code>
    /// <para>Takes the Reader RBAC role away from every contoso.com member.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiUserRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(PSObject))]
    [OpenAiOperation("", "DELETE", "/organization/users/{user_id}/roles/{role_id}")]
    [OpenAiOperation("", "DELETE", "/projects/{project_id}/users/{user_id}/roles/{role_id}")]
    public sealed class RemoveOpenAiUserRoleCommand : OpenAiCmdlet
    {
        /// <summary>The user (user-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The role to unassign (role_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string RoleId { get; set; } = string.Empty;

        /// <summary>The project, for a project role; empty for an organization role.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Writes the user id, role id and project of the removed assignment.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            Try(UserId, () =>
            {
                if (!ShouldChange(projectId is null ? $"user {UserId}" : $"user {UserId} in project {projectId}", $"Unassign role {RoleId}", Force)) return;
                Await(observer => new DirectoryService(Client).UnassignRoleAsync(DirectoryService.AssignmentsPath(projectId, UserId, null), RoleId, observer, CancellationToken));
                if (PassThru) WriteObject(new PSObject(new { UserId, RoleId, ProjectId = projectId }));
            });
        }
    }
}
