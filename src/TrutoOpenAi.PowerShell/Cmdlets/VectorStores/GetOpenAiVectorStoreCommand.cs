using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Gets the vector stores.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the vector stores, newest first (-Order Ascending for oldest first), streaming every page;
    /// -First stops the requests once enough have come. -Name filters by wildcard on the store's name, here (the API has
    /// no such filter).</para>
    /// <para>With -Id (or ids piped by property name, e.g. objects with a VectorStoreId property), gets those stores, with
    /// their status, file counts and usage; an unknown id writes an OpenAiNotFound error and the pipeline goes on. Needs
    /// an API key (not the admin key).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStore -Name 'docs*' | Format-Table Name, Id, Status, FileCounts, UsageBytes</code>
    /// <para>Lists the vector stores whose name starts with docs.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiVectorStore -Id vs_abc123</code>
    /// <para>Gets one vector store by id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiVectorStore", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiVectorStore))]
    [OpenAiOperation("list_all_openai_vector_stores", "GET", "/vector_stores", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_vector_store_by_id", "GET", "/vector_stores/{vector_store_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiVectorStoreCommand : OpenAiGetCmdlet<OpenAiVectorStore>
    {
        /// <summary>Ids of the vector stores to get (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("VectorStoreId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only vector stores whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Descending (newest first, the API's default) or Ascending (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override string[] Ids => Id;

        protected override Task<OpenAiVectorStore> GetAsync(string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new VectorStoreService(Client).GetAsync(id, observer, cancellationToken);

        protected override void WriteList()
        {
            var service = new VectorStoreService(Client);
            var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            var pageSize = EffectivePageSize(filtersLocally: pattern != null);
            var order = ApiOrder(Order);
            WritePages(service.List(pageSize, order), pattern is null ? null : store => pattern.IsMatch(store.Name ?? string.Empty));
        }
    }
}
