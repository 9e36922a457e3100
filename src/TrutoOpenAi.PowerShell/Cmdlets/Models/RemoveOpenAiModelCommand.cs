using System.Management.Automation;
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
    [Cmdlet(VerbsCommon.Remove, "OpenAiModel", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_model_by_id", "DELETE", "/models/{model}")]
    public sealed class RemoveOpenAiModelCommand : OpenAiCmdlet
    {
        /// <summary>The id of the fine-tuned model to delete (ft:...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId", "Model")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ModelService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                var kind = current.IsFineTuned ? "fine-tuned model" : "model";
                if (!ShouldProcess($"{kind} {current.Id} (owned by {current.OwnedBy})", "Delete")) return;
                var deletion = Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
