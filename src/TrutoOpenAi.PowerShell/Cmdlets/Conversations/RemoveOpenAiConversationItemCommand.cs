using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Deletes items from a conversation.</summary>
    /// <remarks>
    /// <para>Deletes the item -Id of the conversation -ConversationId, or the items piped in from
    /// Get-OpenAiConversationItem (they carry both ids, so no lookup precedes the delete). ConfirmImpact High: asks unless
    /// -Force or -Confirm:$false. By id, the item is looked up first and named in the prompt; an unknown id writes an
    /// OpenAiNotFound error and the pipeline goes on. Writes nothing unless -PassThru, then the conversation as the API
    /// answers after the delete. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$c = New-OpenAiConversation -Message 'keep', 'drop'; $c | Get-OpenAiConversationItem | Where-Object Text -eq 'drop' | Remove-OpenAiConversationItem -Force</code>
    /// <para>Deletes the items whose text is 'drop' without asking.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiConversationItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiConversation))]
    [OpenAiOperation("delete_a_openai_conversation_item_by_id", "DELETE", "/conversations/{conversation_id}/items/{item_id}")]
    public sealed class RemoveOpenAiConversationItemCommand : OpenAiChangeCmdlet<OpenAiResponseItem>
    {
        /// <summary>The conversation holding the item (conv_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConversationId { get; set; } = string.Empty;

        /// <summary>The id of the item to delete (msg_..., fc_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ItemId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiResponseItem> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ConversationService(Client).GetItemAsync(ConversationId, Id, null, observer, cancellationToken);

        protected override string Describe(OpenAiResponseItem target) => $"item {target.Id} ({Summary(target)}) of conversation {target.ConversationId}";

        protected override ErrorRecord? Refuse(OpenAiResponseItem target) =>
            string.IsNullOrEmpty(target.ConversationId)
                ? new ErrorRecord(new System.ArgumentException($"Item {target.Id} does not name its conversation (it was not read from one); use -ConversationId and -Id."),
                    "OpenAiMissingConversationId", ErrorCategory.InvalidArgument, target)
                : null;

        protected override async Task<object?> ChangeAsync(OpenAiResponseItem target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ConversationService(Client).DeleteItemAsync(target.ConversationId!, target.Id, observer, cancellationToken).ConfigureAwait(false);

        private static string Summary(OpenAiResponseItem item)
        {
            var text = item.ToString();
            return text.Length > 40 ? text.Substring(0, 37) + "..." : text;
        }
    }
}
