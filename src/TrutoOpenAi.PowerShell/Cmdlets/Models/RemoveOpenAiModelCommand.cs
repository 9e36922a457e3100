using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Models
{
    /// <summary>Deletes a fine-tuned model of the organization.</summary>
    /// <remarks>
    /// <para>Deletes the models given by -Id or piped in from Get-OpenAiModel. Only fine-tuned models the organization
    /// owns can be deleted (the key needs the Owner role); the API refuses base models such as gpt-4o, which writes an
    /// OpenAiPermissionDenied error for that model and the pipeline goes on. The model is looked up first and named in the
    /// confirmation prompt (ConfirmImpact High). Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiModel -Id 'ft:gpt-4o-mini:org::abc' -Confirm:$false</code>
    /// <para>Deletes one fine-tuned model without prompting.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiModel -FineTuned | Where-Object Created -lt (Get-Date).AddDays(-90) | Remove-OpenAiModel -WhatIf</code>
    /// <para>Shows which fine-tuned models older than 90 days would be deleted, deleting none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_model_by_id", "DELETE", "/models/{model}")]
    public sealed class RemoveOpenAiModelCommand : OpenAiChangeCmdlet<OpenAiModel>
    {
        /// <summary>The id of the fine-tuned model to delete (ft:...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId", "Model")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiModel> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ModelService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiModel target) =>
            $"{(target.IsFineTuned ? "fine-tuned model" : "model")} {target.Id} (owned by {target.OwnedBy})";

        protected override async Task<object?> ChangeAsync(OpenAiModel target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ModelService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
