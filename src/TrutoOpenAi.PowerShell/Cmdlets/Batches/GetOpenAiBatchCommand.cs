using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.BatchJobs // not "Batches": that name is Core.Models.Access.Batches, used by the certificate cmdlets
{
    /// <summary>Gets the organization's batches.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the batches, newest first, streaming every page; -First stops the requests once enough have
    /// come. -Status keeps only batches in the given states (filtered here: the API has no such filter).</para>
    /// <para>With -Id (or ids piped by property name, e.g. objects with a BatchId property), gets those batches, with their
    /// current status, request counts and output file; an unknown id writes an OpenAiNotFound error and the pipeline goes
    /// on. Needs an API key (not the admin key).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiBatch -Status in_progress, validating | Format-Table Id, Status, Endpoint, RequestCounts</code>
    /// <para>Lists the batches still running.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiBatch -Id batch_abc123 | Select-Object Status, OutputFileId</code>
    /// <para>Gets one batch and shows where its results are.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiBatch", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiBatch))]
    [OpenAiOperation("list_all_openai_batches", "GET", "/batches", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_batch_by_id", "GET", "/batches/{batch_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiBatchCommand : OpenAiGetCmdlet<OpenAiBatch>
    {
        /// <summary>Ids of the batches to get (batch_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only batches in one of these states.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("validating", "failed", "in_progress", "finalizing", "completed", "expired", "cancelling", "cancelled")]
        public string[]? Status { get; set; }

        protected override string[] Ids => Id;

        protected override Task<OpenAiBatch> GetAsync(string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new BatchService(Client).GetAsync(id, observer, cancellationToken);

        protected override void WriteList()
        {
            var service = new BatchService(Client);
            var filtered = Status is { Length: > 0 };
            var pageSize = EffectivePageSize(filtersLocally: filtered);
            var pager = service.List(pageSize);
            WritePages(pager, !filtered ? null : batch => Status!.Contains(batch.Status ?? string.Empty, StringComparer.OrdinalIgnoreCase));
        }
    }
}
