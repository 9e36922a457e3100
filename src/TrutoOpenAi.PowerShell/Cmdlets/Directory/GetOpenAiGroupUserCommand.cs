using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the members of groups.</summary>
    /// <remarks>
    /// <para>Piped groups bind GroupId by property name. Lists the members of each group (GET
    /// /organization/groups/{group_id}/users), streaming page by page with the 'next' cursor; -Email filters on the client
    /// (wildcards allowed). With -UserId, gets those members (GET /organization/groups/{group_id}/users/{user_id}); a user
    /// who is not a member gives OpenAiNotFound. Each member has Id, UserId and GroupId, so it pipes into
    /// Remove-OpenAiGroupUser. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup -Name 'Engineering' | Get-OpenAiGroupUser</code>
    /// <para>Lists the members of the Engineering group.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiGroupUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiGroupUser))]
    [OpenAiOperation("", "GET", "/organization/groups/{group_id}/users", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/organization/groups/{group_id}/users/{user_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiGroupUserCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>Ids of the members to get (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = new string[0];

        /// <summary>Only members whose email address matches; wildcards are allowed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Email { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in UserId)
                    Try(id, () => WriteObject(Await(observer => service.GetGroupUserAsync(GroupId, id, observer, CancellationToken))));
                return;
            }
            Try(GroupId, () =>
            {
                var pattern = string.IsNullOrEmpty(Email) ? null : new WildcardPattern(Email, WildcardOptions.IgnoreCase);
                WritePages(service.ListGroupUsers(GroupId, EffectivePageSize(filtersLocally: pattern != null)),
                    pattern is null ? null : new System.Func<OpenAiGroupUser, bool>(u => pattern.IsMatch(u.Email ?? "")));
            });
        }
    }
}
