using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>One audit log event: a user action or configuration change in the organization.</summary>
    public sealed class OpenAiAuditLog : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The event type, e.g. <c>project.created</c> or <c>api_key.deleted</c>.</summary>
        public string? Type { get; set; }

        public DateTimeOffset? EffectiveAt { get; set; }

        /// <summary>The project the action was scoped to; null for organization-wide actions.</summary>
        public OpenAiAuditLogProject? Project { get; set; }

        public OpenAiAuditLogActor? Actor { get; set; }

        [JsonIgnore] public string? ProjectId => Project?.Id;
        [JsonIgnore] public string? ProjectName => Project?.Name;

        /// <summary><c>session</c> or <c>api_key</c>.</summary>
        [JsonIgnore] public string? ActorType => Actor?.Type;

        /// <summary>The user's email behind the session or key, when there is one.</summary>
        [JsonIgnore] public string? ActorEmail => Actor?.Session?.User?.Email ?? Actor?.ApiKey?.User?.Email;

        /// <summary>The user id, service account id or key tracking id that acted.</summary>
        [JsonIgnore]
        public string? ActorId => Actor?.Session?.User?.Id ?? Actor?.ApiKey?.User?.Id ?? Actor?.ApiKey?.ServiceAccount?.Id ?? Actor?.ApiKey?.Id;

        /// <summary>The event's details: the object the API sends under the property named after <see cref="Type"/>, as JSON text.</summary>
        [JsonIgnore]
        public string? DetailsJson =>
            Type != null && AdditionalProperties != null && AdditionalProperties.TryGetValue(Type, out var details) ? details.GetRawText() : null;

        /// <summary>The details as a JSON element (see <see cref="DetailsJson"/>).</summary>
        [JsonIgnore]
        public JsonElement? DetailsElement =>
            Type != null && AdditionalProperties != null && AdditionalProperties.TryGetValue(Type, out var details) ? details : (JsonElement?)null;

        /// <summary>The id in the details (the resource acted on), when there is one.</summary>
        [JsonIgnore]
        public string? ResourceId =>
            DetailsElement is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

        public override string ToString() => $"{Type} ({Id})";
    }

    public sealed class OpenAiAuditLogProject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public override string ToString() => $"{Name} ({Id})";
    }

    public sealed class OpenAiAuditLogActor
    {
        public string? Type { get; set; }
        public OpenAiAuditLogSession? Session { get; set; }
        public OpenAiAuditLogApiKey? ApiKey { get; set; }
        public override string ToString() => Session?.User?.Email ?? ApiKey?.User?.Email ?? ApiKey?.ServiceAccount?.Id ?? ApiKey?.Id ?? Type ?? "";
    }

    public sealed class OpenAiAuditLogSession
    {
        public OpenAiAuditLogUser? User { get; set; }
        public string? IpAddress { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{User} from {IpAddress}";
    }

    public sealed class OpenAiAuditLogApiKey
    {
        public string? Id { get; set; }
        public string? Type { get; set; }
        public OpenAiAuditLogUser? User { get; set; }
        public OpenAiAuditLogUser? ServiceAccount { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Type} key {Id}" + (User is null ? string.Empty : $" of {User}") + (ServiceAccount is null ? string.Empty : $" of {ServiceAccount}");
    }

    public sealed class OpenAiAuditLogUser
    {
        public string? Id { get; set; }
        public string? Email { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => Email is null ? Id ?? string.Empty : $"{Email} ({Id})";
    }
}
