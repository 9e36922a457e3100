using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Remove-OpenAiConversationItem instead): deletes a message of a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Remove-OpenAiConversationItem). It still works against the emulator.</para>
    /// <para>Deletes the messages given by -ThreadId and -Id or piped in from Get-OpenAiThreadMessage. Each is looked up
    /// first (ConfirmImpact High). Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThreadMessage -ThreadId thread_abc123 -First 1 | Remove-OpenAiThreadMessage -Confirm:$false</code>
    /// <para>Deletes the newest message of a thread.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiThreadMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_message_by_id", "DELETE", "/threads/{thread_id}/messages/{message_id}")]
    public sealed class RemoveOpenAiThreadMessageCommand : OpenAiCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The id of the message to delete (msg_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("MessageId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Message, () =>
            {
                AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                AssistantsFamily.CheckId("Id", Id, "msg_", "a message");
                var current = Await(o => service.GetMessageAsync(ThreadId, Id, o, CancellationToken));
                if (!ShouldChange($"{current.Role} message {current.Id} of thread {ThreadId}", "Delete", Force)) return;
                var deletion = Await(o => service.DeleteMessageAsync(ThreadId, Id, o, CancellationToken));
                if (PassThru) WriteObject(deletion);
            }));
        }
    }
}
