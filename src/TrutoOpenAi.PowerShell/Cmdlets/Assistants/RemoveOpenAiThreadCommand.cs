using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Remove-OpenAiConversation instead): deletes a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Remove-OpenAiConversation). It still works against the emulator.</para>
    /// <para>Deletes the threads given by -Id or piped in, with their messages and runs. Each is looked up first
    /// (ConfirmImpact High). Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiThread -Id thread_abc123 -Confirm:$false</code>
    /// <para>Deletes one thread.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_thread_by_id", "DELETE", "/threads/{thread_id}")]
    public sealed class RemoveOpenAiThreadCommand : OpenAiCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the thread to delete (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ThreadId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Thread, () =>
            {
                AssistantsFamily.CheckId("Id", Id, "thread_", "a thread");
                var current = Await(o => service.GetThreadAsync(Id, o, CancellationToken));
                if (!ShouldChange($"thread {current.Id}", "Delete", Force)) return;
                var deletion = Await(o => service.DeleteThreadAsync(Id, o, CancellationToken));
                if (PassThru) WriteObject(deletion);
            }));
        }
    }
}
