using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>
/// Groups (CRUD), group membership (/organization/groups/{id}/users), group organization roles
/// (/organization/groups/{id}/roles), project groups (/organization/projects/{id}/groups) and project group roles
/// (/projects/{id}/groups/{group_id}/roles). Lists use the next-cursor envelope.
/// </summary>
public sealed class GroupsArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<DirectoryStore>();
        var groups = v1.MapGroup("/organization/groups");

        groups.MapGet("", (HttpRequest request) => NextCursorList.Page(store.Groups, request, NextCursorList.Groups, g => g));
        groups.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var name = ValidName(body.RequiredString("name"));
            var group = new Group { Id = state.Ids.New(DirectoryStore.GroupPrefix), Name = name, CreatedAt = store.Now };
            store.Groups.TryAdd(group);
            return Results.Json(group, EmulatorJson.Options);
        });
        groups.MapGet("/{group_id}", (string group_id) => Results.Json(store.RequireGroup(group_id), EmulatorJson.Options));
        groups.MapPost("/{group_id}", async (string group_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var name = ValidName(body.RequiredString("name"));
            store.RequireGroup(group_id);
            var g = store.Groups.Update(group_id, x => x with { Name = name })!;
            return Results.Json(new { id = g.Id, name = g.Name, created_at = g.CreatedAt, is_scim_managed = g.IsScimManaged }, EmulatorJson.Options);
        });
        groups.MapDelete("/{group_id}", (string group_id) =>
        {
            store.RequireGroup(group_id);
            store.Groups.Remove(group_id);
            store.GroupUsers.Drop(group_id);
            store.GroupRoles.Drop(group_id);
            foreach (var refs in store.ProjectGroups.All) refs.Remove(group_id);
            store.ProjectGroupRoles.DropWhere(k => k.EndsWith("/" + group_id, StringComparison.Ordinal));
            return Results.Json(new { @object = "group.deleted", id = group_id, deleted = true }, EmulatorJson.Options);
        });

        // ---- membership ----
        groups.MapGet("/{group_id}/users", (string group_id, HttpRequest request) =>
        {
            store.RequireGroup(group_id);
            return NextCursorList.Page(store.GroupUsers.For(group_id), request, NextCursorList.GroupUsers,
                r => store.Users.Get(r.Id) is { } u ? new { id = u.Id, name = u.Name, email = u.Email } : null, r => store.Users.Get(r.Id) is not null);
        });
        groups.MapPost("/{group_id}/users", async (string group_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var userId = body.RequiredString("user_id");
            store.RequireGroup(group_id);
            store.RequireUser(userId);
            if (!store.GroupUsers.For(group_id).TryAdd(new Ref(userId, store.Now)))
                throw ApiErrors.BadRequest($"User {userId} is already a member of group {group_id}.", "user_id").Throw();
            return Results.Json(new { @object = "group.user", user_id = userId, group_id }, EmulatorJson.Options);
        });
        groups.MapGet("/{group_id}/users/{user_id}", (string group_id, string user_id) =>
        {
            store.RequireGroup(group_id);
            if (store.GroupUsers.For(group_id).Get(user_id) is null || store.Users.Get(user_id) is not { } u)
                return ApiErrors.NotFound($"No such user in group {group_id}: {user_id}").ToResult();
            return Results.Json(new { id = u.Id, name = u.Name, email = u.Email, picture = (string?)null, is_service_account = false, user_type = "user" }, EmulatorJson.Options);
        });
        groups.MapDelete("/{group_id}/users/{user_id}", (string group_id, string user_id) =>
        {
            store.RequireGroup(group_id);
            if (store.GroupUsers.For(group_id).Remove(user_id) is null)
                return ApiErrors.NotFound($"No such user in group {group_id}: {user_id}").ToResult();
            return Results.Json(new { @object = "group.user.deleted", deleted = true }, EmulatorJson.Options);
        });

        // ---- organization roles of a group ----
        groups.MapGet("/{group_id}/roles", (string group_id, HttpRequest request) =>
        {
            store.RequireGroup(group_id);
            return NextCursorList.Page(store.GroupRoles.For(group_id), request, NextCursorList.Assignments,
                r => store.OrgRoles.Get(r.Id)?.Details(), r => store.OrgRoles.Get(r.Id) is not null);
        });
        groups.MapPost("/{group_id}/roles", async (string group_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var roleId = body.RequiredString("role_id");
            var group = store.RequireGroup(group_id);
            var role = store.OrgRoles.Get(roleId) ?? throw ApiErrors.NoSuch("role", roleId).Throw();
            if (!store.GroupRoles.For(group_id).TryAdd(new Ref(roleId, store.Now)))
                throw ApiErrors.BadRequest($"Role {roleId} is already assigned to group {group_id}.", "role_id").Throw();
            return Results.Json(new { @object = "group.role", group = group.Summary(), role }, EmulatorJson.Options);
        });
        groups.MapGet("/{group_id}/roles/{role_id}", (string group_id, string role_id) =>
        {
            store.RequireGroup(group_id);
            if (store.GroupRoles.For(group_id).Get(role_id) is null || store.OrgRoles.Get(role_id) is not { } role)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to group {group_id}.").ToResult();
            return Results.Json(role.Details(), EmulatorJson.Options);
        });
        groups.MapDelete("/{group_id}/roles/{role_id}", (string group_id, string role_id) =>
        {
            store.RequireGroup(group_id);
            if (store.GroupRoles.For(group_id).Remove(role_id) is null)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to group {group_id}.").ToResult();
            return Results.Json(new { @object = "group.role.deleted", deleted = true }, EmulatorJson.Options);
        });

        // ---- groups with access to a project ----
        var projectGroups = v1.MapGroup("/organization/projects/{project_id}/groups");
        object ProjectGroup(string projectId, Ref r, Group g) => new
        {
            @object = "project.group", project_id = projectId, group_id = g.Id, group_name = g.Name, group_type = g.GroupType, created_at = r.CreatedAt,
        };
        projectGroups.MapGet("", (string project_id, HttpRequest request) =>
        {
            store.RequireProject(project_id);
            return NextCursorList.Page(store.ProjectGroups.For(project_id), request, NextCursorList.ProjectGroups,
                r => store.Groups.Get(r.Id) is { } g ? ProjectGroup(project_id, r, g) : null, r => store.Groups.Get(r.Id) is not null);
        });
        projectGroups.MapPost("", async (string project_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var groupId = body.RequiredString("group_id");
            var roleId = body.RequiredString("role");
            store.RequireActiveProject(project_id);
            var group = store.RequireGroup(groupId);
            if (store.RolesOf(project_id).Get(roleId) is null) throw ApiErrors.BadRequest($"No such project role: {roleId}", "role", "invalid_value").Throw();
            var r = new Ref(groupId, store.Now, roleId);
            if (!store.ProjectGroups.For(project_id).TryAdd(r))
                throw ApiErrors.BadRequest($"Group {groupId} already has access to project {project_id}.", "group_id").Throw();
            store.ProjectGroupRoles.For($"{project_id}/{groupId}").TryAdd(new Ref(roleId, store.Now));
            return Results.Json(ProjectGroup(project_id, r, group), EmulatorJson.Options);
        });
        projectGroups.MapGet("/{group_id}", (string project_id, string group_id) =>
        {
            store.RequireProject(project_id);
            if (store.ProjectGroups.For(project_id).Get(group_id) is not { } r || store.Groups.Get(group_id) is not { } g)
                return ApiErrors.NotFound($"No such group in project {project_id}: {group_id}").ToResult();
            return Results.Json(ProjectGroup(project_id, r, g), EmulatorJson.Options);
        });
        projectGroups.MapDelete("/{group_id}", (string project_id, string group_id) =>
        {
            store.RequireProject(project_id);
            if (store.ProjectGroups.For(project_id).Remove(group_id) is null)
                return ApiErrors.NotFound($"No such group in project {project_id}: {group_id}").ToResult();
            store.ProjectGroupRoles.Drop($"{project_id}/{group_id}");
            return Results.Json(new { @object = "project.group.deleted", deleted = true }, EmulatorJson.Options);
        });

        // ---- project roles of a group in a project ----
        var pgRoles = v1.MapGroup("/projects/{project_id}/groups/{group_id}/roles");
        Group RequireProjectGroup(string projectId, string groupId)
        {
            store.RequireProject(projectId);
            var g = store.RequireGroup(groupId);
            if (store.ProjectGroups.For(projectId).Get(groupId) is null)
                throw ApiErrors.NotFound($"No such group in project {projectId}: {groupId}").Throw();
            return g;
        }
        pgRoles.MapGet("", (string project_id, string group_id, HttpRequest request) =>
        {
            RequireProjectGroup(project_id, group_id);
            var roles = store.RolesOf(project_id);
            return NextCursorList.Page(store.ProjectGroupRoles.For($"{project_id}/{group_id}"), request, NextCursorList.Assignments,
                r => roles.Get(r.Id)?.Details(), r => roles.Get(r.Id) is not null);
        });
        pgRoles.MapPost("", async (string project_id, string group_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var roleId = body.RequiredString("role_id");
            var group = RequireProjectGroup(project_id, group_id);
            var role = store.RolesOf(project_id).Get(roleId) ?? throw ApiErrors.NoSuch("role", roleId).Throw();
            if (!store.ProjectGroupRoles.For($"{project_id}/{group_id}").TryAdd(new Ref(roleId, store.Now)))
                throw ApiErrors.BadRequest($"Role {roleId} is already assigned to group {group_id} in project {project_id}.", "role_id").Throw();
            return Results.Json(new { @object = "group.role", group = group.Summary(), role }, EmulatorJson.Options);
        });
        pgRoles.MapGet("/{role_id}", (string project_id, string group_id, string role_id) =>
        {
            RequireProjectGroup(project_id, group_id);
            if (store.ProjectGroupRoles.For($"{project_id}/{group_id}").Get(role_id) is null || store.RolesOf(project_id).Get(role_id) is not { } role)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to group {group_id} in project {project_id}.").ToResult();
            return Results.Json(role.Details(), EmulatorJson.Options);
        });
        pgRoles.MapDelete("/{role_id}", (string project_id, string group_id, string role_id) =>
        {
            RequireProjectGroup(project_id, group_id);
            if (store.ProjectGroupRoles.For($"{project_id}/{group_id}").Remove(role_id) is null)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to group {group_id} in project {project_id}.").ToResult();
            return Results.Json(new { @object = "group.role.deleted", deleted = true }, EmulatorJson.Options);
        });
    }

    private static string ValidName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw ApiErrors.BadRequest("Invalid 'name': string too short. Expected a string with minimum length 1.", "name", "string_below_min_length").Throw();
        if (name.Length > 255)
            throw ApiErrors.BadRequest($"Invalid 'name': string too long. Expected a string with maximum length 255, but got a string with length {name.Length} instead.", "name", "string_above_max_length").Throw();
        return name;
    }
}
