using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the groups that have access to projects.</summary>
    /// <remarks>
    /// <para>Piped projects bind ProjectId by property name. Lists the groups with access to each project (GET
    /// /organization/projects/{project_id}/groups), streaming page by page with the 'next' cursor; -Name filters by group
    /// name on the client (wildcards allowed). With -GroupId, gets those project groups (GET
    /// /organization/projects/{project_id}/groups/{group_id}); a group without access gives OpenAiNotFound. Each project
    /// group has ProjectId and GroupId, so it pipes into Get-OpenAiGroupRole, Add-OpenAiGroupRole and
    /// Remove-OpenAiProjectGroup. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectGroup | Format-Table ProjectId, GroupName</code>
    /// <para>Lists which groups have access to each tenant project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiProjectGroup))]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/groups", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/groups/{group_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiProjectGroupCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Ids of the groups to get (group_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] GroupId { get; set; } = new string[0];

        /// <summary>Only groups whose name matches; wildcards are allowed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in GroupId)
                    Try(id, () => WriteObject(Await(observer => service.GetProjectGroupAsync(ProjectId, id, observer, CancellationToken))));
                return;
            }
            Try(ProjectId, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                WritePages(service.ListProjectGroups(ProjectId, EffectivePageSize(filtersLocally: pattern != null)),
                    pattern is null ? null : new System.Func<OpenAiProjectGroup, bool>(g => pattern.IsMatch(g.GroupName ?? "")));
            });
        }
    }
}
