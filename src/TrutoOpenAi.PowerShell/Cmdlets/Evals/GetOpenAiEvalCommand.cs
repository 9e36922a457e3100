using System.Management.Automation;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Gets evals: their data source configuration and testing criteria.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the evals, oldest first (-Order Descending for newest first), streaming every page; -First stops
    /// the requests once enough have come. With -Id (or evals piped by property name, e.g. runs' EvalId), gets those evals;
    /// an unknown id writes an OpenAiNotFound error and the pipeline goes on. Outputs carry EvalId, so they pipe into
    /// Get-OpenAiEvalRun and New-OpenAiEvalRun. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiEval -Order Descending -First 5 | Format-Table Id, Name, CreatedAt</code>
    /// <para>Lists the five newest evals.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiEval -Id eval_abc123 | Select-Object Name, CriterionNames</code>
    /// <para>Gets one eval and the names of its testing criteria.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiEval", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiEval))]
    [OpenAiOperation("list_all_openai_evals", "GET", "/evals", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_eval_by_id", "GET", "/evals/{eval_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiEvalCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the evals to get (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("EvalId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Descending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(ParameterSetName = ListSet, DontShow = true)]
        public SwitchParameter Descending { get; set; }

        /// <summary>Orders by creation time (created_at, the default) or last update (updated_at).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("created_at", "updated_at")]
        public string? OrderBy { get; set; }

        protected override void ProcessRecord()
        {
            var service = new EvalService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    Try(id, () => WriteObject(Await(observer => service.GetEvalAsync(id, observer, CancellationToken))));
                }
                return;
            }
            Try(null, () => WritePages(service.ListEvals(EffectivePageSize(), ApiOrder(Order, Descending ? "Descending" : null) == "desc", OrderBy)));
        }
    }
}
