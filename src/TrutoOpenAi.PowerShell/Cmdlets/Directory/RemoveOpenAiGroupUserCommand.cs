using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Removes users from a group.</summary>
    /// <remarks>
    /// <para>Piped group members (Get-OpenAiGroupUser) bind GroupId and UserId by property name; piped users bind UserId,
    /// with -GroupId given. Each member is looked up first (GET /organization/groups/{group_id}/users/{user_id}) and named
    /// in the confirmation prompt, then removed with DELETE /organization/groups/{group_id}/users/{user_id}. The user
    /// stays in the organization. A user who is not a member gives OpenAiNotFound. High impact: confirmation is asked
    /// unless -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup -Name 'Engineering' | Get-OpenAiGroupUser -Email '*@contoso.com' | Remove-OpenAiGroupUser -Confirm:$false</code>
    /// <para>Removes the contoso.com members from the Engineering group.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiGroupUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(OpenAiGroupUser))]
    [OpenAiOperation("", "DELETE", "/organization/groups/{group_id}/users/{user_id}")]
    public sealed class RemoveOpenAiGroupUserCommand : OpenAiCmdlet
    {
        /// <summary>The group (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string GroupId { get; set; } = string.Empty;

        /// <summary>The member to remove (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>Writes the member that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(UserId, () =>
            {
                var member = Await(observer => service.GetGroupUserAsync(GroupId, UserId, observer, CancellationToken));
                if (!ShouldChange(Describe("group member", member.Email ?? member.Name, $"{member.Id} in {GroupId}"), "Remove from the group", Force)) return;
                Await(observer => service.RemoveGroupUserAsync(GroupId, UserId, observer, CancellationToken));
                if (PassThru) WriteObject(member);
            });
        }
    }
}
