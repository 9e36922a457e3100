using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Downloads a container file's content to disk.</summary>
    /// <remarks>
    /// <para>Streams the content of each container file given by -ContainerId and -Id (or piped in from
    /// Get-OpenAiContainerFile) to -Destination without holding it in memory. -Destination is a file path, or an existing
    /// folder in which the file keeps its name in the container (the default is the current folder). An existing file is
    /// refused before any request unless -Force (OpenAiDestinationExists). The bytes go to a temporary file first, so a
    /// failed download leaves nothing half-written. Writes the FileInfo of each saved file. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiContainerFile -ContainerId cntr_abc123 | Save-OpenAiContainerFileContent -Destination ./out</code>
    /// <para>Downloads every file of a container into the out folder.</para>
    /// </example>
    [Cmdlet(VerbsData.Save, "OpenAiContainerFileContent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    [OpenAiOperation("list_all_openai_container_file_content", "GET", "/containers/{container_id}/files/{file_id}/content")]
    public sealed class SaveOpenAiContainerFileContentCommand : OpenAiCmdlet
    {
        /// <summary>The id of the container (cntr_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>The id of the container file to download (cfile_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerFileId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The file to write, or an existing folder to write into under the file's own name (default: the current folder).</summary>
        [Parameter(Position = 2)]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = ".";

        /// <summary>The file's path in the container; bound from piped container files, so no lookup is needed for the name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? Path { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ContainerService(Client);
            Try(Id, () =>
            {
                var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
                if (System.IO.Directory.Exists(target))
                {
                    var inContainer = Path ?? Await(observer => service.GetFileAsync(ContainerId, Id, observer, CancellationToken)).Path;
                    var name = System.IO.Path.GetFileName(inContainer ?? string.Empty);
                    target = System.IO.Path.Combine(target, string.IsNullOrEmpty(name) ? Id : name);
                }
                FileDestination.CheckFree(target, Force);
                if (!ShouldProcess(target, $"Save the content of container file {Id}")) return;
                FileDestination.Write(target, stream => Await(observer => service.DownloadFileContentAsync(ContainerId, Id, stream, observer, CancellationToken)));
                WriteObject(new FileInfo(target));
            });
        }
    }
}
