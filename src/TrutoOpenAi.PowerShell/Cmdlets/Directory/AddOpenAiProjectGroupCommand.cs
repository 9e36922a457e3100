using System.Collections.Generic;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gives groups access to a project with a project role.</summary>
    /// <remarks>
    /// <para>Piped groups (Get-OpenAiGroup) bind GroupId by property name; each gets access to the project with POST
    /// /organization/projects/{project_id}/groups and the project role -RoleId (a role_... id of that project, from
    /// Get-OpenAiRole -ProjectId). The project is looked up once and named in the confirmation prompt. An unknown group
    /// gives OpenAiNotFound; a role that is not one of the project's, or a group that already has access,
    /// OpenAiInvalidRequest. Writes each new project group. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$p = Get-OpenAiProject -Name 'tenant-00001'; $member = $p | Get-OpenAiRole -Name Member -Type predefined; Get-OpenAiGroup -Name 'eng-*' | Add-OpenAiProjectGroup -ProjectId $p.Id -RoleId $member.Id -Confirm:$false</code>
    /// <para>Gives every eng- group access to a project as members.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiProjectGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiProjectGroup))]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/groups")]
    public sealed class AddOpenAiProjectGroupCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The group to give access (group_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The project role the group gets (role_..., a role of this project).</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string RoleId { get; set; } = string.Empty;

        private readonly Dictionary<string, string> _projects = new Dictionary<string, string>();

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(GroupId, () =>
            {
                if (!_projects.TryGetValue(ProjectId, out var project))
                {
                    var found = Await(observer => new ProjectService(Client).GetAsync(ProjectId, observer, CancellationToken));
                    _projects[ProjectId] = project = Describe("project", found.Name, found.Id);
                }
                if (!ShouldProcess(project, $"Give group {GroupId} access with role {RoleId}")) return;
                WriteObject(Await(observer => service.AddProjectGroupAsync(ProjectId, GroupId, RoleId, observer, CancellationToken)));
            });
        }
    }
}
