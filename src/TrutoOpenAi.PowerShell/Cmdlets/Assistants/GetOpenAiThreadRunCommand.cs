using System.Management.Automation;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Get-OpenAiResponse instead): gets the runs of a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (runs became responses: Get-OpenAiResponse). It still works against
    /// the emulator.</para>
    /// <para>Without -RunId, lists the runs of the thread (-ThreadId, or threads piped in), newest first, streaming every
    /// page. With -RunId, gets those runs with their Status, RequiredAction (ToolCalls) and LastError. A thread id given as
    /// -RunId is refused before any request (OpenAiWrongIdKind). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThread -Id thread_abc123 | Get-OpenAiThreadRun | Format-Table Id, Status, Model</code>
    /// <para>Lists the runs of a thread.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiThreadRun", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiThreadRun))]
    [OpenAiOperation("list_all_openai_runs", "GET", "/threads/{thread_id}/runs", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_run_by_id", "GET", "/threads/{thread_id}/runs/{run_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiThreadRunCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>Ids of the runs to get (run_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] RunId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in RunId)
                {
                    Try(id, () => AssistantsFamily.Guard(AssistantsPart.Run, () =>
                    {
                        AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                        AssistantsFamily.CheckId("RunId", id, "run_", "a run");
                        WriteObject(Await(o => service.GetRunAsync(ThreadId, id, o, CancellationToken)));
                    }));
                }
                return;
            }
            Try(ThreadId, () => AssistantsFamily.Guard(AssistantsPart.Run, () =>
            {
                AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                WritePages(service.ListRuns(ThreadId, EffectivePageSize()));
            }));
        }
    }
}
