using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>
    /// The organization directory: users, the undocumented /me, project users, invites, RBAC roles, role assignments,
    /// groups and project groups. One method per operation; every id goes through <see cref="OpenAiPath"/>.
    /// </summary>
    public sealed class DirectoryService
    {
        private readonly OpenAiClient _client;

        public DirectoryService(OpenAiClient client) => _client = client;

        private static string P(string template, params (string, string?)[] values) => OpenAiPath.Format(template, values);

        private Task<T> Send<T>(HttpMethod method, string path, object? body, IOpenAiCallObserver? observer, CancellationToken ct) where T : OpenAiObject
        {
            var request = new OpenAiRequest(method, path);
            if (body != null) request.WithJsonBody(body);
            return _client.SendAsync<T>(request, observer, ct);
        }

        private async Task SendNoResult(HttpMethod method, string path, object? body, IOpenAiCallObserver? observer, CancellationToken ct)
        {
            var request = new OpenAiRequest(method, path);
            if (body != null) request.WithJsonBody(body);
            using var document = await _client.SendJsonAsync(request, observer, ct).ConfigureAwait(false);
        }

        // ---- organization users ----

        /// <summary>list-users; <paramref name="emails"/> is the API's exact-address filter (repeated <c>emails</c>).</summary>
        public ListPager<OpenAiUser> ListUsers(int? limit, IEnumerable<string>? emails = null) =>
            new ListPager<OpenAiUser>(_client,
                new OpenAiRequest(HttpMethod.Get, "organization/users").WithQuery("limit", limit).WithQuery("emails", emails),
                PagingStyle.CursorAfter, OpenAiObject.From<OpenAiUser>);

        public Task<OpenAiUser> GetUserAsync(string userId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiUser>(HttpMethod.Get, P("organization/users/{user_id}", ("user_id", userId)), null, observer, ct);

        public Task<OpenAiUser> UpdateUserAsync(string userId, string role, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiUser>(HttpMethod.Post, P("organization/users/{user_id}", ("user_id", userId)), new { role }, observer, ct);

        public Task DeleteUserAsync(string userId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, P("organization/users/{user_id}", ("user_id", userId)), null, observer, ct);

        /// <summary>GET /me: not in the OpenAI spec (undocumented); answered for user/project keys, not admin keys.</summary>
        public async Task<(string RawJson, string? Id, string? Name, string? Email)> GetMeAsync(IOpenAiCallObserver? observer, CancellationToken ct)
        {
            using var document = await _client.SendJsonAsync(new OpenAiRequest(HttpMethod.Get, "me"), observer, ct).ConfigureAwait(false);
            var root = document.RootElement;
            return (root.GetRawText(), Text(root, "id"), Text(root, "name"), Text(root, "email"));
        }

        // ---- project users ----

        public ListPager<OpenAiProjectUser> ListProjectUsers(string projectId, int? limit) =>
            new ListPager<OpenAiProjectUser>(_client,
                new OpenAiRequest(HttpMethod.Get, P("organization/projects/{project_id}/users", ("project_id", projectId))).WithQuery("limit", limit),
                PagingStyle.CursorAfter, e => WithProject(OpenAiObject.From<OpenAiProjectUser>(e), projectId));

        public async Task<OpenAiProjectUser> GetProjectUserAsync(string projectId, string userId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiProjectUser>(HttpMethod.Get, P("organization/projects/{project_id}/users/{user_id}", ("project_id", projectId), ("user_id", userId)), null, observer, ct).ConfigureAwait(false), projectId);

        /// <summary>create-project-user: the user by id or by email (the spec allows either).</summary>
        public async Task<OpenAiProjectUser> AddProjectUserAsync(string projectId, string? userId, string? email, string role, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiProjectUser>(HttpMethod.Post, P("organization/projects/{project_id}/users", ("project_id", projectId)),
                new ProjectUserCreateRequest { UserId = userId, Email = email, Role = role }, observer, ct).ConfigureAwait(false), projectId);

        public async Task<OpenAiProjectUser> UpdateProjectUserAsync(string projectId, string userId, string role, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiProjectUser>(HttpMethod.Post, P("organization/projects/{project_id}/users/{user_id}", ("project_id", projectId), ("user_id", userId)),
                new { role }, observer, ct).ConfigureAwait(false), projectId);

        public Task DeleteProjectUserAsync(string projectId, string userId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, P("organization/projects/{project_id}/users/{user_id}", ("project_id", projectId), ("user_id", userId)), null, observer, ct);

        // ---- invites ----

        public ListPager<OpenAiInvite> ListInvites(int? limit) =>
            new ListPager<OpenAiInvite>(_client, new OpenAiRequest(HttpMethod.Get, "organization/invites").WithQuery("limit", limit),
                PagingStyle.CursorAfter, OpenAiObject.From<OpenAiInvite>);

        public Task<OpenAiInvite> GetInviteAsync(string inviteId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiInvite>(HttpMethod.Get, P("organization/invites/{invite_id}", ("invite_id", inviteId)), null, observer, ct);

        public Task<OpenAiInvite> CreateInviteAsync(InviteCreateRequest body, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiInvite>(HttpMethod.Post, "organization/invites", body, observer, ct);

        public Task DeleteInviteAsync(string inviteId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, P("organization/invites/{invite_id}", ("invite_id", inviteId)), null, observer, ct);

        // ---- RBAC roles (organization: projectId null; project: its id) ----

        private static string RolesPath(string? projectId) =>
            projectId is null ? "organization/roles" : P("projects/{project_id}/roles", ("project_id", projectId));

        private static string RolePath(string? projectId, string roleId) =>
            projectId is null ? P("organization/roles/{role_id}", ("role_id", roleId)) : P("projects/{project_id}/roles/{role_id}", ("project_id", projectId), ("role_id", roleId));

        public ListPager<OpenAiRbacRole> ListRoles(string? projectId, int? limit) =>
            new ListPager<OpenAiRbacRole>(_client, new OpenAiRequest(HttpMethod.Get, RolesPath(projectId)).WithQuery("limit", limit),
                PagingStyle.NextCursor, e => WithProject(OpenAiObject.From<OpenAiRbacRole>(e), projectId));

        public async Task<OpenAiRbacRole> GetRoleAsync(string? projectId, string roleId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiRbacRole>(HttpMethod.Get, RolePath(projectId, roleId), null, observer, ct).ConfigureAwait(false), projectId);

        public async Task<OpenAiRbacRole> CreateRoleAsync(string? projectId, RoleCreateRequest body, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiRbacRole>(HttpMethod.Post, RolesPath(projectId), body, observer, ct).ConfigureAwait(false), projectId);

        public async Task<OpenAiRbacRole> UpdateRoleAsync(string? projectId, string roleId, RoleUpdateRequest body, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiRbacRole>(HttpMethod.Post, RolePath(projectId, roleId), body, observer, ct).ConfigureAwait(false), projectId);

        public Task DeleteRoleAsync(string? projectId, string roleId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, RolePath(projectId, roleId), null, observer, ct);

        // ---- role assignments: a principal path such as organization/users/{user_id}/roles ----

        /// <summary>Where the roles of a principal live: user or group, in the organization (projectId null) or a project.</summary>
        public static string AssignmentsPath(string? projectId, string? userId, string? groupId)
        {
            if (userId != null)
                return projectId is null
                    ? P("organization/users/{user_id}/roles", ("user_id", userId))
                    : P("projects/{project_id}/users/{user_id}/roles", ("project_id", projectId), ("user_id", userId));
            return projectId is null
                ? P("organization/groups/{group_id}/roles", ("group_id", groupId))
                : P("projects/{project_id}/groups/{group_id}/roles", ("project_id", projectId), ("group_id", groupId));
        }

        public ListPager<OpenAiRbacRole> ListAssignedRoles(string assignmentsPath, string? projectId, int? limit) =>
            new ListPager<OpenAiRbacRole>(_client, new OpenAiRequest(HttpMethod.Get, assignmentsPath).WithQuery("limit", limit),
                PagingStyle.NextCursor, e => WithProject(OpenAiObject.From<OpenAiRbacRole>(e), projectId));

        public async Task<OpenAiRbacRole> GetAssignedRoleAsync(string assignmentsPath, string? projectId, string roleId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            WithProject(await Send<OpenAiRbacRole>(HttpMethod.Get, assignmentsPath + "/" + OpenAiPath.Escape("role_id", roleId), null, observer, ct).ConfigureAwait(false), projectId);

        /// <summary>Assigns a role; returns the assigned role (the <c>role</c> of the user.role/group.role answer).</summary>
        public async Task<OpenAiRbacRole> AssignRoleAsync(string assignmentsPath, string? projectId, string roleId, IOpenAiCallObserver? observer, CancellationToken ct)
        {
            var request = new OpenAiRequest(HttpMethod.Post, assignmentsPath).WithJsonBody(new { role_id = roleId });
            using var document = await _client.SendJsonAsync(request, observer, ct).ConfigureAwait(false);
            var root = document.RootElement;
            var role = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.Object
                ? OpenAiObject.From<OpenAiRbacRole>(r)
                : new OpenAiRbacRole { Id = roleId, RawJson = root.GetRawText() };
            return WithProject(role, projectId);
        }

        public Task UnassignRoleAsync(string assignmentsPath, string roleId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, assignmentsPath + "/" + OpenAiPath.Escape("role_id", roleId), null, observer, ct);

        // ---- groups ----

        public ListPager<OpenAiGroup> ListGroups(int? limit) =>
            new ListPager<OpenAiGroup>(_client, new OpenAiRequest(HttpMethod.Get, "organization/groups").WithQuery("limit", limit),
                PagingStyle.NextCursor, OpenAiObject.From<OpenAiGroup>);

        public Task<OpenAiGroup> GetGroupAsync(string groupId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiGroup>(HttpMethod.Get, P("organization/groups/{group_id}", ("group_id", groupId)), null, observer, ct);

        public Task<OpenAiGroup> CreateGroupAsync(string name, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiGroup>(HttpMethod.Post, "organization/groups", new { name }, observer, ct);

        public Task<OpenAiGroup> UpdateGroupAsync(string groupId, string name, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiGroup>(HttpMethod.Post, P("organization/groups/{group_id}", ("group_id", groupId)), new { name }, observer, ct);

        public Task DeleteGroupAsync(string groupId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, P("organization/groups/{group_id}", ("group_id", groupId)), null, observer, ct);

        public ListPager<OpenAiGroupUser> ListGroupUsers(string groupId, int? limit) =>
            new ListPager<OpenAiGroupUser>(_client,
                new OpenAiRequest(HttpMethod.Get, P("organization/groups/{group_id}/users", ("group_id", groupId))).WithQuery("limit", limit),
                PagingStyle.NextCursor, e => { var u = OpenAiObject.From<OpenAiGroupUser>(e); u.GroupId = groupId; return u; });

        public async Task<OpenAiGroupUser> GetGroupUserAsync(string groupId, string userId, IOpenAiCallObserver? observer, CancellationToken ct)
        {
            var u = await Send<OpenAiGroupUser>(HttpMethod.Get, P("organization/groups/{group_id}/users/{user_id}", ("group_id", groupId), ("user_id", userId)), null, observer, ct).ConfigureAwait(false);
            u.GroupId = groupId;
            return u;
        }

        public Task AddGroupUserAsync(string groupId, string userId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Post, P("organization/groups/{group_id}/users", ("group_id", groupId)), new { user_id = userId }, observer, ct);

        public Task RemoveGroupUserAsync(string groupId, string userId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, P("organization/groups/{group_id}/users/{user_id}", ("group_id", groupId), ("user_id", userId)), null, observer, ct);

        // ---- project groups ----

        public ListPager<OpenAiProjectGroup> ListProjectGroups(string projectId, int? limit) =>
            new ListPager<OpenAiProjectGroup>(_client,
                new OpenAiRequest(HttpMethod.Get, P("organization/projects/{project_id}/groups", ("project_id", projectId))).WithQuery("limit", limit),
                PagingStyle.NextCursor, OpenAiObject.From<OpenAiProjectGroup>);

        public Task<OpenAiProjectGroup> GetProjectGroupAsync(string projectId, string groupId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiProjectGroup>(HttpMethod.Get, P("organization/projects/{project_id}/groups/{group_id}", ("project_id", projectId), ("group_id", groupId)), null, observer, ct);

        public Task<OpenAiProjectGroup> AddProjectGroupAsync(string projectId, string groupId, string roleId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            Send<OpenAiProjectGroup>(HttpMethod.Post, P("organization/projects/{project_id}/groups", ("project_id", projectId)), new { group_id = groupId, role = roleId }, observer, ct);

        public Task RemoveProjectGroupAsync(string projectId, string groupId, IOpenAiCallObserver? observer, CancellationToken ct) =>
            SendNoResult(HttpMethod.Delete, P("organization/projects/{project_id}/groups/{group_id}", ("project_id", projectId), ("group_id", groupId)), null, observer, ct);

        private static OpenAiProjectUser WithProject(OpenAiProjectUser user, string projectId) { user.ProjectId = projectId; return user; }
        private static OpenAiRbacRole WithProject(OpenAiRbacRole role, string? projectId) { role.ProjectId = projectId; return role; }

        private static string? Text(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }

    /// <summary>Body of create-project-user.</summary>
    public sealed class ProjectUserCreateRequest
    {
        public string? UserId { get; set; }
        public string? Email { get; set; }
        public string Role { get; set; } = "member";
    }

    /// <summary>Body of inviteUser. Projects null = the API's default (the default project); empty = none.</summary>
    public sealed class InviteCreateRequest
    {
        public string Email { get; set; } = string.Empty;
        public string Role { get; set; } = "reader";
        public List<Models.Directory.OpenAiInviteProject>? Projects { get; set; }
    }

    /// <summary>Body of create-role / create-project-role.</summary>
    public sealed class RoleCreateRequest
    {
        public string RoleName { get; set; } = string.Empty;
        public List<string> Permissions { get; set; } = new List<string>();
        public string? Description { get; set; }
    }

    /// <summary>Body of update-role; null fields are left out.</summary>
    public sealed class RoleUpdateRequest
    {
        public string? RoleName { get; set; }
        public List<string>? Permissions { get; set; }
        public string? Description { get; set; }
    }
}
