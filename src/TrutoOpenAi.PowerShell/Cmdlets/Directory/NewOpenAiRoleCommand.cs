using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Creates a custom RBAC role in the organization or in a project.</summary>
    /// <remarks>
    /// <para>Without -ProjectId, creates an organization role (POST /organization/roles); with -ProjectId (or piped
    /// projects), a role of that project (POST /projects/{project_id}/roles). -Permission lists the permissions the role
    /// grants, such as api.organization.read or api.project.write. Role names are unique in their scope: a taken name gives
    /// OpenAiInvalidRequest. Writes the new role as a unified Role (Type 'custom', RemoteData the raw OpenAI role), like
    /// Get-OpenAiRole. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiRole -Name 'Billing viewer' -Permission api.organization.read -Description 'Reads invoices and usage.' -Confirm:$false</code>
    /// <para>Creates a custom organization role.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | New-OpenAiRole -Name 'Deployer' -Permission api.project.read, api.project.write -Confirm:$false</code>
    /// <para>Creates the same custom role in every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiRole", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Role))]
    [OpenAiOperation("", "POST", "/organization/roles")]
    [OpenAiOperation("", "POST", "/projects/{project_id}/roles")]
    public sealed class NewOpenAiRoleCommand : OpenAiCmdlet
    {
        /// <summary>The name of the role (role_name), unique in the organization or project.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>The permissions the role grants, such as api.organization.read.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNull]
        [AllowEmptyCollection]
        public string[] Permission { get; set; } = new string[0];

        /// <summary>A description of the role.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>The project to create the role in (proj_...); without it, an organization role.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            Try(projectId ?? Name, () =>
            {
                if (!ShouldProcess(projectId is null ? "organization" : $"project {projectId}", $"Create role '{Name}'")) return;
                var body = new RoleCreateRequest { RoleName = Name, Permissions = Permission.ToList(), Description = Description };
                var role = Await(observer => new DirectoryService(Client).CreateRoleAsync(projectId, body, observer, CancellationToken));
                WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(role), role.RawJson));
            });
        }
    }
}
