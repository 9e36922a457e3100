using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Renames a custom RBAC role or changes its permissions or description.</summary>
    /// <remarks>
    /// <para>Piped roles (Get-OpenAiRole) bind RoleId and ProjectId by property name: organization roles are changed with
    /// POST /organization/roles/{role_id}, project roles with POST /projects/{project_id}/roles/{role_id}. Only the
    /// parameters given are changed; -Permission replaces the whole list. Predefined and built-in roles cannot be changed:
    /// the API refuses predefined roles with OpenAiInvalidRequest. The role is looked up first and named in the
    /// confirmation prompt. Writes the updated role with -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiRole -Name 'Billing viewer' -Type custom | Set-OpenAiRole -Permission api.organization.read, api.usage.read -PassThru -Confirm:$false</code>
    /// <para>Replaces the permissions of a custom organization role and writes it.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Name Deployer | Set-OpenAiRole -NewName 'Release manager' -WhatIf</code>
    /// <para>Shows which project roles would be renamed.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Role))]
    [OpenAiOperation("", "POST", "/organization/roles/{role_id}")]
    [OpenAiOperation("", "POST", "/projects/{project_id}/roles/{role_id}")]
    public sealed class SetOpenAiRoleCommand : OpenAiCmdlet
    {
        /// <summary>The role to change (role_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string RoleId { get; set; } = string.Empty;

        /// <summary>The project of a project role (proj_...); empty for an organization role.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The new name of the role.</summary>
        [Parameter(Position = 1)]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The new permissions of the role: they replace the current ones.</summary>
        [Parameter]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public string[]? Permission { get; set; }

        /// <summary>The new description of the role.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Writes the updated role.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Name is null && Permission is null && Description is null)
            {
                WriteError(new ErrorRecord(new PSArgumentException("Give -Name, -Permission or -Description: there is nothing to change."),
                    "OpenAiNothingToChange", ErrorCategory.InvalidArgument, RoleId));
                return;
            }
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new DirectoryService(Client);
            Try(RoleId, () =>
            {
                var current = Await(observer => service.GetRoleAsync(projectId, RoleId, observer, CancellationToken));
                var target = Describe("role", current.Name, projectId is null ? current.Id : $"{current.Id} in {projectId}");
                if (!ShouldProcess(target, Name is null ? "Modify" : $"Rename to '{Name}'")) return;
                var body = new RoleUpdateRequest { RoleName = Name, Permissions = Permission?.ToList(), Description = Description };
                var updated = Await(observer => service.UpdateRoleAsync(projectId, RoleId, body, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(updated), updated.RawJson));
            });
        }
    }
}
