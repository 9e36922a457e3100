using System.Management.Automation;
using TrutoOpenAi.Core.Models.ChatCompletions;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ChatCompletions
{
    /// <summary>Gets the messages of a stored chat completion (the messages it was asked with).</summary>
    /// <remarks>
    /// <para>Lists the messages sent to create a completion stored with store: true, oldest first (-Order Descending for
    /// newest first), streaming every page; -First stops the requests once enough have come. -CompletionId binds by property
    /// name, so completions from Get-OpenAiChatCompletion pipe in; each message carries its CompletionId. An unknown
    /// completion writes an OpenAiNotFound error and the pipeline goes on. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiChatCompletionMessage -CompletionId chatcmpl-abc123 | Format-Table Role, Content</code>
    /// <para>Shows what a stored completion was asked.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiChatCompletion -Model gpt-4o-mini -First 3 | Get-OpenAiChatCompletionMessage | Where-Object Role -eq system</code>
    /// <para>Shows the system messages of three stored completions.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiChatCompletionMessage", SupportsPaging = true)]
    [OutputType(typeof(OpenAiChatMessage))]
    [OpenAiOperation("", "GET", "/chat/completions/{completion_id}/messages")]
    public sealed class GetOpenAiChatCompletionMessageCommand : OpenAiListCmdlet
    {
        /// <summary>The id of the stored completion (chatcmpl-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CompletionId { get; set; } = string.Empty;

        /// <summary>Ascending (oldest first, the API's default) or Descending (newest first).</summary>
        [Parameter]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override void ProcessRecord() =>
            Try(CompletionId, () => WritePages(new ChatCompletionService(Client).ListMessages(CompletionId, EffectivePageSize(), ApiOrder(Order))));
    }
}
