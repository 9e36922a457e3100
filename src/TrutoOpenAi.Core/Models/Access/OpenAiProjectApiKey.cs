using System;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>An API key of a project (<c>organization.project.api_key</c>); only its redacted value is ever returned.</summary>
    public sealed class OpenAiProjectApiKey : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped keys bind to -ApiKeyId.</summary>
        [JsonIgnore]
        public string ApiKeyId => Id;

        /// <summary>The project the key belongs to (not in the API object; filled from the request).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        public string? Name { get; set; }

        /// <summary>The key as the dashboard shows it, e.g. <c>sk-abc...def</c>.</summary>
        public string? RedactedValue { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>When the key was last used; null if never.</summary>
        public DateTimeOffset? LastUsedAt { get; set; }

        /// <summary>Whether the key's owner currently has access to the project: <c>active</c> or <c>inactive</c>.</summary>
        public string? OwnerProjectAccess { get; set; }

        public OpenAiApiKeyOwner? Owner { get; set; }

        /// <summary><c>user</c> or <c>service_account</c>.</summary>
        [JsonIgnore]
        public string? OwnerType => Owner?.Type;

        /// <summary>The owning user's or service account's name.</summary>
        [JsonIgnore]
        public string? OwnerName => Owner?.User?.Name ?? Owner?.ServiceAccount?.Name;

        /// <summary>The owning user's email (null for service accounts).</summary>
        [JsonIgnore]
        public string? OwnerEmail => Owner?.User?.Email;

        /// <summary>The owning user's or service account's id.</summary>
        [JsonIgnore]
        public string? OwnerId => Owner?.User?.Id ?? Owner?.ServiceAccount?.Id;

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>Who owns a project API key: a user or a service account.</summary>
    public sealed class OpenAiApiKeyOwner
    {
        public string? Type { get; set; }
        public OpenAiApiKeyOwnerUser? User { get; set; }
        public OpenAiApiKeyOwnerServiceAccount? ServiceAccount { get; set; }
        public override string ToString() => $"{Type}: {User?.Email ?? ServiceAccount?.Name}";
    }

    public sealed class OpenAiApiKeyOwnerUser
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public string? Role { get; set; }
        public override string ToString() => $"{Name} <{Email}>";
    }

    public sealed class OpenAiApiKeyOwnerServiceAccount
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public string? Role { get; set; }
        public override string ToString() => $"{Name} ({Id})";
    }
}
