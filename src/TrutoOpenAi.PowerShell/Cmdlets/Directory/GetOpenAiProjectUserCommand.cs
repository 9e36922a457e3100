using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the users of a project as unified User objects scoped to the project.</summary>
    /// <remarks>
    /// <para>Lists the members of the projects given by -ProjectId or piped in (Get-OpenAiProject objects bind by their
    /// ProjectId property). Each member is written as a unified User whose ProjectId is the project, whose Role is the
    /// project role (owner or member), and whose Projects and Roles name the project; RemoteData is the raw
    /// organization.project.user object. With -UserId, gets those members only. Archived projects have no users: the
    /// API answers OpenAiInvalidRequest. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectUser | Where-Object Role -eq owner</code>
    /// <para>Lists the owners of every tenant project.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProjectUser -ProjectId proj_abc123 -UserId user-abc123</code>
    /// <para>Gets one member of one project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(User))]
    [OpenAiOperation("list_all_openai_project_users", "GET", "/organization/projects/{project_id}/users", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_project_user_by_id", "GET", "/organization/projects/{project_id}/users/{user_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiProjectUserCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Ids of the members to get (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = new string[0];

        /// <summary>Only members with this project role (owner or member).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("owner", "member", IgnoreCase = true)]
        public string? Role { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in UserId)
                {
                    Try(id, () =>
                    {
                        var member = Await(observer => service.GetProjectUserAsync(ProjectId, id, observer, CancellationToken));
                        WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(member), member.RawJson));
                    });
                }
                return;
            }
            Try(ProjectId, () =>
            {
                var pager = service.ListProjectUsers(ProjectId, EffectivePageSize(filtersLocally: Role != null));
                WritePages(pager,
                    Role is null ? null : m => string.Equals(m.Role, Role, System.StringComparison.OrdinalIgnoreCase),
                    m => DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(m), m.RawJson));
            });
        }
    }
}
