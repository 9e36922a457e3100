using System;
using System.Security.Cryptography;
using System.Text;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// Builds a connection from OPENAI_API_KEY, OPENAI_ADMIN_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID.
    /// The variables are read at every call that falls back to them: changing or removing one takes effect on the next
    /// call. The connection (and its HTTP client) is reused while the values stay the same; only a hash of them is kept.
    /// It is never registered, so it never becomes current and Disconnect-OpenAi has nothing to forget.
    /// </summary>
    internal static class EnvironmentConnection
    {
        public const string Name = "environment";
        private static readonly string[] Variables = { "OPENAI_API_KEY", "OPENAI_ADMIN_KEY", "OPENAI_BASE_URL", "OPENAI_ORG_ID", "OPENAI_PROJECT_ID" };
        private static readonly object Gate = new object();
        private static OpenAiConnection? _cached;
        private static string? _cachedFingerprint;

        /// <summary>The connection the environment describes now; null when it holds no key.</summary>
        public static OpenAiConnection? Current()
        {
            var fingerprint = Fingerprint();
            lock (Gate)
            {
                if (_cached != null && _cachedFingerprint == fingerprint && _cached.IsActive) return _cached;
                var created = TryCreate();
                _cached?.Dispose(); // retired: calls still using it finish first
                _cached = created;
                _cachedFingerprint = created is null ? null : fingerprint;
                return created;
            }
        }

        public static OpenAiConnection? TryCreate()
        {
            var settings = new OpenAiConnectionSettings { Name = Name, ApiKey = SecureKey("OPENAI_API_KEY"), AdminKey = SecureKey("OPENAI_ADMIN_KEY") };
            if (settings.ApiKey is null && settings.AdminKey is null) return null;
            ApplyDefaults(settings);
            return new OpenAiConnection(settings) { Source = "environment" };
        }

        /// <summary>A key from the environment as a SecureString; null when the variable is unset or empty.</summary>
        public static System.Security.SecureString? SecureKey(string variable)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            return string.IsNullOrEmpty(value) ? null : SecretText.ToSecure(value!);
        }

        /// <summary>Fills base URI, organization and project from the environment where the caller gave none.</summary>
        public static void ApplyDefaults(OpenAiConnectionSettings settings)
        {
            var baseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
            if (!string.IsNullOrEmpty(baseUrl))
            {
                if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
                    throw new OpenAiValidationException("BaseUri", $"OPENAI_BASE_URL '{baseUrl}' is not an absolute URI.");
                settings.BaseUri = uri;
            }
            settings.Organization ??= NullIfEmpty(Environment.GetEnvironmentVariable("OPENAI_ORG_ID"));
            settings.Project ??= NullIfEmpty(Environment.GetEnvironmentVariable("OPENAI_PROJECT_ID"));
        }

        /// <summary>A hash of the five variables (never the values themselves).</summary>
        private static string Fingerprint()
        {
            var text = new StringBuilder();
            foreach (var variable in Variables) text.Append(Environment.GetEnvironmentVariable(variable) ?? "\u0001").Append('\u0000');
            using var sha = SHA256.Create();
            return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(text.ToString())));
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
