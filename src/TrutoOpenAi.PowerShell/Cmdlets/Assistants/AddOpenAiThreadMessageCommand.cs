using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Add-OpenAiConversationItem instead): adds a message to a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Add-OpenAiConversationItem). It still works against the emulator.</para>
    /// <para>Appends -Content as a message of -Role (user by default) to the thread (-ThreadId, or a thread piped in);
    /// strings piped in become one message each, in order. The verb is Add, not New: a message exists only inside its
    /// thread and is appended to the thread's sequence (PowerShell's Add: "adds a resource to a container"), as
    /// Add-OpenAiConversationItem does for conversations. While a run of the thread is active the API refuses new
    /// messages; its own message comes back as an OpenAiInvalidRequest error. Writes the new message. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThread -Id thread_abc123 | Add-OpenAiThreadMessage 'What is 2 + 2?'</code>
    /// <para>Adds a user message to a thread.</para>
    /// </example>
    /// <example>
    /// <code>'first', 'second' | Add-OpenAiThreadMessage -ThreadId thread_abc123</code>
    /// <para>Adds two messages, in order.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiThreadMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThreadMessage))]
    [OpenAiOperation("create_a_openai_message", "POST", "/threads/{thread_id}/messages")]
    public sealed class AddOpenAiThreadMessageCommand : OpenAiCmdlet
    {
        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The text of the message.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [Alias("Message", "Text")]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; } = string.Empty;

        /// <summary>user (the default) or assistant.</summary>
        [Parameter]
        [ValidateSet("user", "assistant")]
        public string Role { get; set; } = "user";

        /// <summary>Up to 16 key/value pairs to tag the message with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(ThreadId, () => AssistantsFamily.Guard(AssistantsPart.Message, () =>
            {
                AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                var body = AssistantsFamily.Message(Content, Role);
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess($"thread {ThreadId}", $"Add a {Role} message")) return;
                var json = body.ToJsonString();
                WriteObject(Await(o => new AssistantsService(Client).CreateMessageAsync(ThreadId, json, o, CancellationToken)));
            }));
        }
    }
}
