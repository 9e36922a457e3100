using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Stop-OpenAiResponse instead): cancels a run.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Stop-OpenAiResponse). It still works against the emulator.</para>
    /// <para>Cancels the runs given by -ThreadId and -Id or piped in. The run is looked up first: one already completed,
    /// failed, cancelled, incomplete or expired writes an OpenAiRunAlreadyEnded error and nothing is sent. The API answers
    /// cancelling; the run becomes cancelled shortly after. ConfirmImpact High. Writes nothing unless -PassThru. Needs an
    /// API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThreadRun -ThreadId thread_abc123 | Where-Object Status -eq requires_action | Stop-OpenAiThreadRun -Confirm:$false</code>
    /// <para>Cancels the runs of a thread waiting for tool outputs.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiThreadRun", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiThreadRun))]
    [OpenAiOperation("openai_runs_cancel", "POST", "/threads/{thread_id}/runs/{run_id}/cancel")]
    public sealed class StopOpenAiThreadRunCommand : ThreadRunCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Writes the run as the API answered (cancelling).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Run, () =>
            {
                CheckIds();
                var current = Await(o => service.GetRunAsync(ThreadId, Id, o, CancellationToken));
                if (current.IsTerminal)
                    throw new OpenAiValidationException("Id", $"Run {current.Id} is already {current.Status}: only queued, in_progress or requires_action runs can be cancelled.", "OpenAiRunAlreadyEnded");
                if (!ShouldChange($"run {current.Id} ({current.Status}) of thread {ThreadId}", "Cancel", Force)) return;
                var cancelled = Await(o => service.CancelRunAsync(ThreadId, Id, o, CancellationToken));
                if (PassThru) WriteObject(cancelled);
            }));
        }
    }
}
