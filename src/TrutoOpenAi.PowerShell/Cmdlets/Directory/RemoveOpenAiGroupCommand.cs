using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Deletes groups from the organization.</summary>
    /// <remarks>
    /// <para>Deletes the groups given by -Id or piped in (by their Id or GroupId property) with DELETE
    /// /organization/groups/{group_id}. Members stay in the organization; the group's role assignments and project access
    /// go with it. Each group is looked up first and named in the confirmation prompt. High impact: confirmation is asked
    /// unless -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup -Name 'temp-*' | Remove-OpenAiGroup -Confirm:$false</code>
    /// <para>Deletes every group whose name starts with temp-.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(OpenAiGroup))]
    [OpenAiOperation("", "DELETE", "/organization/groups/{group_id}")]
    public sealed class RemoveOpenAiGroupCommand : OpenAiCmdlet
    {
        /// <summary>The group to delete (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the deleted group.</summary>
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
                var current = Await(observer => service.GetGroupAsync(Id, observer, CancellationToken));
                if (!ShouldChange(Describe("group", current.Name, current.Id), "Delete", Force)) return;
                Await(observer => service.DeleteGroupAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(current);
            });
        }
    }
}
