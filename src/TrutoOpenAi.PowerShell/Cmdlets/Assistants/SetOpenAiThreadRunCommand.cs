using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (responses replace runs): replaces a run's metadata.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Invoke-OpenAiResponse). It still works against the emulator.</para>
    /// <para>Replaces the metadata of a run (the only field the API lets change). Writes the changed run. Needs an API
    /// key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThreadRun -ThreadId thread_abc123 -RunId run_abc123 | Set-OpenAiThreadRun -Metadata @{ ticket = '7' }</code>
    /// <para>Tags a run.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiThreadRun", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThreadRun))]
    [OpenAiOperation("update_a_openai_run_by_id", "POST", "/threads/{thread_id}/runs/{run_id}")]
    public sealed class SetOpenAiThreadRunCommand : ThreadRunCmdlet
    {
        /// <summary>Writes the changed object (for a removal or cancel, the API's answer).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The new metadata (replaces the whole map; up to 16 pairs).</summary>
        [Parameter(Mandatory = true)]
        public Hashtable Metadata { get; set; } = new Hashtable();

        protected override void ProcessRecord()
        {
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Run, () =>
            {
                CheckIds();
                var body = new JsonObject();
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess($"run {Id} of thread {ThreadId}", "Set metadata")) return;
                var json = body.ToJsonString();
                var result = Await(o => new AssistantsService(Client).UpdateRunAsync(ThreadId, Id, json, o, CancellationToken));
                if (PassThru) WriteObject(result);
            }));
        }
    }
}
