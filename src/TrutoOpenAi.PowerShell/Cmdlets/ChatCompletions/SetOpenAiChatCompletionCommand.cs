using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.ChatCompletions;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ChatCompletions
{
    /// <summary>Replaces the metadata of a stored chat completion.</summary>
    /// <remarks>
    /// <para>Metadata is the only thing the API lets change on a stored completion; -Metadata replaces the whole map (an
    /// empty hashtable clears it; at most 16 pairs, keys up to 64 characters, values up to 512, checked before any request).
    /// Changes the completions given by -Id or piped in from Get-OpenAiChatCompletion; by id, the completion is looked up
    /// first and named in the confirmation text. Writes nothing unless -PassThru, then the changed completion. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiChatCompletion -Id chatcmpl-abc123 -Metadata @{ team = 'support'; reviewed = 'yes' } -PassThru</code>
    /// <para>Tags a stored completion and writes it.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiChatCompletion -Model gpt-4o-mini | Set-OpenAiChatCompletion -Metadata @{} -WhatIf</code>
    /// <para>Shows which stored completions would lose their metadata, changing none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiChatCompletion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiChatCompletion))]
    [OpenAiOperation("update_a_openai_chat_completion_by_id", "POST", "/chat/completions/{completion_id}")]
    public sealed class SetOpenAiChatCompletionCommand : OpenAiChangeCmdlet<OpenAiChatCompletion>
    {
        /// <summary>The id of the completion to change (chatcmpl-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CompletionId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new metadata (replaces the whole map; @{} clears it).</summary>
        [Parameter(Mandatory = true)]
        [AllowEmptyCollection]
        public Hashtable Metadata { get; set; } = new Hashtable();

        protected override string TargetId => Id;

        protected override string Action => "Set metadata";

        protected override void CheckParameters() => ModelInput.Metadata(Metadata);

        protected override Task<OpenAiChatCompletion> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ChatCompletionService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiChatCompletion target) => ChatCompletionText.Describe(target);

        protected override async Task<object?> ChangeAsync(OpenAiChatCompletion target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ChatCompletionService(Client).UpdateAsync(target.Id, ModelInput.Metadata(Metadata)!, observer, cancellationToken).ConfigureAwait(false);
    }
}
