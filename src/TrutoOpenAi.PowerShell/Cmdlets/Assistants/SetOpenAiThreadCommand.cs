using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Set-OpenAiConversation instead): replaces a thread's metadata.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Set-OpenAiConversation). It still works against the emulator.</para>
    /// <para>Replaces the metadata of the threads given by -Id or piped in. Writes the changed thread. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiThread -Id thread_abc123 -Metadata @{ customer = '42' }</code>
    /// <para>Tags a thread.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiThread", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThread))]
    [OpenAiOperation("update_a_openai_thread_by_id", "POST", "/threads/{thread_id}")]
    public sealed class SetOpenAiThreadCommand : OpenAiCmdlet
    {
        /// <summary>Writes the changed object (for a removal or cancel, the API's answer).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ThreadId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new metadata (replaces the whole map; up to 16 pairs).</summary>
        [Parameter(Mandatory = true)]
        public Hashtable Metadata { get; set; } = new Hashtable();

        protected override void ProcessRecord()
        {
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Thread, () =>
            {
                AssistantsFamily.CheckId("Id", Id, "thread_", "a thread");
                var body = new JsonObject();
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess($"thread {Id}", "Set metadata")) return;
                var json = body.ToJsonString();
                var result = Await(o => new AssistantsService(Client).UpdateThreadAsync(Id, json, o, CancellationToken));
                if (PassThru) WriteObject(result);
            }));
        }
    }
}
