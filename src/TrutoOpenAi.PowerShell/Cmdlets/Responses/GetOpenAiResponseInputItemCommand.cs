using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Lists the input items of a stored response.</summary>
    /// <remarks>
    /// <para>Lists the items the response -ResponseId (or responses piped in) was given as input: messages, function call
    /// outputs and the like, streaming every page. Newest first as the API orders them by default, or -Order Ascending for
    /// the order they were sent. -First/-Skip stop the requests early; -PageSize sets the API's page (1 to 100). Items
    /// carry ResponseId, and pipe into Add-OpenAiConversationItem to copy them into a conversation. A response stored with
    /// -NoStore cannot be read (OpenAiNotFound). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Hello' | Get-OpenAiResponseInputItem | Select-Object Role, Text</code>
    /// <para>Shows what a response was asked.</para>
    /// </example>
    /// <example>
    /// <code>$r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Hi'; $c = New-OpenAiConversation; Get-OpenAiResponseInputItem -ResponseId $r.Id -Order Ascending | Add-OpenAiConversationItem -ConversationId $c.Id -PassThru</code>
    /// <para>Copies a response's input into a conversation, in order.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiResponseInputItem", SupportsPaging = true)]
    [OutputType(typeof(OpenAiResponseItem))]
    [OpenAiOperation("openai_response_input_items", "GET", "/responses/{response_id}/input_items")]
    public sealed class GetOpenAiResponseInputItemCommand : OpenAiListCmdlet
    {
        /// <summary>The response (resp_...); responses piped in bind it by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ResponseId { get; set; } = string.Empty;

        /// <summary>Descending (newest first, the API's default) or Ascending (the order the items were sent).</summary>
        [Parameter]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>Extra fields the API should fill in the items (e.g. message.input_image.image_url, file_search_call.results,
        /// reasoning.encrypted_content; passed to the API as given).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        protected override void ProcessRecord() =>
            Try(ResponseId, () => WritePages(new ResponseService(Client).ListInputItems(ResponseId, EffectivePageSize(), ApiOrder(Order), Include)));
    }
}
