using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Certificates;

/// <summary>An uploaded certificate with where it is active (the organisation and/or projects).</summary>
public sealed record StoredCertificate : IHasId
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public long CreatedAt { get; init; }
    public required string Content { get; init; }
    public long ValidAt { get; init; }
    public long ExpiresAt { get; init; }
    public bool OrgActive { get; init; }
}

/// <summary>
/// The organisation's certificates (oldest first in the store; lists default to newest first) and their activation
/// per project. None at startup; POST /_emulator/seed {"certificates": N | [{"name", "active"}]} adds self-signed ones.
/// </summary>
public sealed class CertificateStore(EmulatorState state) : IEmulatorStore, IEmulatorSeeder
{
    public const int MaxIdsPerRequest = 10; // ToggleCertificatesRequest.certificate_ids maxItems

    private readonly object _gate = new();
    private readonly Dictionary<string, HashSet<string>> _projectActive = new(StringComparer.Ordinal);
    private readonly ProjectStore _projects = state.Store<ProjectStore>();

    public OrderedStore<StoredCertificate> Items { get; } = new();

    /// <summary>Guards multi-certificate changes (activation is atomic) and the project activation sets.</summary>
    public object Gate => _gate;

    public void Reset()
    {
        lock (_gate)
        {
            Items.Clear();
            _projectActive.Clear();
        }
    }

    public void RequireProject(string projectId)
    {
        if (_projects.Get(projectId) is null) throw ApiErrors.NoSuch("project", projectId).Throw();
    }

    /// <summary>The project's set of active certificate ids (caller holds <see cref="Gate"/>).</summary>
    public HashSet<string> ActiveIn(string projectId)
    {
        if (!_projectActive.TryGetValue(projectId, out var set)) _projectActive[projectId] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    /// <summary>Projects where the certificate is active (caller holds <see cref="Gate"/>).</summary>
    public IEnumerable<string> ProjectsWhereActive(string certificateId) =>
        _projectActive.Where(p => p.Value.Contains(certificateId)).Select(p => p.Key);

    public StoredCertificate Add(string? name, string pem, long validAt, long expiresAt, bool active = false) =>
        Items.Append(last => new StoredCertificate
        {
            Id = state.Ids.New("cert_"),
            Name = name,
            Content = pem,
            ValidAt = validAt,
            ExpiresAt = expiresAt,
            CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0),
            OrgActive = active,
        });

    /// <summary>
    /// Validates a PEM certificate as the upload does: one "BEGIN CERTIFICATE" block that parses as X.509, and no
    /// private key. Throws 400 (param "certificate") otherwise; returns the validity window in unix seconds.
    /// </summary>
    public static (long ValidAt, long ExpiresAt) ParsePem(string pem)
    {
        if (pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            throw ApiErrors.BadRequest("Invalid certificate: the content contains a private key. Upload only the public certificate.", "certificate", "invalid_value").Throw();
        if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal) || !pem.Contains("-----END CERTIFICATE-----", StringComparison.Ordinal))
            throw ApiErrors.BadRequest("Invalid certificate: the content is not a PEM-encoded X.509 certificate (expected -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----).", "certificate", "invalid_value").Throw();
        try
        {
            using var cert = X509Certificate2.CreateFromPem(pem);
            return (new DateTimeOffset(cert.NotBefore.ToUniversalTime()).ToUnixTimeSeconds(), new DateTimeOffset(cert.NotAfter.ToUniversalTime()).ToUnixTimeSeconds());
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw ApiErrors.BadRequest("Invalid certificate: the PEM block could not be parsed as an X.509 certificate.", "certificate", "invalid_value").Throw();
        }
    }

    /// <summary>A fresh self-signed certificate (P-256), PEM-encoded, valid from yesterday for a year.</summary>
    public static string SelfSigned(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(365));
        return cert.ExportCertificatePem();
    }

    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        if (!request.TryGetProperty("certificates", out var spec)) return null;
        var entries = new List<(string? Name, bool Active)>();
        if (spec.ValueKind == JsonValueKind.Number && spec.TryGetInt32(out var count) && count is >= 0 and <= 1000)
            for (var i = 1; i <= count; i++) entries.Add(("seeded-cert-" + i.ToString("D3", CultureInfo.InvariantCulture), false));
        else if (spec.ValueKind == JsonValueKind.Array)
            foreach (var item in spec.EnumerateArray())
                entries.Add((item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
                    item.TryGetProperty("active", out var a) && a.ValueKind == JsonValueKind.True));
        else throw ApiErrors.BadRequest("'certificates' must be a count (0-1000) or an array of {name, active}.", "certificates").Throw();

        var ids = new List<string>();
        foreach (var (name, active) in entries)
        {
            var pem = SelfSigned(name ?? "emulator");
            var (validAt, expiresAt) = ParsePem(pem);
            ids.Add(Add(name, pem, validAt, expiresAt, active).Id);
        }
        return new Dictionary<string, object?> { ["certificates"] = new { added = ids.Count, ids, total = Items.Count } };
    }
}
