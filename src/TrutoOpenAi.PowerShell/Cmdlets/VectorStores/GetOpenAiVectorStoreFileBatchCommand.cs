using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Gets a vector store file batch.</summary>
    /// <remarks>
    /// <para>Gets the batches given by -VectorStoreId and -BatchId, or piped in from New-OpenAiVectorStoreFileBatch, with
    /// their status and file counts; an unknown batch writes an OpenAiNotFound error and the pipeline goes on. The API has
    /// no operation listing a store's batches. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStoreFileBatch -VectorStoreId vs_abc123 -BatchId vsfb_abc123 | Select-Object Status, FileCounts</code>
    /// <para>Shows how far a batch has come.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiVectorStoreFileBatch")]
    [OutputType(typeof(OpenAiVectorStoreFileBatch))]
    [OpenAiOperation("get_single_openai_vector_store_file_batch_by_id", "GET", "/vector_stores/{vector_store_id}/file_batches/{batch_id}")]
    public sealed class GetOpenAiVectorStoreFileBatchCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>Ids of the file batches to get (vsfb_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] BatchId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var service = new VectorStoreService(Client);
            foreach (var id in BatchId)
            {
                Try(id, () => WriteObject(Await(observer => service.GetFileBatchAsync(VectorStoreId, id, observer, CancellationToken))));
            }
        }
    }
}
