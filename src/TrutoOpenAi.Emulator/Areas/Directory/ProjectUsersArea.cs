using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>
/// Project users (list/create/retrieve/modify/delete-project-user) and their project role assignments
/// (/projects/{project_id}/users/{user_id}/roles). A project's users start with the organization owner as
/// project owner. Archived projects answer 400 ("archived projects have no users").
/// </summary>
public sealed class ProjectUsersArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<DirectoryStore>();
        var group = v1.MapGroup("/organization/projects/{project_id}/users");

        group.MapGet("", (string project_id, HttpRequest request) =>
        {
            store.RequireActiveProject(project_id);
            return Results.Json(CursorList.Page(store.MembersOf(project_id), ListQuery.Parse(request, ListSpec.Standard)), EmulatorJson.Options);
        });

        group.MapPost("", async (string project_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var role = ValidRole(body.RequiredString("role"));
            var (_, userId) = body.OptionalString("user_id");
            var (_, email) = body.OptionalString("email");
            store.RequireActiveProject(project_id);
            if (userId is null && email is null) throw ApiErrors.MissingParameter("user_id").Throw();
            var user = userId is not null ? store.Users.Get(userId) : store.FindUserByEmail(email!);
            if (user is null)
                throw ApiErrors.BadRequest($"User {userId ?? email} is not a member of the organization: users must already be members of the organization to be added to a project.", userId is not null ? "user_id" : "email", "user_not_in_organization").Throw();
            var member = new ProjectMember { Id = user.Id, Name = user.Name, Email = user.Email, Role = role, AddedAt = store.Now };
            if (!store.MembersOf(project_id).TryAdd(member))
                throw ApiErrors.BadRequest($"User {user.Id} is already a member of project {project_id}.", "user_id", "user_already_in_project").Throw();
            return Results.Json(member, EmulatorJson.Options);
        });

        group.MapGet("/{user_id}", (string project_id, string user_id) =>
        {
            store.RequireProject(project_id);
            return Results.Json(RequireMember(store, project_id, user_id), EmulatorJson.Options);
        });

        group.MapPost("/{user_id}", async (string project_id, string user_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (_, roleText) = body.OptionalString("role");
            if (roleText is null) throw ApiErrors.MissingParameter("role").Throw();
            var role = ValidRole(roleText);
            store.RequireActiveProject(project_id);
            RequireMember(store, project_id, user_id);
            var updated = store.MembersOf(project_id).Update(user_id, m => m with { Role = role });
            return Results.Json(updated, EmulatorJson.Options);
        });

        group.MapDelete("/{user_id}", (string project_id, string user_id) =>
        {
            store.RequireActiveProject(project_id);
            RequireMember(store, project_id, user_id);
            store.MembersOf(project_id).Remove(user_id);
            store.ProjectUserRoles.Drop($"{project_id}/{user_id}");
            return Results.Json(new { @object = "organization.project.user.deleted", id = user_id, deleted = true }, EmulatorJson.Options);
        });

        // ---- RBAC: project roles assigned to a project user ----
        var roles = v1.MapGroup("/projects/{project_id}/users/{user_id}/roles");
        roles.MapGet("", (string project_id, string user_id, HttpRequest request) =>
        {
            store.RequireProject(project_id);
            RequireMember(store, project_id, user_id);
            var projectRoles = store.RolesOf(project_id);
            return NextCursorList.Page(store.ProjectUserRoles.For($"{project_id}/{user_id}"), request, NextCursorList.Assignments,
                r => projectRoles.Get(r.Id)?.Details(), r => projectRoles.Get(r.Id) is not null);
        });
        roles.MapPost("", async (string project_id, string user_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var roleId = body.RequiredString("role_id");
            store.RequireProject(project_id);
            RequireMember(store, project_id, user_id);
            var role = store.RolesOf(project_id).Get(roleId) ?? throw ApiErrors.NoSuch("role", roleId).Throw();
            if (!store.ProjectUserRoles.For($"{project_id}/{user_id}").TryAdd(new Ref(roleId, store.Now)))
                throw ApiErrors.BadRequest($"Role {roleId} is already assigned to user {user_id} in project {project_id}.", "role_id").Throw();
            var user = store.Users.Get(user_id);
            return Results.Json(new { @object = "user.role", user, role }, EmulatorJson.Options);
        });
        roles.MapGet("/{role_id}", (string project_id, string user_id, string role_id) =>
        {
            store.RequireProject(project_id);
            if (store.ProjectUserRoles.For($"{project_id}/{user_id}").Get(role_id) is null || store.RolesOf(project_id).Get(role_id) is not { } role)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to user {user_id} in project {project_id}.").ToResult();
            return Results.Json(role.Details(), EmulatorJson.Options);
        });
        roles.MapDelete("/{role_id}", (string project_id, string user_id, string role_id) =>
        {
            store.RequireProject(project_id);
            if (store.ProjectUserRoles.For($"{project_id}/{user_id}").Remove(role_id) is null)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to user {user_id} in project {project_id}.").ToResult();
            return Results.Json(new { @object = "user.role.deleted", deleted = true }, EmulatorJson.Options);
        });
    }

    private static string ValidRole(string role) => ProjectMember.Roles.Contains(role)
        ? role
        : throw ApiErrors.BadRequest($"Invalid value: '{role}'. Supported values are: 'owner' and 'member'.", "role", "invalid_value").Throw();

    private static ProjectMember RequireMember(DirectoryStore store, string projectId, string userId) =>
        store.MembersOf(projectId).Get(userId) ?? throw ApiErrors.NotFound($"No such user in project {projectId}: {userId}").Throw();
}
