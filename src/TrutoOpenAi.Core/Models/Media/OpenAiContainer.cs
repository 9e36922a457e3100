using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Media
{
    /// <summary>A container (<c>container</c>): a sandbox where the code interpreter runs and keeps its files.</summary>
    public sealed class OpenAiContainer : OpenAiObject
    {
        /// <summary>The container id (cntr_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped containers bind to -ContainerId.</summary>
        [JsonIgnore]
        public string ContainerId => Id;

        public string? Name { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary><c>running</c> or <c>expired</c> (the API's words for active and idle past its expiry).</summary>
        public string? Status { get; set; }

        public DateTimeOffset? LastActiveAt { get; set; }

        /// <summary>How long after its last activity the container expires.</summary>
        public OpenAiContainerExpiry? ExpiresAfter { get; set; }

        /// <summary><c>1g</c>, <c>4g</c>, <c>16g</c> or <c>64g</c>.</summary>
        public string? MemoryLimit { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>A container's expiry: <c>{anchor: last_active_at, minutes}</c>.</summary>
    public sealed class OpenAiContainerExpiry
    {
        public string Anchor { get; set; } = "last_active_at";
        public int Minutes { get; set; }

        public override string ToString() => $"{Minutes} min after {Anchor}";
    }

    /// <summary>A file in a container (<c>container.file</c>).</summary>
    public sealed class OpenAiContainerFile : OpenAiObject
    {
        /// <summary>The container file id (cfile_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string ContainerFileId => Id;

        public string ContainerId { get; set; } = string.Empty;

        public DateTimeOffset? CreatedAt { get; set; }

        public long Bytes { get; set; }

        /// <summary>Where the file lies in the container, e.g. /mnt/data/report.csv.</summary>
        public string? Path { get; set; }

        /// <summary><c>user</c> (added by you) or <c>assistant</c> (written by the model's code).</summary>
        public string? Source { get; set; }

        /// <summary>The file name part of <see cref="Path"/>.</summary>
        [JsonIgnore]
        public string? Name => Path is null ? null : System.IO.Path.GetFileName(Path);

        public override string ToString() => $"{Path} ({Id})";
    }

    /// <summary>The body of POST /containers.</summary>
    public sealed class ContainerCreateRequest
    {
        public string Name { get; set; } = string.Empty;
        public IList<string>? FileIds { get; set; }
        public OpenAiContainerExpiry? ExpiresAfter { get; set; }
        public string? MemoryLimit { get; set; }
    }
}
