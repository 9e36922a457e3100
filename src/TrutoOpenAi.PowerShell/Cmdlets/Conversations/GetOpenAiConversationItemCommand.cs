using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Gets the items of a conversation.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the items of the conversation -ConversationId (or conversations piped in), streaming every
    /// page: newest first as the API orders them by default, or -Order Ascending for the order they were added (the
    /// chronological transcript). -First/-Skip stop the requests early; -PageSize sets the API's page (1 to 100).</para>
    /// <para>With -Id, gets those items; an unknown id writes an OpenAiNotFound error for that id. Items carry
    /// ConversationId, so they pipe into Remove-OpenAiConversationItem. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$c = New-OpenAiConversation -Message 'Hello!', 'How are you?'; $c | Get-OpenAiConversationItem -Order Ascending | Select-Object Role, Text</code>
    /// <para>Shows a conversation's transcript, oldest item first.</para>
    /// </example>
    /// <example>
    /// <code>$c = New-OpenAiConversation -Message 'Hello!'; $item = $c | Get-OpenAiConversationItem -First 1; Get-OpenAiConversationItem -ConversationId $c.Id -Id $item.Id</code>
    /// <para>Gets one item by id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiConversationItem", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiResponseItem))]
    [OpenAiOperation("list_all_openai_conversation_items", "GET", "/conversations/{conversation_id}/items", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_conversation_item_by_id", "GET", "/conversations/{conversation_id}/items/{item_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiConversationItemCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The conversation (conv_...); conversations and items piped in bind it by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConversationId { get; set; } = string.Empty;

        /// <summary>Ids of the items to get (msg_..., fc_...). Not bound from the pipeline, so a piped conversation lists its items.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet)]
        [Alias("ItemId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        /// <summary>Descending (newest first, the API's default) or Ascending (the order the items were added).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>Extra fields the API should fill in the items (e.g. message.input_image.image_url, file_search_call.results,
        /// reasoning.encrypted_content; passed to the API as given).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ConversationService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    Try(id, () => WriteObject(Await(observer => service.GetItemAsync(ConversationId, id, Include, observer, CancellationToken))));
                }
                return;
            }
            Try(ConversationId, () => WritePages(service.ListItems(ConversationId, EffectivePageSize(), ApiOrder(Order), Include)));
        }
    }
}
