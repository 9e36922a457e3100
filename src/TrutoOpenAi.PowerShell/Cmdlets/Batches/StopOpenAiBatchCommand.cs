using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.BatchJobs // not "Batches": that name is Core.Models.Access.Batches, used by the certificate cmdlets
{
    /// <summary>Cancels a running batch.</summary>
    /// <remarks>
    /// <para>Cancels the batches given by -Id or piped in from Get-OpenAiBatch. The batch moves to cancelling at once and
    /// to cancelled once its in-flight requests end (up to 10 minutes on OpenAI); results already finished stay available.
    /// Only validating, in_progress and finalizing batches can be cancelled; others write an OpenAiInvalidRequest error
    /// and the pipeline goes on. The batch is looked up first and named in the confirmation prompt (ConfirmImpact High).
    /// Writes nothing unless -PassThru, then the batch as the cancel left it. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Stop-OpenAiBatch -Id batch_abc123 -Confirm:$false -PassThru</code>
    /// <para>Cancels one batch and writes it, with Status cancelling.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiBatch -Status in_progress | Where-Object { $_.Metadata.job -eq 'nightly' } | Stop-OpenAiBatch -WhatIf</code>
    /// <para>Shows which running nightly batches would be cancelled, cancelling none.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiBatch))]
    [OpenAiOperation("openai_batches_cancel", "POST", "/batches/{batch_id}/cancel")]
    public sealed class StopOpenAiBatchCommand : OpenAiChangeCmdlet<OpenAiBatch>
    {
        /// <summary>The id of the batch to cancel (batch_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Cancel";

        protected override Task<OpenAiBatch> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new BatchService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiBatch target) =>
            $"batch {target.Id} ({target.Status}, {target.Endpoint}{(target.RequestCounts is null ? string.Empty : $", {target.RequestCounts.Total} requests")})";

        protected override async Task<object?> ChangeAsync(OpenAiBatch target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new BatchService(Client).CancelAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
