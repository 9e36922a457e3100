using System.Management.Automation;
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
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiVectorStoreFileBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiVectorStoreFileBatch))]
    [OpenAiOperation("openai_vector_store_file_batches_cancel", "POST", "/vector_stores/{vector_store_id}/file_batches/{batch_id}/cancel")]
    public sealed class StopOpenAiVectorStoreFileBatchCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The id of the file batch to cancel (vsfb_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BatchId { get; set; } = string.Empty;

        /// <summary>Writes the batch after the cancel request.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new VectorStoreService(Client);
            Try(BatchId, () =>
            {
                var current = Await(observer => service.GetFileBatchAsync(VectorStoreId, BatchId, observer, CancellationToken));
                var total = current.FileCounts?.Total ?? 0;
                if (!ShouldProcess($"file batch {current.Id} ({current.Status}, {total} files) of vector store {VectorStoreId}", "Cancel")) return;
                var cancelled = Await(observer => service.CancelFileBatchAsync(VectorStoreId, BatchId, observer, CancellationToken));
                if (PassThru) WriteObject(cancelled);
            });
        }
    }
}
