using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Deletes a vector store.</summary>
    /// <remarks>
    /// <para>Deletes the stores given by -Id or piped in from Get-OpenAiVectorStore. The files in the store are not
    /// deleted (Remove-OpenAiFile does that). Each store is looked up first and named in the confirmation prompt
    /// (ConfirmImpact High); an unknown id writes an OpenAiNotFound error and the pipeline goes on. Writes nothing unless
    /// -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiVectorStore -Id vs_abc123 -Confirm:$false</code>
    /// <para>Deletes one store without prompting.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiVectorStore | Where-Object Status -eq expired | Remove-OpenAiVectorStore -WhatIf</code>
    /// <para>Shows which expired stores would be deleted, deleting none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiVectorStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_vector_store_by_id", "DELETE", "/vector_stores/{vector_store_id}")]
    public sealed class RemoveOpenAiVectorStoreCommand : OpenAiChangeCmdlet<OpenAiVectorStore>
    {
        /// <summary>The id of the vector store to delete (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("VectorStoreId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiVectorStore> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new VectorStoreService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiVectorStore target) =>
            Describe("vector store", target.Name, target.Id) + (target.FileCounts is null ? string.Empty : $" ({target.FileCounts.Total} files)");

        protected override async Task<object?> ChangeAsync(OpenAiVectorStore target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new VectorStoreService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
