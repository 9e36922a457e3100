using System;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>Builds a connection from OPENAI_API_KEY, OPENAI_ADMIN_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID.</summary>
    internal static class EnvironmentConnection
    {
        public const string Name = "environment";

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

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
