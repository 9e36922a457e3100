using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (function outputs are input items of Invoke-OpenAiResponse now): submits the outputs of a run's tool calls.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Invoke-OpenAiResponse -InvokeFunction). It still works against the
    /// emulator.</para>
    /// <para>Answers a run in requires_action: -ToolOutput maps each tool call id (from the run's ToolCalls) to its output
    /// text, e.g. @{ call_abc = '{"temperature": 21}' }. The run is read first: a run not in requires_action, or outputs
    /// for calls the run did not make or missing for calls it made, write an OpenAiInvalidArgument error and nothing is
    /// sent. The run goes on (queued again); writes it, so it pipes into Wait-OpenAiThreadRun. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$run = New-OpenAiThread -Message 'get_weather city=Oslo' | New-OpenAiThreadRun -AssistantId asst_abc123 | Wait-OpenAiThreadRun
    /// $outputs = @{}; foreach ($call in $run.ToolCalls) { $outputs[$call.Id] = '21 degrees' }
    /// $run | Submit-OpenAiThreadRunToolOutput -ToolOutput $outputs | Wait-OpenAiThreadRun</code>
    /// <para>Runs an assistant that has a get_weather function tool, answers every function call the run waits on
    /// (requires_action), and waits for the run to finish.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Submit, "OpenAiThreadRunToolOutput", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiThreadRun))]
    [OpenAiOperation("", "POST", "/threads/{thread_id}/runs/{run_id}/submit_tool_outputs")]
    public sealed class SubmitOpenAiThreadRunToolOutputCommand : ThreadRunCmdlet
    {
        /// <summary>The outputs: tool call id (call_...) to output text.</summary>
        [Parameter(Mandatory = true, Position = 2)]
        [ValidateNotNullOrEmpty]
        public Hashtable ToolOutput { get; set; } = new Hashtable();

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.ToolOutput, () =>
            {
                CheckIds();
                var run = Await(o => service.GetRunAsync(ThreadId, Id, o, CancellationToken));
                if (run.Status != "requires_action")
                    throw new OpenAiValidationException("Id", $"Run {run.Id} is {run.Status}, not requires_action: it waits for no tool outputs.");
                var expected = run.ToolCalls.Select(c => c.Id ?? string.Empty).ToList();
                var given = ToolOutput.Keys.Cast<object>().Select(k => k.ToString()).ToList();
                var unknown = given.Except(expected).ToList();
                var missing = expected.Except(given).ToList();
                if (unknown.Count > 0 || missing.Count > 0)
                    throw new OpenAiValidationException("ToolOutput",
                        $"Run {run.Id} waits for outputs of {string.Join(", ", expected)}" +
                        (unknown.Count > 0 ? $"; it made no call {string.Join(", ", unknown)}" : string.Empty) +
                        (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : string.Empty) + ".");
                var outputs = new JsonArray();
                foreach (DictionaryEntry entry in ToolOutput)
                    outputs.Add(new JsonObject { ["tool_call_id"] = entry.Key.ToString(), ["output"] = entry.Value?.ToString() ?? string.Empty });
                if (!ShouldProcess($"run {run.Id} of thread {ThreadId}", $"Submit {outputs.Count} tool output(s)")) return;
                var json = new JsonObject { ["tool_outputs"] = outputs }.ToJsonString();
                WriteObject(Await(o => service.SubmitToolOutputsAsync(ThreadId, Id, json, o, CancellationToken)));
            }));
        }
    }
}
