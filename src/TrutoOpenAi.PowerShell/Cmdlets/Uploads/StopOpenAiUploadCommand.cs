using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Uploads
{
    /// <summary>Cancels a pending upload.</summary>
    /// <remarks>
    /// <para>Cancels each upload given by -Id (or piped in): no part can be added any more, and it never becomes a file.
    /// Writes the cancelled upload. An upload that is already completed or cancelled writes an OpenAiInvalidRequest error.
    /// New-OpenAiFile -Chunked cancels its upload by itself when it fails or is stopped with Ctrl+C. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Stop-OpenAiUpload -Id upload_abc123 -Confirm:$false</code>
    /// <para>Cancels an upload started with New-OpenAiUpload that will not be completed.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiUpload", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiUpload))]
    [OpenAiOperation("openai_uploads_cancel", "POST", "/uploads/{upload_id}/cancel")]
    public sealed class StopOpenAiUploadCommand : OpenAiCmdlet
    {
        /// <summary>Writes the changed object (for a removal or cancel, the API's answer).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the upload to cancel (upload_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("UploadId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            Try(Id, () =>
            {
                if (!ShouldChange($"upload {Id}", "Cancel", Force)) return;
                var result = Await(observer => new UploadService(Client).CancelAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(result);
            });
        }
    }
}
