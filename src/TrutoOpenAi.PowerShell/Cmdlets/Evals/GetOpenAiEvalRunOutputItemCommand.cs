using System.Management.Automation;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Gets the graded items of an eval run.</summary>
    /// <remarks>
    /// <para>Without -OutputItemId, lists the output items of the run given by -EvalId and -RunId (or runs piped in from
    /// Get-OpenAiEvalRun or Wait-OpenAiEvalRun), oldest first, streaming every page; -Status pass or fail asks the API for
    /// those items only. Each item carries the data source item, the sample (the model's input and output, OutputText) and
    /// one result per testing criterion (name, score, passed). With -OutputItemId, gets those items. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiEvalRun -EvalId eval_abc123 | Wait-OpenAiEvalRun | Get-OpenAiEvalRunOutputItem -Status fail</code>
    /// <para>Lists the items that failed in every run of an eval, once the runs end.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiEvalRunOutputItem -EvalId eval_abc123 -RunId evalrun_abc123 | Select-Object DatasourceItemId, Status, OutputText</code>
    /// <para>Shows each item's verdict and the model's answer.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiEvalRunOutputItem", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiEvalRunOutputItem))]
    [OpenAiOperation("list_all_openai_eval_run_output_items", "GET", "/evals/{eval_id}/runs/{run_id}/output_items", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_eval_run_output_item_by_id", "GET", "/evals/{eval_id}/runs/{run_id}/output_items/{output_item_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiEvalRunOutputItemCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The id of the eval (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EvalId { get; set; } = string.Empty;

        /// <summary>The id of the run (evalrun_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string RunId { get; set; } = string.Empty;

        /// <summary>Ids of the output items to get (outputitem_...).</summary>
        [Parameter(Mandatory = true, Position = 2, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] OutputItemId { get; set; } = new string[0];

        /// <summary>Only items that passed every criterion (pass) or not (fail), asked of the API.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("pass", "fail")]
        public string? Status { get; set; }

        protected override void ProcessRecord()
        {
            var service = new EvalService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in OutputItemId)
                {
                    Try(id, () => WriteObject(Await(observer => service.GetOutputItemAsync(EvalId, RunId, id, observer, CancellationToken))));
                }
                return;
            }
            Try(RunId, () => WritePages(service.ListOutputItems(EvalId, RunId, EffectivePageSize(), Status)));
        }
    }
}
