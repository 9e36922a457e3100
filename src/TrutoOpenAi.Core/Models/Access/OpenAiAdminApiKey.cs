using System;
using System.Security;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>An admin API key of the organization (<c>organization.admin_api_key</c>).</summary>
    public sealed class OpenAiAdminApiKey : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string AdminApiKeyId => Id;

        public string? Name { get; set; }

        /// <summary>The key as the dashboard shows it, e.g. <c>sk-admin...xyz</c>.</summary>
        public string? RedactedValue { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>When the key expires; null if never.</summary>
        public DateTimeOffset? ExpiresAt { get; set; }

        /// <summary>When the key was last used; null if never.</summary>
        public DateTimeOffset? LastUsedAt { get; set; }

        public OpenAiAdminApiKeyOwner? Owner { get; set; }

        /// <summary>Only on creation: the new key's value. The API shows it this once; store it now.</summary>
        [JsonIgnore]
        public SecureString? Secret { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>The user who owns an admin key.</summary>
    public sealed class OpenAiAdminApiKeyOwner
    {
        public string? Type { get; set; }
        public string? Object { get; set; }
        public string? Id { get; set; }
        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public string? Role { get; set; }
        public override string ToString() => $"{Name} ({Id})";
    }
}
