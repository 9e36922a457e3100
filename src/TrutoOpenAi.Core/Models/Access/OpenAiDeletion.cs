using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>The API's answer to a deletion (<c>organization.project.api_key.deleted</c>, <c>certificate.deleted</c>...).</summary>
    public sealed class OpenAiDeletion : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>True when the API says so; certificate deletions do not say (null).</summary>
        public bool? Deleted { get; set; }

        /// <summary>The parent project, for project-scoped deletions (not in the API object).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        public override string ToString() => $"{Object} {Id}";
    }
}
