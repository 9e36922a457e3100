using System;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>
    /// A certificate uploaded to the organization (<c>certificate</c>, or in lists <c>organization.certificate</c> /
    /// <c>organization.project.certificate</c>, which also say whether it is active at that scope).
    /// </summary>
    public sealed class OpenAiCertificate : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped certificates bind to -CertificateId.</summary>
        [JsonIgnore]
        public string CertificateId => Id;

        /// <summary>For certificates listed or toggled in a project: that project (not in the API object).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public OpenAiCertificateDetails? CertificateDetails { get; set; }

        /// <summary>Whether the certificate is active at the listed scope; null where the API does not say (get, upload, rename).</summary>
        public bool? Active { get; set; }

        [JsonIgnore] public DateTimeOffset? ValidAt => CertificateDetails?.ValidAt;
        [JsonIgnore] public DateTimeOffset? ExpiresAt => CertificateDetails?.ExpiresAt;

        /// <summary>The PEM content, only when asked for (Get-OpenAiCertificate -IncludeContent).</summary>
        [JsonIgnore] public string? Content => CertificateDetails?.Content;

        public override string ToString() => $"{Name} ({Id})";
    }

    public sealed class OpenAiCertificateDetails
    {
        public DateTimeOffset? ValidAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public string? Content { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"valid {ValidAt:yyyy-MM-dd} to {ExpiresAt:yyyy-MM-dd}";
    }
}
