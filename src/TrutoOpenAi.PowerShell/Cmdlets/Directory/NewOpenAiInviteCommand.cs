using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Invites a person to the organization.</summary>
    /// <remarks>
    /// <para>Sends an invite to -Email with the organization role -Role (reader or owner). Email and Role bind by property
    /// name, so a CSV with Email and Role columns can be piped from Import-Csv. -ProjectId grants project membership when
    /// the invite is accepted (with -ProjectRole, member by default); without it the API adds the invitee to the default
    /// project, and -NoProject invites to no project at all.</para>
    /// <para>Errors, one per failed input, as the API gives them: an unknown role is refused before any request
    /// (OpenAiInvalidRole); an address that is already a member, or that has a pending invite, an invalid address, or
    /// an unknown project: OpenAiInvalidRequest with the API's message. More than 100 projects in one invite is refused
    /// before any request (OpenAiTooManyProjects), as the API limits it. Writes the new invite. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Import-Csv users.csv | New-OpenAiInvite -Confirm:$false</code>
    /// <para>Invites everyone in a CSV file with Email and Role columns.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiInvite -Email ada@contoso.com -Role reader -ProjectId proj_abc123 -ProjectRole owner</code>
    /// <para>Invites a reader who becomes owner of one project on accepting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiInvite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiInvite))]
    [OpenAiOperation("create_a_openai_invite", "POST", "/organization/invites")]
    public sealed class NewOpenAiInviteCommand : OpenAiCmdlet
    {
        /// <summary>The largest number of projects one invite may carry.</summary>
        public const int MaxProjects = 100;

        /// <summary>The address to invite.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Email { get; set; } = string.Empty;

        /// <summary>The organization role: reader or owner.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        public string Role { get; set; } = string.Empty;

        /// <summary>Projects the invitee joins on accepting.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>The role in the -ProjectId projects: member (the default) or owner.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string ProjectRole { get; set; } = "member";

        /// <summary>Invites to no project, not even the default one.</summary>
        [Parameter]
        public SwitchParameter NoProject { get; set; }

        protected override void ProcessRecord()
        {
            Try(Email, () =>
            {
                var role = DirectoryOutput.ValidRole(Role, DirectoryOutput.OrganizationRoles, "organization");
                List<OpenAiInviteProject>? projects = null;
                if (NoProject) projects = new List<OpenAiInviteProject>();
                var ids = (ProjectId ?? new string[0]).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct().ToList();
                if (ids.Count > 0)
                {
                    if (ids.Count > MaxProjects)
                        throw new OpenAiValidationException("ProjectId", $"{ids.Count} projects in one invite: the API accepts at most {MaxProjects}.", "OpenAiTooManyProjects");
                    var projectRole = DirectoryOutput.ValidRole(ProjectRole, DirectoryOutput.ProjectRoles, "project");
                    projects = ids.Select(id => new OpenAiInviteProject { Id = id, Role = projectRole }).ToList();
                }
                if (!ShouldProcess($"invite for '{Email}'", $"Create ({role})")) return;
                var body = new InviteCreateRequest { Email = Email.Trim(), Role = role, Projects = projects };
                WriteObject(Await(observer => new DirectoryService(Client).CreateInviteAsync(body, observer, CancellationToken)));
            });
        }
    }
}
