using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.ChatCompletions;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ChatCompletions
{
    /// <summary>Deletes a stored chat completion.</summary>
    /// <remarks>
    /// <para>Deletes the completions given by -Id or piped in from Get-OpenAiChatCompletion (ConfirmImpact High; -Force skips
    /// the prompt). By id, the completion is looked up first and named in the prompt; a piped completion is deleted with no
    /// lookup; an unknown id writes an OpenAiNotFound error and the pipeline goes on. Writes nothing unless -PassThru, then
    /// the API's deletion confirmation. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiChatCompletion -Id chatcmpl-abc123 -Force</code>
    /// <para>Deletes one stored completion without prompting.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiChatCompletion -Metadata @{ stage = 'test' } | Remove-OpenAiChatCompletion -WhatIf</code>
    /// <para>Shows which stored test completions would be deleted, deleting none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiChatCompletion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_chat_completion_by_id", "DELETE", "/chat/completions/{completion_id}")]
    public sealed class RemoveOpenAiChatCompletionCommand : OpenAiChangeCmdlet<OpenAiChatCompletion>
    {
        /// <summary>The id of the completion to delete (chatcmpl-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CompletionId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiChatCompletion> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ChatCompletionService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiChatCompletion target) => ChatCompletionText.Describe(target);

        protected override async Task<object?> ChangeAsync(OpenAiChatCompletion target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ChatCompletionService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
