using System;
using System.Security;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>A service account of a project (<c>organization.project.service_account</c>): a bot identity with its own API key.</summary>
    public sealed class OpenAiProjectServiceAccount : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped service accounts bind to -ServiceAccountId.</summary>
        [JsonIgnore]
        public string ServiceAccountId => Id;

        /// <summary>The project the service account belongs to (not in the API object; filled from the request).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        public string? Name { get; set; }

        /// <summary><c>owner</c>, <c>member</c> or <c>none</c>.</summary>
        public string? Role { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Only on creation: the service account's new API key (id, name, created_at); its value is in <see cref="Secret"/>.</summary>
        public OpenAiServiceAccountApiKey? ApiKey { get; set; }

        /// <summary>The id of the key created with the service account (only on creation).</summary>
        [JsonIgnore]
        public string? ApiKeyId => ApiKey?.Id;

        /// <summary>Only on creation: the new API key's value. The API shows it this once; store it now.</summary>
        [JsonIgnore]
        public SecureString? Secret { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>The key created with a service account (<c>organization.project.service_account.api_key</c>), without its value.</summary>
    public sealed class OpenAiServiceAccountApiKey
    {
        public string? Object { get; set; }
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public override string ToString() => $"{Name} ({Id})";
    }
}
