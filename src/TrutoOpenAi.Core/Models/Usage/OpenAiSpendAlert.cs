using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Usage
{
    /// <summary>
    /// A spend alert (<c>organization.spend_alert</c> or <c>project.spend_alert</c>): an e-mail when the month's spend
    /// crosses a threshold. The API counts in cents; <see cref="Threshold"/> gives the same in currency units.
    /// </summary>
    public sealed class OpenAiSpendAlert : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped alerts bind to -AlertId.</summary>
        [JsonIgnore]
        public string AlertId => Id;

        /// <summary>The project of a project alert; null for an organization alert.</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        /// <summary>Organization or Project.</summary>
        [JsonIgnore]
        public string Scope => ProjectId is null ? "Organization" : "Project";

        /// <summary>The threshold in cents, as the API sends it.</summary>
        public long ThresholdAmount { get; set; }

        /// <summary>The threshold in currency units (dollars): ThresholdAmount / 100.</summary>
        [JsonIgnore]
        public decimal Threshold => ThresholdAmount / 100m;

        /// <summary>USD.</summary>
        public string? Currency { get; set; }

        /// <summary>month.</summary>
        public string? Interval { get; set; }

        public OpenAiSpendAlertChannel? NotificationChannel { get; set; }

        /// <summary>The e-mail addresses notified (from the notification channel).</summary>
        [JsonIgnore]
        public string[] Recipients => NotificationChannel?.Recipients?.ToArray() ?? new string[0];

        public override string ToString() => $"{Id} {Threshold:0.00} {Currency}/{Interval}";
    }

    /// <summary>Where a spend alert is sent: type email, recipients and an optional subject prefix.</summary>
    public sealed class OpenAiSpendAlertChannel
    {
        public string Type { get; set; } = "email";
        public List<string> Recipients { get; set; } = new List<string>();
        public string? SubjectPrefix { get; set; }

        [JsonExtensionData]
        public Dictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Type}: {string.Join(", ", Recipients)}";
    }

    /// <summary>
    /// A hard spend limit (<c>organization.spend_limit</c> or <c>project.spend_limit</c>): requests are refused once the
    /// month's spend reaches it. The API counts in cents; <see cref="Threshold"/> gives the same in currency units.
    /// </summary>
    public sealed class OpenAiSpendLimit : OpenAiObject
    {
        /// <summary>The project of a project limit; null for the organization's limit.</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        /// <summary>Organization or Project.</summary>
        [JsonIgnore]
        public string Scope => ProjectId is null ? "Organization" : "Project";

        /// <summary>The limit in cents, as the API sends it.</summary>
        public long ThresholdAmount { get; set; }

        /// <summary>The limit in currency units (dollars): ThresholdAmount / 100.</summary>
        [JsonIgnore]
        public decimal Threshold => ThresholdAmount / 100m;

        public string? Currency { get; set; }
        public string? Interval { get; set; }
        public OpenAiSpendLimitEnforcement? Enforcement { get; set; }

        /// <summary>inactive or enforcing (from Enforcement.Status).</summary>
        [JsonIgnore]
        public string? Status => Enforcement?.Status;

        public override string ToString() => $"{Scope} {Threshold:0.00} {Currency}/{Interval} ({Status})";
    }

    /// <summary>The enforcement state of a hard spend limit.</summary>
    public sealed class OpenAiSpendLimitEnforcement
    {
        /// <summary>inactive or enforcing.</summary>
        public string? Status { get; set; }

        [JsonExtensionData]
        public Dictionary<string, System.Text.Json.JsonElement>? AdditionalProperties { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => Status ?? string.Empty;
    }

    /// <summary>The API's answer to a delete (<c>*.spend_alert.deleted</c>, <c>*.spend_limit.deleted</c>).</summary>
    public sealed class OpenAiSpendDeleted : OpenAiObject
    {
        public string? Id { get; set; }
        public bool Deleted { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Id} deleted: {Deleted}";
    }
}
