using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Invoke-OpenAiResponse -ConversationId instead): starts a run of an assistant on a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (runs became responses: Invoke-OpenAiResponse -ConversationId). It
    /// still works against the emulator.</para>
    /// <para>Starts a run of -AssistantId on the thread (-ThreadId, or a thread piped in). -Model, -Instructions and -Tool
    /// override the assistant's for this run; -AdditionalMessage adds user messages first. Writes the run, queued; pipe it
    /// into Wait-OpenAiThreadRun. A run whose assistant calls a function stops at requires_action: answer with
    /// Submit-OpenAiThreadRunToolOutput. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiThread -Message 'What is 2 + 2?' | New-OpenAiThreadRun -AssistantId asst_abc123 | Wait-OpenAiThreadRun</code>
    /// <para>Runs an assistant on a new thread and waits for it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiThreadRun", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThreadRun))]
    [OpenAiOperation("create_a_openai_run", "POST", "/threads/{thread_id}/runs")]
    public sealed class NewOpenAiThreadRunCommand : OpenAiCmdlet
    {
        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The assistant to run (asst_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AssistantId { get; set; } = string.Empty;

        /// <summary>A model for this run instead of the assistant's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>Instructions for this run instead of the assistant's.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>Instructions added to the assistant's for this run.</summary>
        [Parameter]
        public string? AdditionalInstructions { get; set; }

        /// <summary>User messages added to the thread before the run.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? AdditionalMessage { get; set; }

        /// <summary>Tools for this run instead of the assistant's (hashtables or JSON).</summary>
        [Parameter]
        public object[]? Tool { get; set; }

        /// <summary>The most completion tokens the run may use (at least 256); past it the run ends incomplete.</summary>
        [Parameter]
        [ValidateRange(256, int.MaxValue)]
        public int? MaxCompletionTokens { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the run with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(ThreadId, () => AssistantsFamily.Guard(AssistantsPart.Run, () =>
            {
                AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                AssistantsFamily.CheckId("AssistantId", AssistantId, "asst_", "an assistant");
                var body = new JsonObject { ["assistant_id"] = AssistantId };
                AssistantsFamily.Put(body, "model", Model);
                AssistantsFamily.Put(body, "instructions", Instructions);
                AssistantsFamily.Put(body, "additional_instructions", AdditionalInstructions);
                if (AdditionalMessage != null)
                {
                    var messages = new JsonArray();
                    foreach (var text in AdditionalMessage) messages.Add(AssistantsFamily.Message(text));
                    body["additional_messages"] = messages;
                }
                AssistantsFamily.Put(body, "tools", AssistantsFamily.Tools(Tool));
                AssistantsFamily.Put(body, "max_completion_tokens", MaxCompletionTokens);
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess($"thread {ThreadId}", $"Run assistant {AssistantId}")) return;
                var json = body.ToJsonString();
                WriteObject(Await(o => new AssistantsService(Client).CreateRunAsync(ThreadId, json, o, CancellationToken)));
            }));
        }
    }
}
