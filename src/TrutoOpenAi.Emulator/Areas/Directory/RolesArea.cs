using System.Text.Json;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>
/// RBAC roles: organization roles (/organization/roles) and project roles (/projects/{project_id}/roles): list
/// (next-cursor envelope), create (role_name + permissions required, names unique per scope), retrieve, update,
/// delete. Predefined roles cannot be changed or deleted (400). Deleting a role drops its assignments.
/// </summary>
public sealed class RolesArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<DirectoryStore>();
        MapScope(v1.MapGroup("/organization/roles"), store, state, _ => store.OrgRoles, "api.organization");
        MapScope(v1.MapGroup("/projects/{project_id}/roles"), store, state, r =>
        {
            var projectId = (string)r.RouteValues["project_id"]!;
            store.RequireProject(projectId);
            return store.RolesOf(projectId);
        }, "api.project");
    }

    private static void MapScope(RouteGroupBuilder group, DirectoryStore store, EmulatorState state, Func<HttpRequest, OrderedStore<RbacRole>> roles, string resourceType)
    {
        group.MapGet("", (HttpRequest request) => NextCursorList.Page(roles(request), request, NextCursorList.Roles, r => r));

        group.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var name = ValidName(body.RequiredString("role_name"));
            var permissions = Permissions(body, required: true)!;
            var (_, description) = body.OptionalString("description");
            var list = roles(request);
            if (list.Find(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is not null)
                throw ApiErrors.BadRequest($"A role named '{name}' already exists.", "role_name", "role_name_taken").Throw();
            var now = store.Now;
            var role = new RbacRole { Id = state.Ids.New(DirectoryStore.RolePrefix), Name = name, Description = description, Permissions = permissions, ResourceType = resourceType, CreatedAt = now, UpdatedAt = now };
            list.TryAdd(role);
            return Results.Json(role, EmulatorJson.Options);
        });

        group.MapGet("/{role_id}", (string role_id, HttpRequest request) =>
            roles(request).Get(role_id) is { } role ? Results.Json(role, EmulatorJson.Options) : ApiErrors.NoSuch("role", role_id).ToResult());

        group.MapPost("/{role_id}", async (string role_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (_, name) = body.OptionalString("role_name");
            if (name is not null) ValidName(name);
            var permissions = Permissions(body, required: false);
            var (descriptionPresent, description) = body.OptionalString("description");
            var list = roles(request);
            if (list.Get(role_id) is not { } current) return ApiErrors.NoSuch("role", role_id).ToResult();
            if (current.PredefinedRole) throw ApiErrors.BadRequest($"Role {role_id} is predefined and cannot be modified.").Throw();
            if (name is not null && list.Find(r => r.Id != role_id && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)) is not null)
                throw ApiErrors.BadRequest($"A role named '{name}' already exists.", "role_name", "role_name_taken").Throw();
            var updated = list.Update(role_id, r => r with
            {
                Name = name ?? r.Name,
                Permissions = permissions ?? r.Permissions,
                Description = descriptionPresent ? description : r.Description,
                UpdatedAt = store.Now,
            });
            return Results.Json(updated, EmulatorJson.Options);
        });

        group.MapDelete("/{role_id}", (string role_id, HttpRequest request) =>
        {
            var list = roles(request);
            if (list.Get(role_id) is not { } current) return ApiErrors.NoSuch("role", role_id).ToResult();
            if (current.PredefinedRole) throw ApiErrors.BadRequest($"Role {role_id} is predefined and cannot be deleted.").Throw();
            list.Remove(role_id);
            foreach (var keyed in new[] { store.UserRoles, store.GroupRoles, store.ProjectUserRoles, store.ProjectGroupRoles })
                foreach (var refs in keyed.All) refs.Remove(role_id);
            return Results.Json(new { @object = "role.deleted", id = role_id, deleted = true }, EmulatorJson.Options);
        });
    }

    private static string ValidName(string name) => string.IsNullOrWhiteSpace(name)
        ? throw ApiErrors.BadRequest("Invalid 'role_name': string too short. Expected a string with minimum length 1.", "role_name", "string_below_min_length").Throw()
        : name;

    private static IReadOnlyList<string>? Permissions(JsonBody body, bool required)
    {
        if (!body.Root.TryGetProperty("permissions", out var p) || p.ValueKind == JsonValueKind.Null)
            return required ? throw ApiErrors.MissingParameter("permissions").Throw() : null;
        if (p.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("permissions", "an array", p.ValueKind).Throw();
        var list = new List<string>();
        foreach (var item in p.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                throw ApiErrors.BadRequest("Invalid 'permissions': every permission must be a non-empty string such as 'api.groups.read'.", "permissions", "invalid_value").Throw();
            list.Add(item.GetString()!);
        }
        return list;
    }
}
