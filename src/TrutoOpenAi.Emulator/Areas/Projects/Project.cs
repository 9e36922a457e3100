using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Projects;

/// <summary>The spec's Project schema (components/schemas/Project). Immutable: updates replace it in the store.</summary>
public sealed record Project : IHasId
{
    public const string DefaultName = "Default Project";

    /// <summary>The spec's PublicProjectResidency enum.</summary>
    public static readonly string[] Residencies =
    [
        "GLOBAL", "US_STORAGE_PROCESSING", "EU_STORAGE_PROCESSING", "JP_STORAGE", "KR_STORAGE", "CA_STORAGE",
        "SG_STORAGE", "IN_STORAGE", "AU_STORAGE", "GB_STORAGE", "AE_STORAGE", "AE_STORAGE_PROCESSING",
    ];

    public required string Id { get; init; }
    public string Object => "organization.project";
    public string? Name { get; init; }
    public long CreatedAt { get; init; }
    public long? ArchivedAt { get; init; }
    public string Status { get; init; } = "active";
    public string? ExternalKeyId { get; init; }

    /// <summary>Only sent when the project was created with a residency (the spec's examples omit it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Residency { get; init; }

    /// <summary>Not part of the API object: the organisation's default project cannot be modified (spec: 400).</summary>
    [JsonIgnore]
    public bool IsDefault { get; init; }

    [JsonIgnore]
    public bool IsArchived => Status == "archived";
}
