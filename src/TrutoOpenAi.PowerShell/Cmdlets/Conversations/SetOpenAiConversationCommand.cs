using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Replaces a conversation's metadata.</summary>
    /// <remarks>
    /// <para>Metadata is the only thing of a conversation the API changes: -Metadata replaces the whole map (up to 16
    /// pairs; checked before any request). Changes the conversations given by -Id or piped in. Writes nothing unless
    /// -PassThru, then the changed conversation. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiConversation -Metadata @{ topic = 'demo' } | Set-OpenAiConversation -Metadata @{ topic = 'support'; ticket = '1234' } -PassThru</code>
    /// <para>Retags a conversation and writes it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiConversation))]
    [OpenAiOperation("update_a_openai_conversation_by_id", "POST", "/conversations/{conversation_id}")]
    public sealed class SetOpenAiConversationCommand : OpenAiChangeCmdlet<OpenAiConversation>
    {
        private Dictionary<string, string>? _metadata;

        /// <summary>The id of the conversation to change (conv_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ConversationId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new metadata: replaces the old map (up to 16 pairs; an empty hashtable clears it).</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public Hashtable Metadata { get; set; } = new Hashtable();

        protected override string TargetId => Id;

        protected override string Action => "Replace the metadata";

        protected override void CheckParameters() => _metadata = ModelInput.Metadata(Metadata);

        protected override Task<OpenAiConversation> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ConversationService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiConversation target) => $"conversation {target.Id}";

        protected override async Task<object?> ChangeAsync(OpenAiConversation target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ConversationService(Client).UpdateAsync(target.Id, _metadata!, observer, cancellationToken).ConfigureAwait(false);
    }
}
