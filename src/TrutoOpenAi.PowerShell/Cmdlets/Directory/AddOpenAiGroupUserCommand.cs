using System.Collections.Generic;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Adds organization users to a group.</summary>
    /// <remarks>
    /// <para>Piped users (Get-OpenAiUser) bind UserId by property name; each is added to the group with POST
    /// /organization/groups/{group_id}/users. The group is looked up once and named in the confirmation prompt. A user
    /// outside the organization or an unknown group gives OpenAiNotFound, a user already in the group
    /// OpenAiInvalidRequest; the pipeline goes on with the next user. Writes nothing unless -PassThru, which writes each
    /// new membership. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$g = Get-OpenAiGroup -Name 'Engineering'; Get-OpenAiUser -Email '*@example.com' | Add-OpenAiGroupUser -GroupId $g.Id -Confirm:$false</code>
    /// <para>Puts every example.com member in the Engineering group.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiGroupUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiGroupUser))]
    [OpenAiOperation("", "POST", "/organization/groups/{group_id}/users")]
    public sealed class AddOpenAiGroupUserCommand : OpenAiCmdlet
    {
        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The user to add (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>Writes each new membership (the member as the group lists it).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private readonly Dictionary<string, string> _groups = new Dictionary<string, string>();

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(UserId, () =>
            {
                if (!_groups.TryGetValue(GroupId, out var group))
                {
                    var found = Await(observer => service.GetGroupAsync(GroupId, observer, CancellationToken));
                    _groups[GroupId] = group = Describe("group", found.Name, found.Id);
                }
                if (!ShouldProcess(group, $"Add user {UserId}")) return;
                Await(observer => service.AddGroupUserAsync(GroupId, UserId, observer, CancellationToken));
                if (PassThru) WriteObject(Await(observer => service.GetGroupUserAsync(GroupId, UserId, observer, CancellationToken)));
            });
        }
    }
}
