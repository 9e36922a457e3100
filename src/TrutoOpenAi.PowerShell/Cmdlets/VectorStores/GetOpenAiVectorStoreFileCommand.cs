using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Gets the files of a vector store.</summary>
    /// <remarks>
    /// <para>Without -FileId, lists the files of the vector store (-VectorStoreId, or stores piped in from
    /// Get-OpenAiVectorStore), newest first, streaming every page; -Status asks the API for files in one state only.</para>
    /// <para>With -FileId, gets those files of the store, with their processing status and usage; a file not in the store
    /// writes an OpenAiNotFound error and the pipeline goes on. Outputs carry VectorStoreId and FileId, so they pipe into
    /// Remove-OpenAiVectorStoreFile. With -BatchId (or a file batch piped in), lists only the files of that batch. Needs an
    /// API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStore -Name 'support docs' | Get-OpenAiVectorStoreFile -Status in_progress</code>
    /// <para>Lists the files of a store still being processed.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiVectorStoreFileBatch -VectorStoreId vs_abc123 -FileId file-a, file-b | Get-OpenAiVectorStoreFile</code>
    /// <para>Lists the files of a file batch (-BatchId, bound from the piped batch).</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiVectorStoreFile -VectorStoreId vs_abc123 -FileId file-abc123</code>
    /// <para>Gets one file of a store.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiVectorStoreFile", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiVectorStoreFile))]
    [OpenAiOperation("list_all_openai_vector_store_files", "GET", "/vector_stores/{vector_store_id}/files", ParameterSet = ListSet)]
    [OpenAiOperation("list_all_openai_vector_store_file_batches", "GET", "/vector_stores/{vector_store_id}/file_batches/{batch_id}/files", ParameterSet = BatchSet)]
    [OpenAiOperation("get_single_openai_vector_store_file_by_id", "GET", "/vector_stores/{vector_store_id}/files/{file_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiVectorStoreFileCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";
        private const string BatchSet = "Batch";

        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>Ids of the files to get (file-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] FileId { get; set; } = new string[0];

        /// <summary>Lists only the files of this file batch (vsfb_...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = BatchSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string BatchId { get; set; } = string.Empty;

        /// <summary>Only files in this state (asked of the API).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [Parameter(ParameterSetName = BatchSet)]
        [ValidateSet("in_progress", "completed", "failed", "cancelled")]
        public string? Status { get; set; }

        protected override void ProcessRecord()
        {
            var service = new VectorStoreService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in FileId)
                {
                    Try(id, () => WriteObject(Await(observer => service.GetFileAsync(VectorStoreId, id, observer, CancellationToken))));
                }
                return;
            }

            if (ParameterSetName == BatchSet)
            {
                Try(BatchId, () => WritePages(service.ListFileBatchFiles(VectorStoreId, BatchId, EffectivePageSize(filtersLocally: false), Status), null));
                return;
            }

            Try(VectorStoreId, () => WritePages(service.ListFiles(VectorStoreId, EffectivePageSize(filtersLocally: false), Status, null), null));
        }
    }
}
