using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Files
{
    /// <summary>Uploads a file to OpenAI.</summary>
    /// <remarks>
    /// <para>Uploads each local file given by -Path (or piped from Get-ChildItem) as multipart/form-data with the given
    /// -Purpose: batch for Batch API input (JSONL), fine-tune for fine-tuning data, assistants, vision, user_data or evals.
    /// The file is streamed from disk, not read into memory, and sent again in full if the upload is retried. Writes the new
    /// file object. -ExpiresAfter sets when the file expires (1 hour to 30 days after creation); batch files expire after
    /// 30 days by default, other files never. Needs an API key (not the admin key).</para>
    /// <para>Files over 512 MB (the Files endpoint's limit), and any file with -Chunked or -PartSize, go through the
    /// Uploads API instead, up to 8 GB: parts of -PartSize (at most 64 MB, the default) are read straight from disk and
    /// sent -ThrottleLimit at a time (default 4), each retried like any request; an MD5 is computed in file order beside
    /// them and checked by the API at completion; progress shows the bytes sent and the time left. If a part fails for
    /// good, or you press Ctrl+C, the upload is cancelled on the server, so nothing is left pending. The Uploads API takes
    /// the purposes assistants, batch, fine-tune and vision only; another purpose, or a file over 8 GB, is refused before
    /// any request (OpenAiUploadPurposeNotSupported, OpenAiUploadTooLarge).</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiFile -Path ./requests.jsonl -Purpose batch</code>
    /// <para>Uploads a batch input file and writes it, with its id, size and expiry.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./docs/*.pdf | New-OpenAiFile -Purpose user_data -ExpiresAfter (New-TimeSpan -Days 7)</code>
    /// <para>Uploads every PDF of a folder, each expiring after a week.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiFile -Path ./train.jsonl -Purpose fine-tune -Chunked -PartSize 8MB -ThrottleLimit 2</code>
    /// <para>Sends a file through the Uploads API in 8 MB parts, two at a time (files over 512 MB go this way by themselves).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiFile))]
    [OpenAiOperation("create_a_openai_file", "POST", "/files")]
    public sealed class NewOpenAiFileCommand : OpenAiCmdlet
    {
        private int _activity;

        /// <summary>The local file to upload.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>What the file is for: assistants, batch, fine-tune, vision, user_data or evals.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("assistants", "batch", "fine-tune", "vision", "user_data", "evals")]
        public string Purpose { get; set; } = string.Empty;

        /// <summary>The name to give the uploaded file; the local file's name when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>How long after its creation the file expires, from 1 hour to 30 days.</summary>
        [Parameter]
        public TimeSpan? ExpiresAfter { get; set; }

        /// <summary>Sends the file through the Uploads API in parts, whatever its size (files over 512 MB always are).</summary>
        [Parameter]
        public SwitchParameter Chunked { get; set; }

        /// <summary>The size of each part when uploading in parts, at most 64 MB (the default); implies -Chunked.</summary>
        [Parameter]
        [ValidateRange(1, long.MaxValue)]
        public long PartSize { get; set; }

        /// <summary>How many parts are sent at once when uploading in parts, 1 to 16 (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The MIME type given to the Uploads API; guessed from the extension when left out.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MimeType { get; set; }

        protected override void ProcessRecord()
        {
            Try(Path, () =>
            {
                var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (!File.Exists(local))
                    throw new ArgumentException($"The file '{Path}' does not exist.", nameof(Path));
                long? seconds = null;
                if (ExpiresAfter is TimeSpan span)
                {
                    seconds = (long)span.TotalSeconds;
                    if (seconds < 3600 || seconds > 2592000)
                        throw new ArgumentException($"-ExpiresAfter must be between 1 hour and 30 days; {span} is not.", nameof(ExpiresAfter));
                }
                var length = new FileInfo(local).Length;
                var name = FileName ?? System.IO.Path.GetFileName(local);
                if (Chunked || PartSize > 0 || length > UploadService.FilesEndpointMaxBytes)
                {
                    UploadInParts(local, name, length, seconds);
                    return;
                }
                if (!ShouldProcess($"file '{name}' ({length} bytes)", $"Upload with purpose {Purpose}")) return;
                WriteObject(Await(observer => new FileService(Client).UploadAsync(local, Purpose, name, seconds, observer, CancellationToken)));
            });
        }

        private void UploadInParts(string local, string name, long length, long? seconds)
        {
            UploadService.ValidatePurpose(Purpose);
            UploadService.ValidateSize(length, name);
            var partSize = PartSize > 0 ? PartSize : UploadService.MaxPartBytes;
            UploadService.ValidatePartLength(partSize);
            var parts = length == 0 ? 0 : (length + partSize - 1) / partSize;
            if (!ShouldProcess($"file '{name}' ({length} bytes)", $"Upload in {parts} part(s) with purpose {Purpose}")) return;
            var activity = ++_activity;
            var upload = Await(observer => new UploadService(Client).UploadFileAsync(local, new ChunkedUploadOptions
            {
                Purpose = Purpose,
                FileName = name,
                MimeType = MimeType,
                ExpiresAfterSeconds = seconds,
                PartSize = partSize,
                Parallelism = ThrottleLimit,
                Progress = Uploads.UploadCmdletHelpers.ProgressWriter((CallObserver)observer, activity, $"Uploading {name}"),
            }, observer, CancellationToken));
            WriteProgress(new ProgressRecord(activity, $"Uploading {name}", "Completed") { RecordType = ProgressRecordType.Completed });
            WriteObject(upload.File);
        }
    }
}
