using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Files
{
    /// <summary>Downloads a file's content to disk.</summary>
    /// <remarks>
    /// <para>Streams the content of each file given by -Id (or piped in, e.g. from Get-OpenAiFile or a batch's
    /// OutputFileId) to -Path without holding it in memory. -Path is a file path, or an existing folder in which the file
    /// keeps its OpenAI file name. An existing file is not replaced unless -Force. The download goes to a temporary file
    /// first, so a failed download leaves no partial file behind. Writes the FileInfo of each saved file.</para>
    /// <para>This is GET /files/{file_id}/content, an API operation beyond the product's 157 tools. OpenAI refuses to
    /// download files of purpose assistants (OpenAiInvalidRequest). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Save-OpenAiFileContent -Id file-abc123 -Path ./results.jsonl</code>
    /// <para>Downloads one file's content to results.jsonl.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFile -Purpose batch_output | Save-OpenAiFileContent -Path ./outputs -Force</code>
    /// <para>Downloads every batch output file into the outputs folder, each under its own name.</para>
    /// </example>
    [Cmdlet(VerbsData.Save, "OpenAiFileContent", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    [OpenAiOperation("", "GET", "/files/{file_id}/content")]
    public sealed class SaveOpenAiFileContentCommand : OpenAiCmdlet
    {
        /// <summary>The id of the file to download (file-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Where to write the content: a file path, or an existing folder (the file keeps its OpenAI name).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new FileService(Client);
            Try(Id, () =>
            {
                var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (System.IO.Directory.Exists(target))
                {
                    var file = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                    var name = System.IO.Path.GetFileName(file.Filename);
                    target = System.IO.Path.Combine(target, string.IsNullOrEmpty(name) ? file.Id : name);
                }
                if (File.Exists(target) && !Force)
                    throw new InvalidOperationException($"The file '{target}' exists; use -Force to replace it.");
                if (!ShouldProcess(target, $"Save the content of file {Id}")) return;

                Internal.FileDestination.Write(target, stream => Await(observer => service.DownloadContentAsync(Id, stream, observer, CancellationToken)));
                WriteObject(new FileInfo(target));
            });
        }
    }
}
