using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (conversation items replace thread messages): replaces a message's metadata.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Add-OpenAiConversationItem, Get-OpenAiConversationItem). It still
    /// works against the emulator.</para>
    /// <para>Replaces the metadata of a message (the only field the API lets change). Writes the changed message. Needs an
    /// API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThreadMessage -ThreadId thread_abc123 -First 1 | Set-OpenAiThreadMessage -Metadata @{ reviewed = 'yes' }</code>
    /// <para>Tags the newest message of a thread.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiThreadMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThreadMessage))]
    [OpenAiOperation("update_a_openai_message_by_id", "POST", "/threads/{thread_id}/messages/{message_id}")]
    public sealed class SetOpenAiThreadMessageCommand : OpenAiCmdlet
    {
        /// <summary>Writes the changed object (for a removal or cancel, the API's answer).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The id of the message (msg_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("MessageId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new metadata (replaces the whole map; up to 16 pairs).</summary>
        [Parameter(Mandatory = true)]
        public Hashtable Metadata { get; set; } = new Hashtable();

        protected override void ProcessRecord()
        {
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Message, () =>
            {
                AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                AssistantsFamily.CheckId("Id", Id, "msg_", "a message");
                var body = new JsonObject();
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess($"message {Id} of thread {ThreadId}", "Set metadata")) return;
                var json = body.ToJsonString();
                var result = Await(o => new AssistantsService(Client).UpdateMessageAsync(ThreadId, Id, json, o, CancellationToken));
                if (PassThru) WriteObject(result);
            }));
        }
    }
}
