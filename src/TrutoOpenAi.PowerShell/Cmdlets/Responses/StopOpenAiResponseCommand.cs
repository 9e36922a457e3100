using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Cancels a background response.</summary>
    /// <remarks><para>Only responses created with -Background can be cancelled, while queued or in progress; others write
    /// an OpenAiInvalidRequest error. ConfirmImpact High. Writes the response with -PassThru. Needs an API key.</para></remarks>
    /// <example>
    /// <code>Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'long job' -Background | Stop-OpenAiResponse -Confirm:$false -PassThru</code>
    /// <para>Starts a background response and cancels it; Status is cancelled.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiResponse))]
    [OpenAiOperation("openai_response_cancel", "POST", "/responses/{response_id}/cancel")]
    public sealed class StopOpenAiResponseCommand : OpenAiCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The response id (resp_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ResponseId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Write the response after the cancel.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ResponseService(Client);
            Try(Id, () =>
            {
                if (!ShouldChange($"response {Id}", "Cancel", Force)) return;
                var cancelled = Await(observer => service.CancelAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(cancelled);
            });
        }
    }
}
