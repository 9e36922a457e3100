using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>
    /// The fine-tuning job side of Stop/Suspend/Resume-OpenAiFineTuningJob on the shared change shape
    /// (<see cref="OpenAiChangeCmdlet{T}"/>): -Id or a piped job, the job named in the prompt, -PassThru writes it as the
    /// request left it.
    /// </summary>
    public abstract class FineTuningJobActionCmdlet : OpenAiChangeCmdlet<OpenAiFineTuningJob>
    {
        /// <summary>The id of the job (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FineTuningJobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Sends the state change.</summary>
        protected abstract Task<OpenAiFineTuningJob> SendAsync(FineTuningService service, string id, IOpenAiCallObserver observer, CancellationToken cancellationToken);

        protected override string TargetId => Id;

        protected override Task<OpenAiFineTuningJob> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new FineTuningService(Client).GetJobAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiFineTuningJob target) =>
            Describe("fine-tuning job", target.Model + (target.Status is null ? string.Empty : ", " + target.Status), target.Id);

        protected override async Task<object?> ChangeAsync(OpenAiFineTuningJob target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await SendAsync(new FineTuningService(Client), target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
