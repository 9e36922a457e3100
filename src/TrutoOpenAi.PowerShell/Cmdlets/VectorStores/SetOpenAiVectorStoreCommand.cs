using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Changes a vector store's name, expiration policy or metadata.</summary>
    /// <remarks>
    /// <para>Modifies the stores given by -Id or piped in from Get-OpenAiVectorStore. Only the parameters given are sent;
    /// -Metadata replaces the whole metadata map. The store is looked up first and named in the confirmation prompt.
    /// Writes nothing unless -PassThru, then the modified store. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStore -Name 'support docs' | Set-OpenAiVectorStore -Name 'support knowledge base' -PassThru</code>
    /// <para>Renames a store and writes it.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiVectorStore -Id vs_abc123 -ExpiresAfterDays 7 -Metadata @{ stage = 'archive' }</code>
    /// <para>Makes a store expire after a week of inactivity and retags it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiVectorStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiVectorStore))]
    [OpenAiOperation("update_a_openai_vector_store_by_id", "POST", "/vector_stores/{vector_store_id}")]
    public sealed class SetOpenAiVectorStoreCommand : OpenAiChangeCmdlet<OpenAiVectorStore>
    {
        /// <summary>The id of the vector store to change (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("VectorStoreId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The store expires this many days (1 to 365) after it was last active.</summary>
        [Parameter]
        [ValidateRange(1, 365)]
        public int? ExpiresAfterDays { get; set; }

        /// <summary>The new metadata (replaces the old map; up to 16 pairs).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override string TargetId => Id;

        protected override string Action => "Modify";

        protected override Task<OpenAiVectorStore> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new VectorStoreService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiVectorStore target) => Describe("vector store", target.Name, target.Id);

        protected override async Task<object?> ChangeAsync(OpenAiVectorStore target, IOpenAiCallObserver observer, CancellationToken cancellationToken)
        {
            var body = new VectorStoreUpdateRequest
            {
                Name = Name,
                ExpiresAfter = ExpiresAfterDays is int days ? new VectorStoreExpiresAfterBody { Days = days } : null,
                Metadata = VectorStoreCmdletHelpers.ToMetadata(Metadata),
            };
            return await new VectorStoreService(Client).UpdateAsync(target.Id, body, observer, cancellationToken).ConfigureAwait(false);
        }
    }
}
