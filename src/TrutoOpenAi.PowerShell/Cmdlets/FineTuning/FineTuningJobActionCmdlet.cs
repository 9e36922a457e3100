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
    /// The shape of Stop/Suspend/Resume-OpenAiFineTuningJob: look the job up, name it in the ShouldProcess prompt, send
    /// the state change, write the job only with -PassThru.
    /// </summary>
    public abstract class FineTuningJobActionCmdlet : OpenAiCmdlet
    {
        /// <summary>The id of the job (ftjob-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FineTuningJobId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the job as the request left it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The ShouldProcess action, e.g. "Cancel".</summary>
        protected abstract string Action { get; }

        /// <summary>Sends the state change.</summary>
        protected abstract Task<OpenAiFineTuningJob> SendAsync(FineTuningService service, string id, IOpenAiCallObserver observer, CancellationToken cancellationToken);

        protected override void ProcessRecord()
        {
            var service = new FineTuningService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetJobAsync(Id, observer, CancellationToken));
                var name = current.Model + (current.Status is null ? string.Empty : ", " + current.Status);
                if (!ShouldProcess(Describe("fine-tuning job", name, current.Id), Action)) return;
                var changed = Await(observer => SendAsync(service, Id, observer, CancellationToken));
                if (PassThru) WriteObject(changed);
            });
        }
    }
}
