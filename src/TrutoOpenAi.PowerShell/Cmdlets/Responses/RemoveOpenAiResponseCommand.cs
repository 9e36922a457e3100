using System.Management.Automation;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Deletes a stored response.</summary>
    /// <remarks><para>Deletes the responses given by -Id or piped in (ConfirmImpact High). Writes nothing. Needs an API key.</para></remarks>
    /// <example>
    /// <code>Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'temp' | Remove-OpenAiResponse -Confirm:$false</code>
    /// <para>Asks once and deletes the stored response.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TrutoOpenAi.Core.Models.Access.OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_response_by_id", "DELETE", "/responses/{response_id}")]
    public sealed class RemoveOpenAiResponseCommand : OpenAiCmdlet
    {
        /// <summary>Writes the changed object (for a removal or cancel, the API's answer).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The response id (resp_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ResponseId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var service = new ResponseService(Client);
            Try(Id, () =>
            {
                if (!ShouldChange($"response {Id}", "Delete", Force)) return;
                Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(new TrutoOpenAi.Core.Models.Access.OpenAiDeletion { Id = Id, Deleted = true });
            });
        }
    }
}
