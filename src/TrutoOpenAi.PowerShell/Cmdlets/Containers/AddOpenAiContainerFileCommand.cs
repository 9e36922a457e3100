using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Adds a file to a container: a local file, or an uploaded one.</summary>
    /// <remarks>
    /// <para>With -Path (or files piped from Get-ChildItem), uploads each local file into the container -ContainerId as
    /// multipart/form-data, streamed from disk and never read into memory. With -FileId (or files piped from Get-OpenAiFile),
    /// copies an uploaded file in. The file lands under /mnt/data in the container. Writes the container file. Needs an
    /// API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-ChildItem ./data/*.csv | Add-OpenAiContainerFile -ContainerId cntr_abc123</code>
    /// <para>Uploads every CSV of a folder into a container.</para>
    /// </example>
    /// <example>
    /// <code>Add-OpenAiContainerFile -ContainerId cntr_abc123 -FileId file-abc123</code>
    /// <para>Copies an uploaded file into the container.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiContainerFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(OpenAiContainerFile))]
    [OpenAiOperation("", "POST", "/containers/{container_id}/files")]
    public sealed class AddOpenAiContainerFileCommand : OpenAiCmdlet
    {
        private const string PathSet = "Path";
        private const string FileIdSet = "FileId";

        /// <summary>The id of the container (cntr_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ContainerId { get; set; } = string.Empty;

        /// <summary>A local file to upload into the container.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The id of an uploaded file to copy into the container (file-...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FileId { get; set; } = string.Empty;

        protected override void ProcessRecord()
        {
            var service = new ContainerService(Client);
            if (ParameterSetName == FileIdSet)
            {
                Try(FileId, () =>
                {
                    if (!ShouldProcess($"container {ContainerId}", $"Copy in file {FileId}")) return;
                    WriteObject(Await(observer => service.AddFileAsync(ContainerId, FileId, observer, CancellationToken)));
                });
                return;
            }
            Try(Path, () =>
            {
                var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (!File.Exists(local)) throw new ArgumentException($"The file '{Path}' does not exist.", nameof(Path));
                if (!ShouldProcess($"container {ContainerId}", $"Upload '{local}' ({new FileInfo(local).Length} bytes)")) return;
                WriteObject(Await(observer => service.UploadFileAsync(ContainerId, local, null, observer, CancellationToken)));
            });
        }
    }
}
