using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>
/// Organization users (list-users, retrieve-user, modify-user, delete-user), the undocumented GET /me, and the
/// user role assignments (list/assign/retrieve/unassign-user-role).
/// </summary>
public sealed class UsersArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<DirectoryStore>();
        var users = v1.MapGroup("/organization/users");

        users.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, ListSpec.Standard);
            // emails filter: repeated "emails" (or "emails[]") values; exact, case-insensitive.
            var emails = request.Query["emails"].Concat(request.Query["emails[]"]).Where(e => !string.IsNullOrEmpty(e))
                .Select(e => e!).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var page = CursorList.Page(store.Users, query, emails.Count == 0 ? null : u => u.Email is not null && emails.Contains(u.Email));
            return Results.Json(page, EmulatorJson.Options);
        });

        users.MapGet("/{user_id}", (string user_id) => Results.Json(store.RequireUser(user_id), EmulatorJson.Options));

        users.MapPost("/{user_id}", async (string user_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var (_, role) = body.OptionalEnum("role", OrgUser.Roles);
            var (_, roleId) = body.OptionalString("role_id");
            if (role is null && roleId is null) throw ApiErrors.MissingParameter("role").Throw();
            if (roleId is not null)
            {
                var rbac = store.OrgRoles.Get(roleId) ?? throw ApiErrors.NoSuch("role", roleId).Throw();
                role = rbac.PredefinedRole && rbac.Name.Equals("Owner", StringComparison.OrdinalIgnoreCase) ? "owner" : "reader";
            }
            store.RequireUser(user_id);
            if (role != "owner") RefuseLastOwner(store, user_id, "demoted");
            var updated = store.Users.Update(user_id, u => u with { Role = role! });
            return Results.Json(updated, EmulatorJson.Options);
        });

        users.MapDelete("/{user_id}", (string user_id) =>
        {
            store.RequireUser(user_id);
            RefuseLastOwner(store, user_id, "removed");
            store.RemoveUser(user_id);
            return Results.Json(new { @object = "organization.user.deleted", id = user_id, deleted = true }, EmulatorJson.Options);
        });

        // ---- RBAC: organization roles assigned to a user ----
        users.MapGet("/{user_id}/roles", (string user_id, HttpRequest request) =>
        {
            store.RequireUser(user_id);
            return NextCursorList.Page(store.UserRoles.For(user_id), request, NextCursorList.Assignments,
                r => store.OrgRoles.Get(r.Id)?.Details(), r => store.OrgRoles.Get(r.Id) is not null);
        });

        users.MapPost("/{user_id}/roles", async (string user_id, HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var roleId = body.RequiredString("role_id");
            var user = store.RequireUser(user_id);
            var role = store.OrgRoles.Get(roleId) ?? throw ApiErrors.NoSuch("role", roleId).Throw();
            if (!store.UserRoles.For(user_id).TryAdd(new Ref(roleId, store.Now)))
                throw ApiErrors.BadRequest($"Role {roleId} is already assigned to user {user_id}.", "role_id").Throw();
            return Results.Json(new { @object = "user.role", user, role }, EmulatorJson.Options);
        });

        users.MapGet("/{user_id}/roles/{role_id}", (string user_id, string role_id) =>
        {
            store.RequireUser(user_id);
            if (store.UserRoles.For(user_id).Get(role_id) is null || store.OrgRoles.Get(role_id) is not { } role)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to user {user_id}.").ToResult();
            return Results.Json(role.Details(), EmulatorJson.Options);
        });

        users.MapDelete("/{user_id}/roles/{role_id}", (string user_id, string role_id) =>
        {
            store.RequireUser(user_id);
            if (store.UserRoles.For(user_id).Remove(role_id) is null)
                return ApiErrors.NotFound($"No such role assignment: role {role_id} is not assigned to user {user_id}.").ToResult();
            return Results.Json(new { @object = "user.role.deleted", deleted = true }, EmulatorJson.Options);
        });

        // ---- GET /me: not in the spec. The live API answers it for user keys (the key owner's session profile);
        // here it answers for a (non-admin) API key with the organization's owner, in the shape the live API uses.
        v1.MapGet("/me", () =>
        {
            var owner = store.OwnerId is { } id ? store.Users.Get(id) : null;
            if (owner is null) return ApiErrors.NotFound("No user is associated with this key.").ToResult();
            return Results.Json(new
            {
                @object = "user",
                id = owner.Id,
                email = owner.Email,
                name = owner.Name,
                picture = (string?)null,
                created = owner.AddedAt,
                orgs = new
                {
                    @object = "list",
                    data = new[] { new { @object = "organization", id = "org-emulator", title = "Emulator Organization", role = owner.Role, is_default = true, personal = false } },
                },
            }, EmulatorJson.Options);
        });
    }

    /// <summary>An organization always keeps one owner: the API refuses to demote or remove the last one.</summary>
    private static void RefuseLastOwner(DirectoryStore store, string userId, string verb)
    {
        if (store.Users.Get(userId) is not { Role: "owner" }) return;
        if (store.Users.Find(u => u.Role == "owner" && u.Id != userId) is null)
            throw ApiErrors.BadRequest($"User {userId} is the organization's last owner and cannot be {verb}.").Throw();
    }
}
