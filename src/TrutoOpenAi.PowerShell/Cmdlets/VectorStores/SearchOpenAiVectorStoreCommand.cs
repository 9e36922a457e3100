using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Searches a vector store for chunks relevant to a query.</summary>
    /// <remarks>
    /// <para>Sends one search to the vector store (-VectorStoreId, or stores piped in) and writes the results, best first:
    /// file id and name, score, attributes and the matching text (Text joins the content chunks). The API answers one
    /// page and offers no way to ask for the next, so -MaxResults (1 to 50, API default 10) is how many come back.
    /// Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiVectorStore -Name 'support docs' | Search-OpenAiVectorStore -Query 'refund policy' -MaxResults 5 | Format-Table Filename, Score, Text</code>
    /// <para>Shows the five best matches for a question.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Search, "OpenAiVectorStore")]
    [OutputType(typeof(OpenAiVectorStoreSearchResult))]
    [OpenAiOperation("list_all_openai_vector_store_search", "POST", "/vector_stores/{vector_store_id}/search")]
    public sealed class SearchOpenAiVectorStoreCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store to search (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>The query, or several queries searched together.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string[] Query { get; set; } = new string[0];

        /// <summary>How many results to return (1 to 50; the API's default is 10).</summary>
        [Parameter]
        [ValidateRange(1, 50)]
        public int? MaxResults { get; set; }

        /// <summary>Lets the API rewrite the query for better results.</summary>
        [Parameter]
        public SwitchParameter RewriteQuery { get; set; }

        protected override void ProcessRecord()
        {
            Try(VectorStoreId, () =>
            {
                var body = new VectorStoreSearchRequest
                {
                    Query = Query.ToList(),
                    MaxNumResults = MaxResults,
                    RewriteQuery = RewriteQuery.IsPresent ? true : (bool?)null,
                };
                var page = Await(observer => new VectorStoreService(Client).SearchAsync(VectorStoreId, body, observer, CancellationToken));
                foreach (var result in page.Data)
                {
                    result.VectorStoreId = VectorStoreId;
                    WriteObject(result);
                }
            });
        }
    }
}
