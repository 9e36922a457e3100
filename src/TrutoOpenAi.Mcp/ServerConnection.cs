using System.Globalization;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.Mcp;

/// <summary>
/// The server's one connection, from the environment the host (or Start-OpenAiMcpServer) gave it. The keys are moved
/// into SecureStrings and removed from this process's environment, so nothing started later inherits them.
/// </summary>
public static class ServerConnection
{
    public static OpenAiConnectionSettings FromEnvironment()
    {
        var settings = new OpenAiConnectionSettings { Name = "mcp" };
        var baseUrl = Environment.GetEnvironmentVariable("OPENAI_BASE_URL");
        if (!string.IsNullOrEmpty(baseUrl))
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
                throw new OpenAiValidationException("BaseUri", $"OPENAI_BASE_URL '{baseUrl}' is not an absolute URI.");
            settings.BaseUri = uri;
        }
        var adminKey = Take("OPENAI_ADMIN_KEY");
        var apiKey = Take("OPENAI_API_KEY");
        if (adminKey is null && apiKey is null)
            throw new OpenAiMissingKeyException("No key: set OPENAI_ADMIN_KEY (organization tools) and/or OPENAI_API_KEY (the rest) in the server's environment.");
        if (adminKey != null) settings.AdminKey = SecretText.ToSecure(adminKey);
        if (apiKey != null) settings.ApiKey = SecretText.ToSecure(apiKey);
        settings.Organization = Value("OPENAI_ORG_ID");
        settings.Project = Value("OPENAI_PROJECT_ID");
        if (int.TryParse(Value("TRUTO_OPENAI_MAX_RETRIES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var retries)) settings.MaxRetries = retries;
        if (double.TryParse(Value("TRUTO_OPENAI_TIMEOUT_SEC"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
            settings.Timeout = TimeSpan.FromSeconds(seconds);
        return settings;
    }

    private static string? Value(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string? Take(string name)
    {
        var value = Value(name);
        Environment.SetEnvironmentVariable(name, null);
        return value;
    }
}
