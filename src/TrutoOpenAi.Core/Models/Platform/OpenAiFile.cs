using System;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Platform
{
    /// <summary>A file uploaded to OpenAI (<c>file</c>): batch input, fine-tuning data, assistants documents, batch output...</summary>
    public sealed class OpenAiFile : OpenAiObject
    {
        /// <summary>The file id (file-...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped files bind to -FileId / -InputFileId parameters.</summary>
        [JsonIgnore]
        public string FileId => Id;

        /// <summary>The size in bytes.</summary>
        public long Bytes { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>When the file expires (batch files by default after 30 days); null when it never does.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        public string? Filename { get; set; }

        /// <summary><c>assistants</c>, <c>assistants_output</c>, <c>batch</c>, <c>batch_output</c>, <c>fine-tune</c>, <c>fine-tune-results</c>, <c>vision</c>, <c>user_data</c>...</summary>
        public string? Purpose { get; set; }

        /// <summary>Deprecated by the API: <c>uploaded</c>, <c>processed</c> or <c>error</c>.</summary>
        public string? Status { get; set; }

        /// <summary>Deprecated by the API: why validation failed.</summary>
        public string? StatusDetails { get; set; }

        public override string ToString() => $"{Filename} ({Id})";
    }

    /// <summary>The API's answer to deleting a file or a model (<c>{id, object, deleted}</c>).</summary>
    public sealed class OpenAiPlatformDeletion : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        public bool Deleted { get; set; }

        public override string ToString() => $"{Object} {Id} deleted: {Deleted}";
    }
}
