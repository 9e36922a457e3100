using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Adds an organization member to a project.</summary>
    /// <remarks>
    /// <para>Adds the user given by -UserId (or -Email) to the project with the given role (owner or member; default
    /// member). Users must already be members of the organization: invite others with New-OpenAiInvite first. Piping
    /// organization users (Get-OpenAiUser) binds their UserId. A user already in the project, an archived project, or a
    /// person outside the organization gives OpenAiInvalidRequest with the API's message. Writes the new project user.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUser -Email '*@contoso.com' | Add-OpenAiProjectUser -ProjectId proj_abc123 -Role member</code>
    /// <para>Adds every contoso.com member to a project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiProjectUser", DefaultParameterSetName = ByIdSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    [OpenAiOperation("create_a_openai_project_user", "POST", "/organization/projects/{project_id}/users")]
    public sealed class AddOpenAiProjectUserCommand : OpenAiCmdlet
    {
        private const string ByIdSet = "ById";
        private const string ByEmailSet = "ByEmail";

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The organization user to add (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>The address of the organization member to add.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByEmailSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = string.Empty;

        /// <summary>The project role: owner or member (the default).</summary>
        [Parameter(Position = 2)]
        public string Role { get; set; } = "member";

        protected override void ProcessRecord()
        {
            var who = ParameterSetName == ByIdSet ? UserId : Email;
            Try(who, () =>
            {
                var role = DirectoryOutput.ValidRole(Role, DirectoryOutput.ProjectRoles, "project");
                if (!ShouldProcess($"project {ProjectId}", $"Add user {who} as {role}")) return;
                var member = Await(observer => new DirectoryService(Client).AddProjectUserAsync(ProjectId,
                    ParameterSetName == ByIdSet ? UserId : null, ParameterSetName == ByEmailSet ? Email : null, role, observer, CancellationToken));
                WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(member), member.RawJson));
            });
        }
    }
}
