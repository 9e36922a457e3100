using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.VectorStores;
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
    [Cmdlet(VerbsCommon.Remove, "OpenAiVectorStoreFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_vector_store_file_by_id", "DELETE", "/vector_stores/{vector_store_id}/files/{file_id}")]
    public sealed class RemoveOpenAiVectorStoreFileCommand : OpenAiChangeCmdlet<OpenAiVectorStoreFile>
    {
        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The id of the file to remove from it (file-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FileId { get; set; } = string.Empty;

        protected override string TargetId => FileId;

        protected override string Action => "Remove";

        protected override Task<OpenAiVectorStoreFile> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new VectorStoreService(Client).GetFileAsync(VectorStoreId, FileId, observer, cancellationToken);

        protected override string Describe(OpenAiVectorStoreFile target) =>
            $"file {target.Id} ({target.Status}, {target.UsageBytes} bytes) in vector store {target.VectorStoreId}";

        protected override async Task<object?> ChangeAsync(OpenAiVectorStoreFile target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new VectorStoreService(Client).RemoveFileAsync(target.VectorStoreId, target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
