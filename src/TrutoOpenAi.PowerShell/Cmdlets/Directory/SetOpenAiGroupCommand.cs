using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Renames a group.</summary>
    /// <remarks>
    /// <para>Renames the group given by -Id or piped in (by its Id or GroupId property) with POST
    /// /organization/groups/{group_id}. The group is looked up first and named in the confirmation prompt. Writes the
    /// renamed group with -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiGroup -Name 'Engineering' | Set-OpenAiGroup -Name 'Engineering (all)' -PassThru -Confirm:$false</code>
    /// <para>Renames a group and writes it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiGroup))]
    [OpenAiOperation("", "POST", "/organization/groups/{group_id}")]
    public sealed class SetOpenAiGroupCommand : OpenAiCmdlet
    {
        /// <summary>The group to rename (group_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("GroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new name of the group (1 to 255 characters).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Writes the renamed group.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetGroupAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("group", current.Name, current.Id), $"Rename to '{Name}'")) return;
                var updated = Await(observer => service.UpdateGroupAsync(Id, Name, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
