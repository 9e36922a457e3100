using System.Management.Automation;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>
    /// The shape of Stop/Remove-OpenAiEvalRun: look the run up, name it in the ShouldProcess prompt, send the change, write
    /// the result only with -PassThru.
    /// </summary>
    public abstract class EvalRunActionCmdlet : OpenAiCmdlet
    {
        /// <summary>The id of the eval (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EvalId { get; set; } = string.Empty;

        /// <summary>The id of the run (evalrun_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("RunId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes what the API answered.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The ShouldProcess action, e.g. "Cancel".</summary>
        protected abstract string Action { get; }

        /// <summary>Refuses before sending when the run's state says the API would (null: send).</summary>
        protected virtual string? Refusal(OpenAiEvalRun run) => null;

        /// <summary>Sends the change and returns what to write with -PassThru.</summary>
        protected abstract object Send(EvalService service);

        protected override void ProcessRecord()
        {
            var service = new EvalService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetRunAsync(EvalId, Id, observer, CancellationToken));
                if (Refusal(current) is { } refusal) throw new Core.OpenAiValidationException("Id", refusal, "OpenAiRunAlreadyEnded");
                if (!ShouldChange(Describe("eval run", current.Name + ", " + current.Status, current.Id), Action, Force)) return;
                var result = Send(service);
                if (PassThru) WriteObject(result);
            });
        }
    }
}
