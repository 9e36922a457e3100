using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Guardrails
{
    /// <summary>
    /// How long OpenAI keeps the data of the organization (<c>organization.data_retention</c>) or of one project
    /// (<c>project.data_retention</c>, where <see cref="ProjectId"/> is set).
    /// </summary>
    public sealed class OpenAiDataRetention : OpenAiObject
    {
        /// <summary>The retention type, e.g. <c>zero_data_retention</c> or, for a project, <c>organization_default</c>.</summary>
        [JsonPropertyName("type")]
        public string? RetentionType { get; set; }

        /// <summary>The project, for project retention (not in the API object; filled from the request); null for the organization.</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        /// <summary><c>Organization</c> or <c>Project</c>.</summary>
        [JsonIgnore]
        public string Scope => ProjectId is null ? "Organization" : "Project";

        public override string ToString() => RetentionType ?? string.Empty;
    }

    /// <summary>The retention types the spec allows (UpdateOrganizationDataRetentionBody, UpdateProjectDataRetentionBody).</summary>
    public static class DataRetentionTypes
    {
        /// <summary>Types an organization may be set to.</summary>
        public static readonly string[] Organization =
        {
            "zero_data_retention", "modified_abuse_monitoring", "enhanced_zero_data_retention", "enhanced_modified_abuse_monitoring",
        };

        /// <summary>Types a project may be set to: the organization's, plus <c>organization_default</c> (follow the organization) and <c>none</c>.</summary>
        public static readonly string[] Project =
        {
            "organization_default", "none", "zero_data_retention", "modified_abuse_monitoring", "enhanced_zero_data_retention",
            "enhanced_modified_abuse_monitoring",
        };
    }

    /// <summary>Body of update-organization-data-retention and update-project-data-retention.</summary>
    public sealed class DataRetentionUpdateRequest
    {
        public string RetentionType { get; set; } = string.Empty;
    }
}
