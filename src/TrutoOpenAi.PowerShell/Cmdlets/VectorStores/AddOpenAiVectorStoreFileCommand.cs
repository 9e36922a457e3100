using System.Collections;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Adds an uploaded file to a vector store.</summary>
    /// <remarks>
    /// <para>Attaches the files given by -FileId, or piped in from Get-OpenAiFile / New-OpenAiFile (their FileId binds), to
    /// the vector store -VectorStoreId. Each file starts in_progress and is completed once processed; the store's file
    /// counts and usage follow. -Attributes (up to 16 string, number or boolean values) tag the file for filtered searches.
    /// A file id that does not exist writes an OpenAiNotFound error and the pipeline goes on. Writes the store's file
    /// object. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$vs = New-OpenAiVectorStore -Name docs; Get-OpenAiFile -Purpose assistants | Add-OpenAiVectorStoreFile -VectorStoreId $vs.Id</code>
    /// <para>Adds every assistants file to a new store.</para>
    /// </example>
    /// <example>
    /// <code>Add-OpenAiVectorStoreFile -VectorStoreId vs_abc123 -FileId file-abc123 -Attributes @{ lang = 'en' }</code>
    /// <para>Adds one file with an attribute.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiVectorStoreFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiVectorStoreFile))]
    [OpenAiOperation("create_a_openai_vector_store_file", "POST", "/vector_stores/{vector_store_id}/files")]
    public sealed class AddOpenAiVectorStoreFileCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The id of the uploaded file to add (file-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FileId { get; set; } = string.Empty;

        /// <summary>Up to 16 attributes (strings, numbers or booleans) to filter searches by.</summary>
        [Parameter]
        public Hashtable? Attributes { get; set; }

        protected override void ProcessRecord()
        {
            Try(FileId, () =>
            {
                if (!ShouldProcess($"vector store {VectorStoreId}", $"Add file {FileId}")) return;
                var body = new VectorStoreFileCreateRequest { FileId = FileId, Attributes = VectorStoreCmdletHelpers.ToAttributes(Attributes) };
                WriteObject(Await(observer => new VectorStoreService(Client).AddFileAsync(VectorStoreId, body, observer, CancellationToken)));
            });
        }
    }
}
