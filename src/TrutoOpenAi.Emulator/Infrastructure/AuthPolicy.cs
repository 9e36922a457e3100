using System.Security.Cryptography;
using System.Text;

namespace TrutoOpenAi.Emulator.Infrastructure;

public enum AuthKind { None, Api, Admin }

/// <summary>
/// Key rules. If TRUTO_EMULATOR_ADMIN_KEY and/or TRUTO_EMULATOR_API_KEY are set, only those exact keys are valid;
/// otherwise any non-empty bearer key is. A key is an admin key when it equals TRUTO_EMULATOR_ADMIN_KEY or, when that
/// is unset, starts with "sk-admin-". Keys are never logged, recorded or echoed.
/// </summary>
public sealed class AuthPolicy
{
    private readonly byte[]? _adminKey;
    private readonly byte[]? _apiKey;

    public AuthPolicy(string? adminKey, string? apiKey)
    {
        _adminKey = string.IsNullOrEmpty(adminKey) ? null : Encoding.UTF8.GetBytes(adminKey);
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : Encoding.UTF8.GetBytes(apiKey);
    }

    public static AuthPolicy FromEnvironment() => new(
        Environment.GetEnvironmentVariable("TRUTO_EMULATOR_ADMIN_KEY"),
        Environment.GetEnvironmentVariable("TRUTO_EMULATOR_API_KEY"));

    public bool Restricted => _adminKey is not null || _apiKey is not null;

    /// <summary>Kind of the presented key (None when absent) and whether it is accepted.</summary>
    public (AuthKind Kind, bool Valid) Classify(HttpRequest request)
    {
        var key = BearerKey(request);
        if (key is null) return (AuthKind.None, false);
        var bytes = Encoding.UTF8.GetBytes(key);
        if (_adminKey is not null && CryptographicOperations.FixedTimeEquals(bytes, _adminKey)) return (AuthKind.Admin, true);
        var looksAdmin = _adminKey is null && key.StartsWith("sk-admin-", StringComparison.Ordinal);
        var kind = looksAdmin ? AuthKind.Admin : AuthKind.Api;
        if (!Restricted) return (kind, true);
        return (kind, _apiKey is not null && CryptographicOperations.FixedTimeEquals(bytes, _apiKey));
    }

    private static string? BearerKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0) return null;
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var key = header[scheme.Length..].Trim();
        return key.Length == 0 ? null : key;
    }

    public static string Name(AuthKind kind) => kind switch { AuthKind.Admin => "admin", AuthKind.Api => "api", _ => "none" };
}
