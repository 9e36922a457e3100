using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Uploads
{
    /// <summary>Starts an upload: a file of up to 8 GB sent in parts of at most 64 MB.</summary>
    /// <remarks>
    /// <para>Creates a pending Upload for -Bytes bytes named -FileName (or for the local file -Path: its name, size and
    /// MIME type), with -Purpose assistants, batch, fine-tune or vision. Add parts with Add-OpenAiUploadPart (in parallel
    /// if you like), then Complete-OpenAiUpload with the parts in file order; or Stop-OpenAiUpload. An upload expires an
    /// hour after creation. The API has no way to read an upload back, so keep the object this cmdlet writes.
    /// New-OpenAiFile -Chunked does the whole sequence for you. Needs an API key.</para>
    /// <para>Refused before any request: an unknown purpose (OpenAiUploadPurposeNotSupported) and a size over 8 GB
    /// (OpenAiUploadTooLarge).</para>
    /// </remarks>
    /// <example>
    /// <code>$upload = New-OpenAiUpload -Path ./train.jsonl -Purpose fine-tune</code>
    /// <para>Starts an upload for a local file: its name, size and MIME type (text/jsonl) are taken from the file.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiUpload -FileName big.jsonl -Bytes 2GB -MimeType text/jsonl -Purpose batch</code>
    /// <para>Starts an upload of 2 GB described by hand.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiUpload", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Path")]
    [OutputType(typeof(OpenAiUpload))]
    [OpenAiOperation("create_a_openai_upload", "POST", "/uploads")]
    public sealed class NewOpenAiUploadCommand : OpenAiCmdlet
    {
        /// <summary>A local file to describe the upload by: its name, size and MIME type.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The name of the file the upload makes (with -Path, overrides the local name).</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Size")]
        [Parameter(ParameterSetName = "Path")]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>The number of bytes the parts will add up to, at most 8 GB.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Size")]
        [ValidateRange(0, long.MaxValue)]
        public long Bytes { get; set; }

        /// <summary>The MIME type of the file, e.g. text/jsonl; guessed from the file name's extension when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MimeType { get; set; }

        /// <summary>What the file is for: assistants, batch, fine-tune or vision.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("assistants", "batch", "fine-tune", "vision")]
        public string Purpose { get; set; } = string.Empty;

        /// <summary>How long after its creation the resulting file expires, from 1 hour to 30 days.</summary>
        [Parameter]
        public TimeSpan? ExpiresAfter { get; set; }

        protected override void ProcessRecord()
        {
            Try(FileName ?? Path, () =>
            {
                var name = FileName;
                var bytes = Bytes;
                if (ParameterSetName == "Path")
                {
                    var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                    if (!File.Exists(local)) throw new ArgumentException($"The file '{Path}' does not exist.", nameof(Path));
                    name ??= System.IO.Path.GetFileName(local);
                    bytes = new FileInfo(local).Length;
                }
                var body = new UploadCreateRequest
                {
                    Filename = name!,
                    Purpose = Purpose,
                    Bytes = bytes,
                    MimeType = MimeType ?? UploadService.GuessMimeType(name!),
                    ExpiresAfter = UploadCmdletHelpers.Expiration(ExpiresAfter),
                };
                UploadService.ValidateSize(bytes, name);
                if (!ShouldProcess($"upload '{name}' ({bytes} bytes)", $"Start an upload with purpose {Purpose}")) return;
                WriteObject(Await(observer => new UploadService(Client).CreateAsync(body, observer, CancellationToken)));
            });
        }
    }
}
