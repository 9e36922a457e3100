using System.Management.Automation;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Gets the runs of an eval.</summary>
    /// <remarks>
    /// <para>Without -RunId, lists the runs of the eval given by -EvalId (or piped in from Get-OpenAiEval), oldest first
    /// (-Order Descending for newest first), streaming every page; -Status asks the API for runs in one state only. With -RunId,
    /// gets those runs with their status, result counts and per-criterion results; an unknown id writes an OpenAiNotFound
    /// error and the pipeline goes on. Runs carry EvalId and RunId, so they pipe into Wait-OpenAiEvalRun,
    /// Get-OpenAiEvalRunOutputItem, Stop-OpenAiEvalRun and Remove-OpenAiEvalRun. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiEvalRun -EvalId eval_abc123 | Wait-OpenAiEvalRun | Get-OpenAiEvalRunOutputItem -Status fail</code>
    /// <para>Waits for every run of an eval and lists the items that failed.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiEval -Id eval_abc123 | Get-OpenAiEvalRun -Status completed | Format-Table Name, ResultCounts</code>
    /// <para>Shows the result counts of an eval's completed runs.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiEvalRun", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiEvalRun))]
    [OpenAiOperation("list_all_openai_eval_runs", "GET", "/evals/{eval_id}/runs", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_eval_run_by_id", "GET", "/evals/{eval_id}/runs/{run_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiEvalRunCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The id of the eval (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EvalId { get; set; } = string.Empty;

        /// <summary>Ids of the runs to get (evalrun_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] RunId { get; set; } = new string[0];

        /// <summary>Only runs in this state (asked of the API).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("queued", "in_progress", "completed", "canceled", "failed")]
        public string? Status { get; set; }

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Descending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(ParameterSetName = ListSet, DontShow = true)]
        public SwitchParameter Descending { get; set; }

        protected override void ProcessRecord()
        {
            var service = new EvalService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in RunId)
                {
                    Try(id, () => WriteObject(Await(observer => service.GetRunAsync(EvalId, id, observer, CancellationToken))));
                }
                return;
            }
            Try(EvalId, () => WritePages(service.ListRuns(EvalId, EffectivePageSize(), Status, ApiOrder(Order, Descending ? "Descending" : null) == "desc")));
        }
    }
}
