using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Waits for vector store file batches to be processed, showing their progress.</summary>
    /// <remarks>
    /// <para>Reads each file batch (-VectorStoreId and -BatchId, or batches piped in from New-OpenAiVectorStoreFileBatch
    /// or Get-OpenAiVectorStoreFileBatch) until it ends, all of them at once, showing one progress bar per batch with its
    /// file counts (processed of total, failed) and the time waited. The reads come every -PollInterval seconds (default
    /// 1 s, growing to 10 s), never more often than the API asks with openai-poll-after-ms. A completed batch is written
    /// (its files are searchable), a cancelled one with a warning. A failed batch is an OpenAiVectorStoreFileBatchFailed
    /// error whose TargetObject is the batch. -Timeout gives up after that many seconds with an OpenAiWaitTimeout error
    /// (the batch goes on). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Wait-OpenAiVectorStoreFileBatch -VectorStoreId vs_def456 -BatchId vsfb_def456 | Select-Object Status, FileCounts</code>
    /// <para>Waits until a batch of files is searchable and shows how many were processed.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "OpenAiVectorStoreFileBatch")]
    [OutputType(typeof(OpenAiVectorStoreFileBatch))]
    public sealed class WaitOpenAiVectorStoreFileBatchCommand : OpenAiWaitCmdlet<OpenAiVectorStoreFileBatch>
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The id of the file batch (vsfb_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BatchId { get; set; } = string.Empty;

        protected override string FailedErrorId => "OpenAiVectorStoreFileBatchFailed";

        protected override string Describe(OpenAiVectorStoreFileBatch batch) => $"File batch {batch.Id} of vector store {batch.VectorStoreId}";

        protected override PollStatus Classify(OpenAiVectorStoreFileBatch batch)
        {
            var status = batch.Status ?? "unknown";
            var counts = batch.FileCounts;
            var done = counts is null ? 0 : counts.Completed + counts.Failed + counts.Cancelled;
            var text = counts is null ? status : $"{status}: {done} of {counts.Total} files processed, {counts.Failed} failed";
            var percent = counts is { Total: > 0 } ? done * 100 / counts.Total : -1;
            return status switch
            {
                "completed" => new PollStatus(PollState.Done, text, 100),
                "cancelled" => new PollStatus(PollState.Stopped, text, percent),
                "failed" => new PollStatus(PollState.Failed, text, percent, "file_batch_failed", $"{counts?.Failed ?? 0} of {counts?.Total ?? 0} files failed"),
                _ => new PollStatus(PollState.Pending, text, percent),
            };
        }

        protected override void ProcessRecord()
        {
            var vectorStoreId = VectorStoreId;
            var batchId = BatchId;
            Enqueue($"file batch {batchId}", (observer, cancellationToken) => new VectorStoreService(Client).GetFileBatchAsync(vectorStoreId, batchId, observer, cancellationToken));
        }
    }
}
