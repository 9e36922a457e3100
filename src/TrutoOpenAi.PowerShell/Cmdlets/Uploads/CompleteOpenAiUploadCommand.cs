using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Uploads
{
    /// <summary>Completes an upload: its parts, in order, become a file.</summary>
    /// <remarks>
    /// <para>Completes the upload with the parts piped in (in input order; parts of several uploads complete each their own
    /// upload) or given by -UploadId and -PartId. With -Md5 the API checks the assembled bytes against the checksum. Writes
    /// the completed upload; its File property is the new file, usable at once (e.g. by New-OpenAiBatch). Needs an API
    /// key.</para>
    /// <para>Refused before any request (OpenAiUploadPartMissing, OpenAiUploadPartOverlap, OpenAiUploadPartDuplicate):
    /// parts sent by Add-OpenAiUploadPart from a file that leave a gap or overlap, and parts whose lengths do not add up
    /// to the size the upload was created for (known for uploads started in this session, or given by -Bytes).</para>
    /// </remarks>
    /// <example>
    /// <code>$upload = New-OpenAiUpload -Path ./big.jsonl -Purpose batch
    /// $parts = $upload | Add-OpenAiUploadPart -Path ./big.jsonl
    /// $parts | Complete-OpenAiUpload -Md5 (Get-FileHash ./big.jsonl -Algorithm MD5).Hash</code>
    /// <para>Completes an upload with its parts in order and has the API check the MD5.</para>
    /// </example>
    /// <example>
    /// <code>Complete-OpenAiUpload -UploadId upload_abc123 -PartId part_a, part_b</code>
    /// <para>Completes an upload by part ids.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Complete, "OpenAiUpload", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Parts")]
    [OutputType(typeof(OpenAiUpload))]
    [OpenAiOperation("openai_uploads_complete", "POST", "/uploads/{upload_id}/complete")]
    public sealed class CompleteOpenAiUploadCommand : OpenAiCmdlet
    {
        private readonly List<OpenAiUploadPart> _parts = new List<OpenAiUploadPart>();

        /// <summary>The parts, in file order (from Add-OpenAiUploadPart).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Parts")]
        [ValidateNotNull]
        public OpenAiUploadPart[] Part { get; set; } = Array.Empty<OpenAiUploadPart>();

        /// <summary>The id of the upload (upload_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Ids")]
        [ValidateNotNullOrEmpty]
        public string UploadId { get; set; } = string.Empty;

        /// <summary>The ids of the parts (part_...), in file order.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = "Ids")]
        [ValidateNotNullOrEmpty]
        public string[] PartId { get; set; } = Array.Empty<string>();

        /// <summary>The MD5 of the whole file (32 hex digits), checked by the API.</summary>
        [Parameter]
        [ValidatePattern("^[0-9a-fA-F]{32}$")]
        public string? Md5 { get; set; }

        /// <summary>The size the upload was created for, to check the parts add up to it before sending.</summary>
        [Parameter]
        [ValidateRange(0, long.MaxValue)]
        public long? Bytes { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == "Parts") _parts.AddRange(Part.Where(p => p != null));
            else Complete(UploadId, PartId.Select(id => new OpenAiUploadPart { Id = id, UploadId = UploadId }).ToList());
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != "Parts") return;
            var groups = _parts.GroupBy(p => p.UploadId, StringComparer.Ordinal).ToList();
            if (groups.Count > 1 && (Md5 != null || Bytes != null))
            {
                WriteError(new ErrorRecord(new ArgumentException("-Md5 and -Bytes describe one upload, but the parts belong to several."),
                    "OpenAiInvalidArgument", ErrorCategory.InvalidArgument, null));
                return;
            }
            foreach (var group in groups) Complete(group.Key, group.ToList());
        }

        private void Complete(string uploadId, IReadOnlyList<OpenAiUploadPart> parts)
        {
            Try(uploadId, () =>
            {
                UploadService.CheckParts(uploadId, parts, Bytes ?? UploadService.KnownSize(uploadId));
                if (!ShouldProcess($"upload {uploadId}", $"Complete with {parts.Count} part(s)")) return;
                WriteObject(Await(observer => new UploadService(Client).CompleteAsync(uploadId, parts, Md5, Bytes, observer, CancellationToken)));
            });
        }
    }
}
