using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Deletes a conversation.</summary>
    /// <remarks>
    /// <para>Deletes the conversations given by -Id or piped in (ConfirmImpact High: asks unless -Force or
    /// -Confirm:$false). The API deletes the conversation, not the items it held. By id, the conversation is looked up
    /// first; an unknown id writes an OpenAiNotFound error and the pipeline goes on. Writes nothing unless -PassThru, then
    /// the API's deletion. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiConversation -Message 'temporary' | Remove-OpenAiConversation -Force</code>
    /// <para>Creates a conversation and deletes it without asking.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_conversation_by_id", "DELETE", "/conversations/{conversation_id}")]
    public sealed class RemoveOpenAiConversationCommand : OpenAiChangeCmdlet<OpenAiConversation>
    {
        /// <summary>The id of the conversation to delete (conv_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ConversationId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiConversation> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ConversationService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiConversation target) => $"conversation {target}";

        protected override async Task<object?> ChangeAsync(OpenAiConversation target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ConversationService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
