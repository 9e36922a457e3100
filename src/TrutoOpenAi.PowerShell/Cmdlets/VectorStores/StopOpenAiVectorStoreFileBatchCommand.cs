using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Cancels a vector store file batch.</summary>
    /// <remarks>
    /// <para>Cancels the batches given by -VectorStoreId and -BatchId, or piped in from New-OpenAiVectorStoreFileBatch /
    /// Get-OpenAiVectorStoreFileBatch: the files still being processed are cancelled, those done stay. Only in_progress
    /// batches can be cancelled; others write an OpenAiInvalidRequest error. The batch is looked up first and named in the
    /// confirmation prompt (ConfirmImpact High). Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStoreFileBatch -VectorStoreId vs_abc123 -BatchId vsfb_abc123 | Stop-OpenAiVectorStoreFileBatch -Confirm:$false -PassThru</code>
    /// <para>Cancels a batch and writes it, with Status cancelled.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiVectorStoreFileBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiVectorStoreFileBatch))]
    [OpenAiOperation("openai_vector_store_file_batches_cancel", "POST", "/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel")]
    public sealed class StopOpenAiVectorStoreFileBatchCommand : OpenAiChangeCmdlet<OpenAiVectorStoreFileBatch>
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The id of the file batch to cancel (vsfb_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BatchId { get; set; } = string.Empty;

        protected override string TargetId => BatchId;

        protected override string Action => "Cancel";

        protected override Task<OpenAiVectorStoreFileBatch> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new VectorStoreService(Client).GetFileBatchAsync(VectorStoreId, BatchId, observer, cancellationToken);

        protected override string Describe(OpenAiVectorStoreFileBatch target) =>
            $"file batch {target.Id} ({target.Status}, {target.FileCounts?.Total ?? 0} files) of vector store {target.VectorStoreId}";

        protected override async Task<object?> ChangeAsync(OpenAiVectorStoreFileBatch target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new VectorStoreService(Client).CancelFileBatchAsync(target.VectorStoreId, target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
