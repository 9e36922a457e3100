using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Changes a user's organization role (owner or reader).</summary>
    /// <remarks>
    /// <para>Modifies the users given by -Id or piped in (by their Id or UserId property). The target is looked up first
    /// and named in the confirmation prompt. A role other than owner or reader is refused before any request
    /// (OpenAiInvalidRole). The organization's last owner cannot be demoted: the API answers OpenAiInvalidRequest.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUser -Email '*@contoso.com' | Set-OpenAiUser -Role reader -Confirm:$false</code>
    /// <para>Makes every contoso.com member a reader.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(User))]
    [OpenAiOperation("update_a_openai_user_by_id", "POST", "/organization/users/{user_id}")]
    public sealed class SetOpenAiUserCommand : OpenAiCmdlet
    {
        /// <summary>The id of the user (user-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new organization role: owner or reader.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        public string Role { get; set; } = string.Empty;

        /// <summary>Writes the updated user.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(Id, () =>
            {
                var role = DirectoryOutput.ValidRole(Role, DirectoryOutput.OrganizationRoles, "organization");
                var current = Await(observer => service.GetUserAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("user", current.Email ?? current.Name, current.Id), $"Set organization role to '{role}'")) return;
                var updated = Await(observer => service.UpdateUserAsync(Id, role, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(updated), updated.RawJson));
            });
        }
    }
}
