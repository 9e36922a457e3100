using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.ChatCompletions;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ChatCompletions
{
    /// <summary>Gets stored chat completions: by id, or the list filtered by model and metadata.</summary>
    /// <remarks>
    /// <para>Only completions created with store: true (Invoke-OpenAiChatCompletion -Store) are kept by the API. Without -Id,
    /// lists them, oldest first (-Order Descending for newest first), streaming every page; -First stops the requests once
    /// enough have come. -Model and -Metadata (every pair must match) are filtered by the API.</para>
    /// <para>With -Id (or completions piped by property name), gets those completions; an unknown id writes an
    /// OpenAiNotFound error and the pipeline goes on. Outputs carry CompletionId, so they pipe into
    /// Get-OpenAiChatCompletionMessage, Set-OpenAiChatCompletion and Remove-OpenAiChatCompletion, and into
    /// Invoke-OpenAiChatCompletion to continue the conversation from the stored messages. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiChatCompletion -Metadata @{ team = 'support' } -Order Descending -First 5 | Format-Table Id, Model, Content, Created</code>
    /// <para>Lists the five newest stored completions tagged team=support.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiChatCompletion -Id chatcmpl-abc123 | Select-Object Content, Usage, Metadata</code>
    /// <para>Gets one stored completion.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiChatCompletion", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiChatCompletion))]
    [OpenAiOperation("list_all_openai_chat_completions", "GET", "/chat/completions", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_chat_completion_by_id", "GET", "/chat/completions/{completion_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiChatCompletionCommand : OpenAiGetCmdlet<OpenAiChatCompletion>
    {
        /// <summary>Ids of the completions to get (chatcmpl-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CompletionId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only completions of this model (asked of the API).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>Only completions whose metadata has every one of these pairs (asked of the API).</summary>
        [Parameter(ParameterSetName = ListSet)]
        public Hashtable? Metadata { get; set; }

        /// <summary>Ascending (oldest first, the API's default) or Descending (newest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override string[] Ids => Id;

        protected override Task<OpenAiChatCompletion> GetAsync(string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ChatCompletionService(Client).GetAsync(id, observer, cancellationToken);

        protected override void WriteList()
        {
            var metadata = ModelInput.Metadata(Metadata);
            WritePages(new ChatCompletionService(Client).List(Model, metadata, EffectivePageSize(), ApiOrder(Order)));
        }
    }
}
