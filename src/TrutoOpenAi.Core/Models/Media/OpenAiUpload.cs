using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using TrutoOpenAi.Core.Models.Platform;

namespace TrutoOpenAi.Core.Models.Media
{
    /// <summary>An Upload (<c>upload</c>): a file sent in parts of at most 64 MB, up to 8 GB, that becomes a File once completed.</summary>
    public sealed class OpenAiUpload : OpenAiObject
    {
        /// <summary>The upload id (upload_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped uploads bind to -UploadId.</summary>
        [JsonIgnore]
        public string UploadId => Id;

        public DateTimeOffset? CreatedAt { get; set; }

        public string? Filename { get; set; }

        /// <summary>The number of bytes the upload was created for; the parts must add up to it.</summary>
        public long Bytes { get; set; }

        /// <summary><c>assistants</c>, <c>batch</c>, <c>fine-tune</c> or <c>vision</c>.</summary>
        public string? Purpose { get; set; }

        /// <summary><c>pending</c>, <c>completed</c>, <c>cancelled</c> or <c>expired</c>.</summary>
        public string? Status { get; set; }

        /// <summary>When a pending upload expires (an hour after creation).</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>The File made from the parts once the upload is completed; null before.</summary>
        public OpenAiFile? File { get; set; }

        public override string ToString() => $"{Filename} ({Id}, {Status})";
    }

    /// <summary>A part added to an upload (<c>upload.part</c>). Offset and Length are what this module sent (the API does not echo them).</summary>
    public sealed class OpenAiUploadPart : OpenAiObject
    {
        /// <summary>The part id (part_...), listed in order when completing the upload.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped parts bind to -PartId.</summary>
        [JsonIgnore]
        public string PartId => Id;

        public string UploadId { get; set; } = string.Empty;

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Where the part starts in the local file (null when sent from memory).</summary>
        [JsonIgnore]
        public long? Offset { get; set; }

        /// <summary>The number of bytes this part carried.</summary>
        [JsonIgnore]
        public long Length { get; set; }

        public override string ToString() => $"{Id} ({Length} bytes)";
    }

    /// <summary>The body of POST /uploads.</summary>
    public sealed class UploadCreateRequest
    {
        public string Filename { get; set; } = string.Empty;
        public string Purpose { get; set; } = string.Empty;
        public long Bytes { get; set; }
        public string MimeType { get; set; } = string.Empty;
        public FileExpiration? ExpiresAfter { get; set; }
    }

    /// <summary>When the File an upload makes expires: <c>{anchor: created_at, seconds}</c>.</summary>
    public sealed class FileExpiration
    {
        public string Anchor { get; set; } = "created_at";
        public long Seconds { get; set; }
    }

    /// <summary>The body of POST /uploads/{upload_id}/complete.</summary>
    public sealed class UploadCompleteRequest
    {
        public IList<string> PartIds { get; set; } = new List<string>();
        public string? Md5 { get; set; }
    }

    /// <summary>How far a chunked upload has gone, reported as parts send their bytes.</summary>
    public readonly struct UploadProgress
    {
        public UploadProgress(string uploadId, long bytesSent, long totalBytes, int partsDone, int partCount, TimeSpan elapsed)
        {
            UploadId = uploadId;
            BytesSent = bytesSent;
            TotalBytes = totalBytes;
            PartsDone = partsDone;
            PartCount = partCount;
            Elapsed = elapsed;
        }

        public string UploadId { get; }
        public long BytesSent { get; }
        public long TotalBytes { get; }
        public int PartsDone { get; }
        public int PartCount { get; }
        public TimeSpan Elapsed { get; }

        /// <summary>The estimated time left at the rate so far; null before any byte went out.</summary>
        public TimeSpan? Remaining => BytesSent <= 0 || Elapsed <= TimeSpan.Zero ? (TimeSpan?)null
            : TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesSent) / BytesSent);
    }
}
