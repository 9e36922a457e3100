using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.AuditLogs;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Certificates;

/// <summary>
/// Certificates (organisation and project): list (limit 1-100, default 20, after, order asc|desc default desc; items
/// carry "active" at that scope), upload (PEM checked), retrieve (include=content adds the PEM), rename, delete (only
/// when inactive for the organisation and every project), activate/deactivate (1-10 ids, atomic: an unknown id changes
/// nothing, idempotent), answered with a list object.
/// </summary>
public sealed class CertificatesArea : IEmulatorArea
{
    private static readonly ListSpec ListSpec = new(DefaultLimit: 20, MinLimit: 1, MaxLimit: 100, DefaultOrder: "desc");

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<CertificateStore>();
        var audit = state.Store<AuditLogStore>();
        var org = v1.MapGroup("/organization/certificates");

        org.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, ListSpec);
            return Results.Json(CursorList.Page(store.Items, query, c => View(c, "organization.certificate", c.OrgActive)), EmulatorJson.Options);
        });

        org.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var pem = body.RequiredString("certificate");
            var (_, name) = body.OptionalString("name");
            var (validAt, expiresAt) = CertificateStore.ParsePem(pem);
            var cert = store.Add(name, pem, validAt, expiresAt);
            audit.Record("certificate.created", new JsonObject { ["id"] = cert.Id, ["name"] = cert.Name });
            return Results.Json(View(cert, "certificate", null), EmulatorJson.Options);
        });

        org.MapPost("/activate", (HttpRequest request) => Toggle(request, state, store, audit, null, true));
        org.MapPost("/deactivate", (HttpRequest request) => Toggle(request, state, store, audit, null, false));

        org.MapGet("/{certificate_id}", (string certificate_id, HttpRequest request) =>
        {
            if (store.Items.Get(certificate_id) is not { } cert) return ApiErrors.NoSuch("certificate", certificate_id).ToResult();
            var include = request.Query["include"].Concat(request.Query["include[]"]).ToList();
            foreach (var value in include)
                if (value != "content")
                    return ApiErrors.BadRequest($"Invalid value: '{value}'. Supported values are: 'content'.", "include", "invalid_value").ToResult();
            return Results.Json(View(cert, "certificate", null, include.Contains("content")), EmulatorJson.Options);
        });

        org.MapPost("/{certificate_id}", async (string certificate_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (present, name) = body.OptionalString("name");
            var updated = store.Items.Update(certificate_id, c => present ? c with { Name = name } : c);
            if (updated is null) return ApiErrors.NoSuch("certificate", certificate_id).ToResult();
            audit.Record("certificate.updated", new JsonObject { ["id"] = updated.Id, ["name"] = updated.Name });
            return Results.Json(View(updated, "certificate", null), EmulatorJson.Options);
        });

        org.MapDelete("/{certificate_id}", (string certificate_id) =>
        {
            StoredCertificate? removed;
            lock (store.Gate)
            {
                if (store.Items.Get(certificate_id) is not { } cert) return ApiErrors.NoSuch("certificate", certificate_id).ToResult();
                var projects = store.ProjectsWhereActive(certificate_id).ToList();
                if (cert.OrgActive || projects.Count > 0)
                {
                    var where = cert.OrgActive ? "the organization" : "";
                    if (projects.Count > 0) where += (where.Length > 0 ? " and " : "") + $"project(s) {string.Join(", ", projects)}";
                    return ApiErrors.BadRequest(
                        $"Certificate {certificate_id} is active for {where}. Deactivate it for the organization and all projects before deleting it.",
                        "certificate_id", "certificate_active").ToResult();
                }
                removed = store.Items.Remove(certificate_id);
            }
            audit.Record("certificate.deleted", new JsonObject { ["id"] = certificate_id, ["name"] = removed?.Name, ["certificate"] = removed?.Content });
            return Results.Json(new { @object = "certificate.deleted", id = certificate_id }, EmulatorJson.Options);
        });

        var project = v1.MapGroup("/organization/projects/{project_id}/certificates");
        project.MapGet("", (string project_id, HttpRequest request) =>
        {
            store.RequireProject(project_id);
            var query = ListQuery.Parse(request, ListSpec);
            HashSet<string> active;
            lock (store.Gate) active = new HashSet<string>(store.ActiveIn(project_id));
            return Results.Json(CursorList.Page(store.Items, query, c => View(c, "organization.project.certificate", active.Contains(c.Id))), EmulatorJson.Options);
        });
        project.MapPost("/activate", (string project_id, HttpRequest request) => Toggle(request, state, store, audit, project_id, true));
        project.MapPost("/deactivate", (string project_id, HttpRequest request) => Toggle(request, state, store, audit, project_id, false));
    }

    private static async Task<IResult> Toggle(HttpRequest request, EmulatorState state, CertificateStore store, AuditLogStore audit, string? projectId, bool activate)
    {
        if (projectId is not null) store.RequireProject(projectId);
        var body = await JsonBody.ReadAsync(request);
        var ids = CertificateIds(body);
        var objectType = projectId is null ? "organization.certificate" : "organization.project.certificate";
        var views = new List<JsonObject>();
        var touched = new JsonArray();
        lock (store.Gate)
        {
            // Atomic: check every id before changing any.
            foreach (var id in ids)
                if (store.Items.Get(id) is null) throw ApiErrors.NotFound($"No such certificate: {id}", "certificate_ids").Throw();
            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                StoredCertificate cert;
                bool active;
                if (projectId is null)
                {
                    cert = store.Items.Update(id, c => c with { OrgActive = activate })!;
                    active = cert.OrgActive;
                }
                else
                {
                    var set = store.ActiveIn(projectId);
                    if (activate) set.Add(id); else set.Remove(id);
                    cert = store.Items.Get(id)!;
                    active = activate;
                }
                views.Add(View(cert, objectType, active));
                touched.Add(new JsonObject { ["id"] = cert.Id, ["name"] = cert.Name });
            }
        }
        audit.Record(activate ? "certificates.activated" : "certificates.deactivated", new JsonObject { ["certificates"] = touched }, projectId,
            ids.Distinct(StringComparer.Ordinal).ToArray());
        // The spec's OrganizationCertificateActivationResponse and its three siblings: { object, data }, not a list page.
        return Results.Json(new JsonObject
        {
            ["object"] = $"{objectType}.{(activate ? "activation" : "deactivation")}",
            ["data"] = new JsonArray(views.Select(v => (JsonNode?)v).ToArray()),
        }, EmulatorJson.Options);
    }

    private static List<string> CertificateIds(JsonBody body)
    {
        if (!body.Root.TryGetProperty("certificate_ids", out var raw) || raw.ValueKind == JsonValueKind.Null)
            throw ApiErrors.MissingParameter("certificate_ids").Throw();
        if (raw.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("certificate_ids", "an array", raw.ValueKind).Throw();
        var count = raw.GetArrayLength();
        if (count < 1)
            throw ApiErrors.BadRequest("Invalid 'certificate_ids': empty array. Expected an array with minimum length 1, but got an empty array instead.",
                "certificate_ids", "empty_array").Throw();
        if (count > CertificateStore.MaxIdsPerRequest)
            throw ApiErrors.BadRequest(
                $"Invalid 'certificate_ids': array too long. Expected an array with maximum length {CertificateStore.MaxIdsPerRequest}, but got an array with length {count} instead.",
                "certificate_ids", "array_above_max_length").Throw();
        var ids = new List<string>(count);
        foreach (var item in raw.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType("certificate_ids[]", "a string", item.ValueKind).Throw();
            ids.Add(item.GetString()!);
        }
        return ids;
    }

    /// <summary>The Certificate object: "active" only in lists and toggles, content only on request.</summary>
    private static JsonObject View(StoredCertificate c, string objectType, bool? active, bool withContent = false)
    {
        var details = new JsonObject { ["valid_at"] = c.ValidAt, ["expires_at"] = c.ExpiresAt };
        if (withContent) details["content"] = c.Content;
        var o = new JsonObject
        {
            ["object"] = objectType,
            ["id"] = c.Id,
            ["name"] = c.Name,
            ["created_at"] = c.CreatedAt,
            ["certificate_details"] = details,
        };
        if (active is { } a) o["active"] = a;
        return o;
    }
}
