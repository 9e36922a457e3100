using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the groups of the organization.</summary>
    /// <remarks>
    /// <para>Without -Id, lists every group (GET /organization/groups), streaming page by page with the 'next' cursor;
    /// -Name filters by name on the client (wildcards allowed). With -Id (or piped objects with an Id or GroupId), gets
    /// those groups (GET /organization/groups/{group_id}). Each group has Id and GroupId, so it pipes into
    /// Get-OpenAiGroupUser, Add-OpenAiGroupUser, Add-OpenAiGroupRole and Add-OpenAiProjectGroup. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup -Name 'eng-*'</code>
    /// <para>Lists the groups whose name starts with eng-.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiGroup | Get-OpenAiGroupUser | Group-Object GroupId | Select-Object Name, Count</code>
    /// <para>Counts the members of every group.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiGroup", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiGroup))]
    [OpenAiOperation("", "GET", "/organization/groups", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/organization/groups/{group_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiGroupCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the groups to get (group_...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only groups whose name matches; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                    Try(id, () => WriteObject(Await(observer => service.GetGroupAsync(id, observer, CancellationToken))));
                return;
            }
            Try(null, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                WritePages(service.ListGroups(EffectivePageSize(filtersLocally: pattern != null)),
                    pattern is null ? null : new System.Func<OpenAiGroup, bool>(g => pattern.IsMatch(g.Name ?? "")));
            });
        }
    }
}
