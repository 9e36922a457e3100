using System;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models
{
    /// <summary>An OpenAI project (<c>organization.project</c>): the unit of tenancy, keys, limits and billing.</summary>
    public sealed class OpenAiProject : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped projects bind to -ProjectId parameters.</summary>
        [JsonIgnore]
        public string ProjectId => Id;

        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? ArchivedAt { get; set; }

        /// <summary><c>active</c> or <c>archived</c>.</summary>
        public string? Status { get; set; }

        public string? ExternalKeyId { get; set; }

        /// <summary>Data residency, e.g. <c>GLOBAL</c> or <c>EU_STORAGE_PROCESSING</c>.</summary>
        public string? Residency { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }
}
