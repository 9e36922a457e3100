using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the organization's users as unified User objects.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the organization's members page by page and writes each as a unified User (Truto's user
    /// directory model: Id, UserId, Name, FirstName, LastName, Email, Emails, Status, Role, Roles, Projects, UserType,
    /// CreatedAt, LastActiveAt) with RemoteData, the OpenAI object exactly as the API sent it, parsed.</para>
    /// <para>-Email filters by address. Exact addresses are sent to the API's own emails filter; addresses with wildcards
    /// (*@contoso.com) are matched here, on every page. -IncludeInvited also writes the organization's pending invites as
    /// users with Status 'invited' (their Id is the invite id, UserId is empty). Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUser -Email '*@example.com' | Format-Table Name, Email, Role, Status</code>
    /// <para>Lists the members whose address ends in @example.com.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiUser -Email admin@example.com | Select-Object -ExpandProperty RemoteData</code>
    /// <para>Finds one member through the API's emails filter and shows the raw OpenAI object.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiUser -IncludeInvited | Group-Object Status</code>
    /// <para>Counts members and pending invitees.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(User))]
    [OpenAiOperation("list_all_openai_users", "GET", "/organization/users", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_user_by_id", "GET", "/organization/users/{user_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiUserCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the users to get (user-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only users with these addresses; wildcards are allowed (matched client-side), exact addresses use the API's filter.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string[]? Email { get; set; }

        /// <summary>Only users with this organization role (owner or reader).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("owner", "reader", IgnoreCase = true)]
        public string? Role { get; set; }

        /// <summary>Also writes pending invites, as users with Status 'invited'.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeInvited { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    Try(id, () =>
                    {
                        var user = Await(observer => service.GetUserAsync(id, observer, CancellationToken));
                        WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(user), user.RawJson));
                    });
                }
                return;
            }

            Try(null, () =>
            {
                var patterns = (Email ?? new string[0]).Where(e => WildcardPattern.ContainsWildcardCharacters(e))
                    .Select(e => new WildcardPattern(e, WildcardOptions.IgnoreCase)).ToList();
                var exact = (Email ?? new string[0]).Where(e => !WildcardPattern.ContainsWildcardCharacters(e)).ToList();
                var filtering = patterns.Count > 0 || Role != null;
                // With only exact addresses the API filters; with wildcards every user is read and matched here.
                var apiEmails = patterns.Count == 0 && exact.Count > 0 ? exact : null;
                var pageSize = EffectivePageSize(filtersLocally: filtering);
                var pager = service.ListUsers(pageSize, apiEmails);
                WritePages(pager,
                    user => (Role == null || string.Equals(user.Role, Role, System.StringComparison.OrdinalIgnoreCase)) &&
                            (patterns.Count == 0 || patterns.Any(p => p.IsMatch(user.Email ?? string.Empty)) ||
                             exact.Any(e => string.Equals(e, user.Email, System.StringComparison.OrdinalIgnoreCase))),
                    user => DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(user), user.RawJson));

                if (IncludeInvited)
                {
                    var invites = service.ListInvites(null);
                    while (true)
                    {
                        var page = Await(observer => invites.NextPageAsync(observer, CancellationToken));
                        if (page is null) break;
                        foreach (var invite in page.Where(i => i.Status == "pending"))
                        {
                            if (Role != null && !string.Equals(invite.Role, Role, System.StringComparison.OrdinalIgnoreCase)) continue;
                            if ((Email?.Length ?? 0) > 0 && !patterns.Any(p => p.IsMatch(invite.Email ?? "")) &&
                                !exact.Any(e => string.Equals(e, invite.Email, System.StringComparison.OrdinalIgnoreCase))) continue;
                            WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(invite), invite.RawJson));
                        }
                    }
                }
            });
        }
    }
}
