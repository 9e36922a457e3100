using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Wait-OpenAiResponse instead): waits for runs to stop, showing their progress.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Invoke-OpenAiResponse -Background with Wait-OpenAiResponse). It still
    /// works against the emulator.</para>
    /// <para>Reads each run (-ThreadId and -Id, or runs piped in) every -PollInterval seconds, showing its status, until it
    /// stops. A completed run is written; so is a run in requires_action (answer its ToolCalls with
    /// Submit-OpenAiThreadRunToolOutput). A failed, expired or incomplete run is an OpenAiThreadRunFailed error whose
    /// message carries the run's last_error (or incomplete reason) and whose TargetObject is the run, never a quiet object.
    /// A cancelled run is written with a warning. -Timeout gives up after that many seconds (OpenAiWaitTimeout). Needs an
    /// API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiThread -Message 'Hello' | New-OpenAiThreadRun -AssistantId asst_abc123 | Wait-OpenAiThreadRun | Get-OpenAiThreadMessage -First 1</code>
    /// <para>Runs an assistant, waits, and reads its answer.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "OpenAiThreadRun")]
    [OutputType(typeof(OpenAiThreadRun))]
    public sealed class WaitOpenAiThreadRunCommand : OpenAiWaitCmdlet<OpenAiThreadRun>
    {
        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The id of the run (run_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RunId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string FailedErrorId => "OpenAiThreadRunFailed";

        protected override string Describe(OpenAiThreadRun run) => $"Run {run.Id} of thread {run.ThreadId}";

        protected override PollStatus Classify(OpenAiThreadRun run)
        {
            var status = run.Status ?? "unknown";
            return status switch
            {
                "completed" => new PollStatus(PollState.Done, status, 100),
                "requires_action" => new PollStatus(PollState.Done, $"requires_action: {run.ToolCalls.Count} tool call(s) to answer"),
                "cancelled" => new PollStatus(PollState.Stopped, status),
                "failed" or "expired" => new PollStatus(PollState.Failed, status, -1, run.LastError?.Code, run.LastError?.Message),
                "incomplete" => new PollStatus(PollState.Failed, status, -1, "incomplete", Reason(run)),
                _ => new PollStatus(PollState.Pending, status),
            };
        }

        private static string? Reason(OpenAiThreadRun run) =>
            run.IncompleteDetails is { ValueKind: JsonValueKind.Object } details && details.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                ? "reason " + reason.GetString()
                : run.LastError?.Message;

        protected override void ProcessRecord()
        {
            var threadId = ThreadId;
            var id = Id;
            Try($"run {id}", () =>
            {
                AssistantsFamily.CheckId("ThreadId", threadId, "thread_", "a thread");
                AssistantsFamily.CheckId("Id", id, "run_", "a run");
                Enqueue($"run {id}", (observer, cancellationToken) => ReadAsync(threadId, id, observer, cancellationToken));
            });
        }

        private async Task<OpenAiThreadRun> ReadAsync(string threadId, string id, IOpenAiCallObserver observer, CancellationToken cancellationToken)
        {
            try
            {
                return await new AssistantsService(Client).GetRunAsync(threadId, id, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (OpenAiApiException api) when (AssistantsApi.IsRetirement(api))
            {
                throw new OpenAiApiRetiredException(api, AssistantsFamily.Replacement(AssistantsPart.Run));
            }
        }
    }
}
