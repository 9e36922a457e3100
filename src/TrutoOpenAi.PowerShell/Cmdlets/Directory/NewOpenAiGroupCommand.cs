using System.Management.Automation;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Creates groups in the organization.</summary>
    /// <remarks>
    /// <para>Creates a group per name (POST /organization/groups); names can be piped, or bound by property name from
    /// objects with a Name (Import-Csv). Writes each new group. A name longer than 255 characters gives
    /// OpenAiInvalidRequest. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$group = New-OpenAiGroup -Name 'Engineering' -Confirm:$false; Get-OpenAiUser -Email '*@example.com' | Add-OpenAiGroupUser -GroupId $group.Id -Confirm:$false</code>
    /// <para>Creates a group and puts every example.com member in it.</para>
    /// </example>
    /// <example>
    /// <code>'eng-platform', 'eng-payments' | New-OpenAiGroup -Confirm:$false</code>
    /// <para>Creates two groups from piped names.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiGroup))]
    [OpenAiOperation("", "POST", "/organization/groups")]
    public sealed class NewOpenAiGroupCommand : OpenAiCmdlet
    {
        /// <summary>The name of the group (1 to 255 characters).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            Try(Name, () =>
            {
                if (!ShouldProcess($"group '{Name}'", "Create")) return;
                WriteObject(Await(observer => new DirectoryService(Client).CreateGroupAsync(Name, observer, CancellationToken)));
            });
        }
    }
}
