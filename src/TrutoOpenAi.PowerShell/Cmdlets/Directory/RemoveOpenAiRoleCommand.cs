using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Deletes a custom RBAC role of the organization or of a project.</summary>
    /// <remarks>
    /// <para>Piped roles (Get-OpenAiRole) bind RoleId and ProjectId by property name: organization roles are deleted with
    /// DELETE /organization/roles/{role_id}, project roles with DELETE /projects/{project_id}/roles/{role_id}. Users and
    /// groups that had the role lose it. Predefined roles cannot be deleted: the API refuses with OpenAiInvalidRequest. The
    /// role is looked up first and named in the confirmation prompt. High impact: confirmation is asked unless
    /// -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiRole -Type custom | Remove-OpenAiRole -WhatIf</code>
    /// <para>Shows which custom organization roles would be deleted.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Name Deployer | Remove-OpenAiRole -Confirm:$false</code>
    /// <para>Deletes the Deployer role of every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(Role))]
    [OpenAiOperation("", "DELETE", "/organization/roles/{role_id}")]
    [OpenAiOperation("", "DELETE", "/projects/{project_id}/roles/{role_id}")]
    public sealed class RemoveOpenAiRoleCommand : OpenAiCmdlet
    {
        /// <summary>The role to delete (role_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string RoleId { get; set; } = string.Empty;

        /// <summary>The project of a project role (proj_...); empty for an organization role.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Writes the role that was deleted.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new DirectoryService(Client);
            Try(RoleId, () =>
            {
                var current = Await(observer => service.GetRoleAsync(projectId, RoleId, observer, CancellationToken));
                if (!ShouldChange(Describe("role", current.Name, projectId is null ? current.Id : $"{current.Id} in {projectId}"), "Delete", Force)) return;
                Await(observer => service.DeleteRoleAsync(projectId, RoleId, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(current), current.RawJson));
            });
        }
    }
}
