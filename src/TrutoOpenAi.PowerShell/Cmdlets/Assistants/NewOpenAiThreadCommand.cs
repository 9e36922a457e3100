using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use New-OpenAiConversation instead): creates a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (New-OpenAiConversation). It still works against the emulator.</para>
    /// <para>Creates a thread, optionally holding -Message (user messages, in order). Writes the thread; it carries ThreadId,
    /// so it pipes into Add-OpenAiThreadMessage and New-OpenAiThreadRun. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiThread -Message 'Solve 3x + 11 = 14'</code>
    /// <para>Creates a thread with one user message.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThread))]
    [OpenAiOperation("create_a_openai_thread", "POST", "/threads")]
    public sealed class NewOpenAiThreadCommand : OpenAiCmdlet
    {
        /// <summary>User messages to start the thread with, in order.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Message { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the thread with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(null, () => AssistantsFamily.Guard(AssistantsPart.Thread, () =>
            {
                var body = new JsonObject();
                if (Message != null)
                {
                    var messages = new JsonArray();
                    foreach (var text in Message) messages.Add(AssistantsFamily.Message(text));
                    body["messages"] = messages;
                }
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess($"thread with {Message?.Length ?? 0} message(s)", "Create")) return;
                var json = body.ToJsonString();
                WriteObject(Await(o => new AssistantsService(Client).CreateThreadAsync(json, o, CancellationToken)));
            }));
        }
    }
}
