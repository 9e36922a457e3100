using System.Management.Automation;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Deletes an invite.</summary>
    /// <remarks>
    /// <para>Deletes the invites given by -Id or piped in (by their Id or InviteId property). Accepted invites cannot be
    /// deleted: the API answers OpenAiInvalidRequest and the pipeline goes on with the next invite. High impact:
    /// confirmation is asked unless -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiInvite | Where-Object Status -eq expired | Remove-OpenAiInvite -Confirm:$false</code>
    /// <para>Deletes every expired invite.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiInvite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(PSObject))]
    [OpenAiOperation("delete_a_openai_invite_by_id", "DELETE", "/organization/invites/{invite_id}")]
    public sealed class RemoveOpenAiInviteCommand : OpenAiCmdlet
    {
        /// <summary>The id of the invite (invite-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("InviteId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The invite's address, when piped, to name the invite in the confirmation prompt.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Email { get; set; }

        /// <summary>Writes the id and email of the deleted invite.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            Try(Id, () =>
            {
                if (!ShouldChange(Describe("invite for", Email, Id), "Delete", Force)) return;
                Await(observer => new DirectoryService(Client).DeleteInviteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(new PSObject(new { InviteId = Id, Email }));
            });
        }
    }
}
