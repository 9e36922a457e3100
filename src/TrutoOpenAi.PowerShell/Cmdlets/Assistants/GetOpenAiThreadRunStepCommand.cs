using System.Management.Automation;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (a response's output items replace run steps): gets the steps of a run.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Get-OpenAiResponse, Get-OpenAiConversationItem). It still works against
    /// the emulator.</para>
    /// <para>Without -StepId, lists the steps of the run (-ThreadId and -RunId, or runs piped in), newest first: the
    /// messages it created (message_creation) and the tools it called (tool_calls), in StepDetails. With -StepId, gets those
    /// steps. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThreadRun -ThreadId thread_abc123 -RunId run_abc123 | Get-OpenAiThreadRunStep | Format-Table Type, Status, CompletedAt</code>
    /// <para>Shows what a run did.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiThreadRunStep", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiThreadRunStep))]
    [OpenAiOperation("list_all_openai_run_steps", "GET", "/threads/{thread_id}/runs/{run_id}/steps", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_run_step_by_id", "GET", "/threads/{thread_id}/runs/{run_id}/steps/{step_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiThreadRunStepCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>The id of the run (run_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RunId { get; set; } = string.Empty;

        /// <summary>Ids of the steps to get (step_...).</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] StepId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in StepId)
                {
                    Try(id, () => AssistantsFamily.Guard(AssistantsPart.RunStep, () =>
                    {
                        Check();
                        AssistantsFamily.CheckId("StepId", id, "step_", "a run step");
                        WriteObject(Await(o => service.GetRunStepAsync(ThreadId, RunId, id, o, CancellationToken)));
                    }));
                }
                return;
            }
            Try(RunId, () => AssistantsFamily.Guard(AssistantsPart.RunStep, () =>
            {
                Check();
                WritePages(service.ListRunSteps(ThreadId, RunId, EffectivePageSize()));
            }));
        }

        private void Check()
        {
            AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
            AssistantsFamily.CheckId("RunId", RunId, "run_", "a run");
        }
    }
}
