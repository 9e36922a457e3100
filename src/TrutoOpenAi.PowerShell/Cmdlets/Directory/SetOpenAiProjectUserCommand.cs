using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Changes a project member's role (owner or member).</summary>
    /// <remarks>
    /// <para>Piped project users (Get-OpenAiProjectUser) bind ProjectId and UserId by property name. The member is looked
    /// up first and named in the confirmation prompt. A role other than owner or member is refused before any request
    /// (OpenAiInvalidRole). Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProjectUser -ProjectId proj_abc123 | Where-Object Email -like '*@contoso.com' | Set-OpenAiProjectUser -Role owner -Confirm:$false</code>
    /// <para>Makes the contoso.com members owners of the project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiProjectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    [OpenAiOperation("update_a_openai_project_user_by_id", "POST", "/organization/projects/{project_id}/users/{user_id}")]
    public sealed class SetOpenAiProjectUserCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The member (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The new project role: owner or member.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        public string Role { get; set; } = string.Empty;

        /// <summary>Writes the updated member.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(UserId, () =>
            {
                var role = DirectoryOutput.ValidRole(Role, DirectoryOutput.ProjectRoles, "project");
                var current = Await(observer => service.GetProjectUserAsync(ProjectId, UserId, observer, CancellationToken));
                if (!ShouldProcess(Describe("project user", current.Email ?? current.Name, $"{current.Id} in {ProjectId}"), $"Set project role to '{role}'")) return;
                var updated = Await(observer => service.UpdateProjectUserAsync(ProjectId, UserId, role, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(updated), updated.RawJson));
            });
        }
    }
}
