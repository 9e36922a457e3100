using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Invoke-OpenAiResponse -Instructions, or prompts, instead): deletes an assistant.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement. It still works against the emulator.</para>
    /// <para>Deletes the assistants given by -Id or piped in. Each is looked up first and named in the confirmation prompt
    /// (ConfirmImpact High). Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAssistant | Where-Object Name -like 'test*' | Remove-OpenAiAssistant -Confirm:$false</code>
    /// <para>Deletes the test assistants.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiAssistant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_assistant_by_id", "DELETE", "/assistants/{assistant_id}")]
    public sealed class RemoveOpenAiAssistantCommand : OpenAiCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the assistant to delete (asst_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AssistantId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Assistant, () =>
            {
                AssistantsFamily.CheckId("Id", Id, "asst_", "an assistant");
                var current = Await(o => service.GetAssistantAsync(Id, o, CancellationToken));
                if (!ShouldChange(Describe("assistant", current.Name, current.Id), "Delete", Force)) return;
                var deletion = Await(o => service.DeleteAssistantAsync(Id, o, CancellationToken));
                if (PassThru) WriteObject(deletion);
            }));
        }
    }
}
