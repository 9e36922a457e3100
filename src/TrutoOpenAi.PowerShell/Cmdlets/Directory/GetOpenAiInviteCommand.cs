using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the organization's invites.</summary>
    /// <remarks>
    /// <para>Without -Id, lists every invite (pending, accepted and expired), page by page. -Status and -Email (wildcards
    /// allowed) filter them. Each invite has Id and InviteId, Email, Role, Status, CreatedAt, ExpiresAt, AcceptedAt and
    /// Projects. For invitees as unified users, use Get-OpenAiUser -IncludeInvited. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiInvite | Where-Object Status -eq expired | Remove-OpenAiInvite -Confirm:$false</code>
    /// <para>Deletes every expired invite.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiInvite -Status pending -Email '*@contoso.com'</code>
    /// <para>Lists the pending invites of contoso.com addresses.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiInvite", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiInvite))]
    [OpenAiOperation("list_all_openai_invites", "GET", "/organization/invites", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_invite_by_id", "GET", "/organization/invites/{invite_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiInviteCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the invites to get (invite-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("InviteId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only invites with this status: pending, accepted or expired.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("pending", "accepted", "expired", IgnoreCase = true)]
        public string? Status { get; set; }

        /// <summary>Only invites for addresses matching this pattern; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Email { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id) Try(id, () => WriteObject(Await(observer => service.GetInviteAsync(id, observer, CancellationToken))));
                return;
            }
            Try(null, () =>
            {
                var pattern = string.IsNullOrEmpty(Email) ? null : new WildcardPattern(Email, WildcardOptions.IgnoreCase);
                var filtering = pattern != null || Status != null;
                var pager = service.ListInvites(EffectivePageSize(filtersLocally: filtering));
                WritePages(pager, filtering
                    ? invite => (Status == null || string.Equals(invite.Status, Status, System.StringComparison.OrdinalIgnoreCase)) &&
                                (pattern == null || pattern.IsMatch(invite.Email ?? string.Empty))
                    : (System.Func<OpenAiInvite, bool>?)null);
            });
        }
    }
}
