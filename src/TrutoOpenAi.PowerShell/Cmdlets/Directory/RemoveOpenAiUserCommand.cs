using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Removes a user from the organization.</summary>
    /// <remarks>
    /// <para>Deletes the users given by -Id or piped in (by their Id or UserId property): they lose access to the
    /// organization and all its projects. High impact: PowerShell asks for confirmation unless -Confirm:$false. The API
    /// refuses to remove the organization's last owner (OpenAiInvalidRequest). Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiUser -Email '*@contoso.com' | Remove-OpenAiUser -WhatIf</code>
    /// <para>Shows which members would be removed.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(User))]
    [OpenAiOperation("delete_a_openai_user_by_id", "DELETE", "/organization/users/{user_id}")]
    public sealed class RemoveOpenAiUserCommand : OpenAiCmdlet
    {
        /// <summary>The id of the user (user-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("UserId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the user that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetUserAsync(Id, observer, CancellationToken));
                if (!ShouldChange(Describe("user", current.Email ?? current.Name, current.Id), "Remove from the organization", Force)) return;
                Await(observer => service.DeleteUserAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(current), current.RawJson));
            });
        }
    }
}
