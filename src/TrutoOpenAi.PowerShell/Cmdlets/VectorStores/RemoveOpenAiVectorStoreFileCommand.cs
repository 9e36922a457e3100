using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Removes a file from a vector store.</summary>
    /// <remarks>
    /// <para>Detaches the files given by -VectorStoreId and -FileId, or piped in from Get-OpenAiVectorStoreFile, from the
    /// store; the uploaded file itself stays (Remove-OpenAiFile deletes it). Each file is looked up in the store first and
    /// named in the confirmation prompt (ConfirmImpact High); a file not in the store writes an OpenAiNotFound error and
    /// the pipeline goes on. Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStoreFile -VectorStoreId vs_abc123 -Status failed | Remove-OpenAiVectorStoreFile -Confirm:$false</code>
    /// <para>Removes the files that failed processing from a store.</para>
    /// </example>
    /// <example>
    /// <code>Remove-OpenAiVectorStoreFile -VectorStoreId vs_abc123 -FileId file-abc123 -WhatIf</code>
    /// <para>Shows what would be removed, removing nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiVectorStoreFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_vector_store_file_by_id", "DELETE", "/vector_stores/{vector_store_id}/files/{file_id}")]
    public sealed class RemoveOpenAiVectorStoreFileCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The id of the file to remove from the store (file-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FileId { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new VectorStoreService(Client);
            Try(FileId, () =>
            {
                var current = Await(observer => service.GetFileAsync(VectorStoreId, FileId, observer, CancellationToken));
                if (!ShouldProcess($"file {current.Id} ({current.Status}, {current.UsageBytes} bytes) in vector store {VectorStoreId}", "Remove")) return;
                var deletion = Await(observer => service.RemoveFileAsync(VectorStoreId, FileId, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
