using System;
using System.Net;
using System.Security;

namespace TrutoOpenAi.Core
{
    /// <summary>
    /// Everything needed to talk to one OpenAI organization: where, with which keys, and how patiently.
    /// Keys stay in <see cref="SecureString"/> and are never part of <see cref="ToString"/>.
    /// </summary>
    public sealed class OpenAiConnectionSettings
    {
        public static readonly Uri DefaultBaseUri = new Uri("https://api.openai.com/v1/");

        public string Name { get; set; } = "default";
        public Uri BaseUri { get; set; } = DefaultBaseUri;
        public SecureString? AdminKey { get; set; }
        public SecureString? ApiKey { get; set; }
        public string? Organization { get; set; }
        public string? Project { get; set; }
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(600);
        public int MaxRetries { get; set; } = 2;

        /// <summary>Longest Retry-After the client waits for; a longer one fails the call at once.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Checks the settings before any request: base URI shape and scheme, key kinds, limits.
        /// Throws <see cref="OpenAiValidationException"/> naming the parameter at fault.
        /// </summary>
        public void Validate()
        {
            if (string.IsNullOrWhiteSpace(Name))
                throw new OpenAiValidationException("Name", "A connection needs a non-empty name.");
            if (!BaseUri.IsAbsoluteUri)
                throw new OpenAiValidationException("BaseUri", $"The base URI '{BaseUri}' is not absolute.");
            if (BaseUri.Scheme == Uri.UriSchemeHttp && !IsLoopback(BaseUri))
                throw new OpenAiValidationException("BaseUri",
                    $"Plain http is refused for '{BaseUri.Host}': keys would travel in clear text. Use https, or http only to a loopback address (127.0.0.1, ::1, localhost).",
                    "OpenAiInsecureBaseUri");
            if (BaseUri.Scheme != Uri.UriSchemeHttp && BaseUri.Scheme != Uri.UriSchemeHttps)
                throw new OpenAiValidationException("BaseUri", $"The base URI scheme '{BaseUri.Scheme}' is not http or https.");
            if (MaxRetries < 0 || MaxRetries > 10)
                throw new OpenAiValidationException("MaxRetries", "MaxRetries must be between 0 and 10.");
            if (Timeout <= TimeSpan.Zero)
                throw new OpenAiValidationException("TimeoutSec", "The timeout must be positive.");
            CheckHeaderValue(Organization, "Organization");
            CheckHeaderValue(Project, "Project");
            CheckKeyKind(AdminKey, "AdminKey", expectAdmin: true);
            CheckKeyKind(ApiKey, "ApiKey", expectAdmin: false);
        }

        /// <summary>A base URI with a trailing slash, so relative paths append instead of replacing the last segment.</summary>
        public Uri NormalizedBaseUri
        {
            get
            {
                var text = BaseUri.AbsoluteUri;
                return text.EndsWith("/", StringComparison.Ordinal) ? BaseUri : new Uri(text + "/");
            }
        }

        public static bool IsLoopback(Uri uri)
        {
            if (uri.IsLoopback) return true;
            var host = uri.Host.Trim('[', ']');
            return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
        }

        /// <summary>
        /// Values sent as headers (OpenAI-Organization, OpenAI-Project): printable ASCII only. A CR or LF would start a new
        /// header on the wire; other characters fail every call later.
        /// </summary>
        private static void CheckHeaderValue(string? value, string parameter)
        {
            if (value is null) return;
            foreach (var c in value)
            {
                if (c < 0x21 || c > 0x7E)
                    throw new OpenAiValidationException(parameter,
                        $"-{parameter} may hold only printable ASCII characters without spaces (ids look like org-... and proj_...); it has {(c == '\r' || c == '\n' ? "a line break" : $"the character U+{(int)c:X4}")}.",
                        "OpenAiInvalidHeaderValue");
            }
        }

        private static void CheckKeyKind(SecureString? key, string parameter, bool expectAdmin)
        {
            if (key is null) return;
            if (key.Length == 0)
                throw new OpenAiValidationException(parameter, $"-{parameter} is empty.", "OpenAiMissingKey");
            var isAdmin = SecretText.StartsWith(key, "sk-admin-");
            if (expectAdmin && !isAdmin && SecretText.StartsWith(key, "sk-"))
                throw new OpenAiValidationException(parameter,
                    "The key given as -AdminKey is not an admin key (admin keys start with 'sk-admin-'). Pass project or user keys as -ApiKey.",
                    "OpenAiWrongKeyKind");
            if (!expectAdmin && isAdmin)
                throw new OpenAiValidationException(parameter,
                    "The key given as -ApiKey is an admin key ('sk-admin-...'). Admin keys work only on /organization endpoints: pass it as -AdminKey.",
                    "OpenAiWrongKeyKind");
        }

        public OpenAiConnectionSettings Clone() => (OpenAiConnectionSettings)MemberwiseClone();
    }
}
