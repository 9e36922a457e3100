using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.AuditLogs;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.ProjectApiKeys;

/// <summary>
/// Project API keys: list (limit 1-100, default 20, after; owner_project_access active|inactive|any, absent = only keys
/// whose owner has access), retrieve, delete. A key owned by a service account cannot be deleted directly (spec: delete
/// the service account instead) → 400.
/// </summary>
public sealed class ProjectApiKeysArea : IEmulatorArea
{
    private static readonly string[] Access = ["active", "inactive", "any"];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<ProjectApiKeyStore>();
        var audit = state.Store<AuditLogStore>();
        var keys = v1.MapGroup("/organization/projects/{project_id}/api_keys");

        keys.MapGet("", (string project_id, HttpRequest request) =>
        {
            var items = store.For(project_id);
            var query = ListQuery.Parse(request, ListSpec.Standard);
            var access = request.Query.TryGetValue("owner_project_access", out var raw) ? raw[0] ?? "" : null;
            if (access is not null && !Access.Contains(access))
                throw ApiErrors.BadRequest($"Invalid value: '{access}'. Supported values are: 'active', 'inactive', 'any'.", "owner_project_access", "invalid_value").Throw();
            Func<ProjectApiKey, bool>? filter = access switch
            {
                "any" => null,
                null => static k => k.OwnerProjectAccess == "active",
                _ => k => k.OwnerProjectAccess == access,
            };
            return Results.Json(CursorList.Page(items, query, filter), EmulatorJson.Options);
        });

        keys.MapGet("/{api_key_id}", (string project_id, string api_key_id) =>
            store.For(project_id).Get(api_key_id) is { } key
                ? Results.Json(key, EmulatorJson.Options)
                : ApiErrors.NoSuch("API key", api_key_id).ToResult());

        keys.MapDelete("/{api_key_id}", (string project_id, string api_key_id) =>
        {
            var items = store.For(project_id);
            if (items.Get(api_key_id) is not { } key) return ApiErrors.NoSuch("API key", api_key_id).ToResult();
            if (key.Owner.Type == "service_account")
                return ApiErrors.BadRequest(
                    $"API key {api_key_id} belongs to service account {key.Owner.ServiceAccount?.Id}: it cannot be deleted directly. Delete the service account instead.",
                    "api_key_id", "invalid_request").ToResult();
            items.Remove(api_key_id);
            audit.Record("api_key.deleted", new JsonObject { ["id"] = api_key_id }, project_id);
            return Results.Json(new { @object = "organization.project.api_key.deleted", id = api_key_id, deleted = true }, EmulatorJson.Options);
        });
    }
}
