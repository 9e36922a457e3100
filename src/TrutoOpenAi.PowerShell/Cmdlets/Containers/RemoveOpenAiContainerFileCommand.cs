using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Deletes a file from a container.</summary>
    /// <remarks>
    /// <para>Deletes the container files given by -ContainerId and -Id, or piped in from Get-OpenAiContainerFile. Each file is
    /// looked up first and named in the confirmation prompt (ConfirmImpact High); one that does not exist writes an
    /// OpenAiNotFound error and the pipeline goes on. Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiContainerFile -ContainerId cntr_abc123 | Where-Object Source -eq assistant | Remove-OpenAiContainerFile -Confirm:$false</code>
    /// <para>Deletes the files the model's code wrote.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiContainerFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_container_file_by_id", "DELETE", "/containers/{container_id}/files/{file_id}")]
    public sealed class RemoveOpenAiContainerFileCommand : OpenAiCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the container (cntr_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The id of the container file to delete (cfile_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerFileId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ContainerService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetFileAsync(ContainerId, Id, observer, CancellationToken));
                if (!ShouldChange($"file {current.Path} ({current.Id}, {current.Bytes} bytes) in container {ContainerId}", "Delete", Force)) return;
                var deletion = Await(observer => service.RemoveFileAsync(ContainerId, Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
