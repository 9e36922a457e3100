using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Gets the parsed text of a file in a vector store.</summary>
    /// <remarks>
    /// <para>Gets the content the vector store parsed from the files given by -VectorStoreId and -FileId, or piped in from
    /// Get-OpenAiVectorStoreFile, and writes one object per content item (Type text, Text, and the VectorStoreId and
    /// FileId it came from). The API answers one page and offers no way to ask for the next. A file not in the store
    /// writes an OpenAiNotFound error and the pipeline goes on. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStoreFile -VectorStoreId vs_abc123 | Get-OpenAiVectorStoreFileContent | Select-Object FileId, Text</code>
    /// <para>Shows the parsed text of every file of a store.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiVectorStoreFileContent")]
    [OutputType(typeof(OpenAiVectorStoreFileContent))]
    [OpenAiOperation("list_all_openai_vector_store_file_content", "GET", "/vector_stores/{vector_store_id}/files/{file_id}/content")]
    public sealed class GetOpenAiVectorStoreFileContentCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>Ids of the files in the store (file-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] FileId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var service = new VectorStoreService(Client);
            foreach (var id in FileId)
            {
                Try(id, () =>
                {
                    var page = Await(observer => service.GetFileContentAsync(VectorStoreId, id, observer, CancellationToken));
                    foreach (var item in page.Data)
                    {
                        item.VectorStoreId = VectorStoreId;
                        item.FileId = id;
                        WriteObject(item);
                    }
                });
            }
        }
    }
}
