using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Uploads
{
    /// <summary>Adds a part (at most 64 MB) to a pending upload.</summary>
    /// <remarks>
    /// <para>Sends -Length bytes of the local file -Path from -Offset (default: from the start to the end of the file), read
    /// straight from disk and never held in memory, or the bytes of -Data, as one part of the upload -UploadId. Parts may be
    /// added in any order and in parallel; their order is set when completing. Writes the part, which remembers its
    /// offset and length so Complete-OpenAiUpload can tell a missing part before sending. A retried part is sent again in
    /// full. Needs an API key.</para>
    /// <para>A part over 64 MB is refused before any request (OpenAiUploadPartTooLarge), and so is a range outside the
    /// file (OpenAiUploadPartOutOfRange).</para>
    /// </remarks>
    /// <example>
    /// <code>$upload = New-OpenAiUpload -Path ./train.jsonl -Purpose fine-tune
    /// $part = $upload | Add-OpenAiUploadPart -Path ./train.jsonl
    /// $part | Complete-OpenAiUpload</code>
    /// <para>Uploads a small file as a single part and completes the upload.</para>
    /// </example>
    /// <example>
    /// <code>$upload = New-OpenAiUpload -Path ./big.jsonl -Purpose batch
    /// $size = (Get-Item ./big.jsonl).Length; $chunk = 64MB
    /// $parts = for ($o = 0; $o -lt $size; $o += $chunk) { Add-OpenAiUploadPart -UploadId $upload.Id -Path ./big.jsonl -Offset $o -Length ([math]::Min($chunk, $size - $o)) }
    /// $parts | Complete-OpenAiUpload</code>
    /// <para>Sends a large file in 64 MB parts, one after the other, and completes the upload (New-OpenAiFile -Chunked
    /// sends the parts in parallel).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiUploadPart", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Path")]
    [OutputType(typeof(OpenAiUploadPart))]
    [OpenAiOperation("openai_uploads_add", "POST", "/uploads/{upload_id}/parts")]
    public sealed class AddOpenAiUploadPartCommand : OpenAiCmdlet
    {
        /// <summary>The id of the pending upload (upload_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UploadId { get; set; } = string.Empty;

        /// <summary>The local file to read the part from.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = "Path")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Where in the file the part starts (default 0).</summary>
        [Parameter(ParameterSetName = "Path")]
        [ValidateRange(0, long.MaxValue)]
        public long Offset { get; set; }

        /// <summary>How many bytes the part carries, at most 64 MB (default: to the end of the file).</summary>
        [Parameter(ParameterSetName = "Path")]
        [ValidateRange(1, long.MaxValue)]
        public long Length { get; set; } = -1;

        /// <summary>The part's bytes, from memory.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Data")]
        [ValidateNotNull]
        public byte[] Data { get; set; } = Array.Empty<byte>();

        protected override void ProcessRecord()
        {
            Try(UploadId, () =>
            {
                var service = new UploadService(Client);
                if (ParameterSetName == "Data")
                {
                    UploadService.ValidatePartLength(Data.LongLength);
                    if (!ShouldProcess($"upload {UploadId}", $"Add a part of {Data.LongLength} bytes")) return;
                    WriteObject(Await(observer => service.AddPartAsync(UploadId, Data, observer, CancellationToken)));
                    return;
                }
                var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                if (!File.Exists(local)) throw new ArgumentException($"The file '{Path}' does not exist.", nameof(Path));
                var fileLength = new FileInfo(local).Length;
                var length = Length > 0 ? Length : fileLength - Offset;
                UploadService.ValidatePartLength(length);
                if (Offset + length > fileLength || length <= 0)
                    throw new OpenAiValidationException("Offset",
                        $"Bytes {Offset}..{Offset + length - 1} lie outside '{Path}' ({fileLength} bytes).", "OpenAiUploadPartOutOfRange");
                if (!ShouldProcess($"upload {UploadId}", $"Add bytes {Offset}..{Offset + length - 1} of '{Path}' as a part")) return;
                WriteObject(Await(observer => service.AddPartAsync(UploadId, local, Offset, length, null, null, observer, CancellationToken)));
            });
        }
    }
}
