using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>
/// The organization directory: users, invites, project memberships, RBAC roles, groups and role assignments.
/// Startup content: one owner (the key's owner, "Ada Admin", admin@example.com) who is an owner of every startup
/// project; with --seed-users N also user00001@example.com.. (readers). Predefined RBAC roles: organization
/// "Owner"/"Reader", per project "Owner"/"Member"/"Viewer".
/// </summary>
public sealed class DirectoryStore : IEmulatorStore, IEmulatorSeeder
{
    public const string UserPrefix = "user-";
    public const string InvitePrefix = "invite-";
    public const string RolePrefix = "role_";
    public const string GroupPrefix = "group_";
    public const long InviteLifetimeSeconds = 7 * 24 * 3600;

    private readonly EmulatorState _state;
    private readonly ProjectStore _projects;
    private readonly object _seedGate = new();
    private int _seededUsers;

    public DirectoryStore(EmulatorState state)
    {
        _state = state;
        _projects = state.Store<ProjectStore>(); // created (and reset) first
    }

    public OrderedStore<OrgUser> Users { get; } = new();
    public OrderedStore<Invite> Invites { get; } = new();
    public OrderedStore<RbacRole> OrgRoles { get; } = new();
    public OrderedStore<Group> Groups { get; } = new();
    public Keyed<ProjectMember> ProjectUsers { get; } = new();
    public Keyed<RbacRole> ProjectRoles { get; } = new();
    public Keyed<Ref> UserRoles { get; } = new();          // user id → org role refs
    public Keyed<Ref> GroupRoles { get; } = new();         // group id → org role refs
    public Keyed<Ref> GroupUsers { get; } = new();         // group id → user refs
    public Keyed<Ref> ProjectGroups { get; } = new();      // project id → group refs (Role = project role id)
    public Keyed<Ref> ProjectUserRoles { get; } = new();   // project id/user id → project role refs
    public Keyed<Ref> ProjectGroupRoles { get; } = new();  // project id/group id → project role refs

    public ProjectStore Projects => _projects;
    public long Now => _state.Clock.UnixSeconds;
    public string? OwnerId { get; private set; }

    public void Reset()
    {
        Users.Clear(); Invites.Clear(); OrgRoles.Clear(); Groups.Clear();
        ProjectUsers.Clear(); ProjectRoles.Clear(); UserRoles.Clear(); GroupRoles.Clear(); GroupUsers.Clear();
        ProjectGroups.Clear(); ProjectUserRoles.Clear(); ProjectGroupRoles.Clear();
        lock (_seedGate) _seededUsers = 0;
        var now = Now;
        OrgRoles.TryAdd(new RbacRole { Id = _state.Ids.New(RolePrefix), Name = "Owner", Description = "Full access to the organization.", Permissions = ["api.organization.read", "api.organization.write"], PredefinedRole = true, CreatedAt = now, UpdatedAt = now });
        OrgRoles.TryAdd(new RbacRole { Id = _state.Ids.New(RolePrefix), Name = "Reader", Description = "Read access to the organization.", Permissions = ["api.organization.read"], PredefinedRole = true, CreatedAt = now, UpdatedAt = now });
        var owner = new OrgUser { Id = _state.Ids.New(UserPrefix), Name = "Ada Admin", Email = "admin@example.com", Role = "owner", AddedAt = now - _state.Options.SeedUsers - 3600 };
        Users.TryAdd(owner);
        OwnerId = owner.Id;
        if (_state.Options.SeedUsers > 0) AddSeededUsers(_state.Options.SeedUsers, 0);
    }

    // ---- helpers used by the areas ----

    public Project RequireProject(string projectId) =>
        _projects.Get(projectId) ?? throw ApiErrors.NoSuch("project", projectId).Throw();

    public Project RequireActiveProject(string projectId)
    {
        var project = RequireProject(projectId);
        if (project.IsArchived) throw ApiErrors.BadRequest($"Project {projectId} is archived: archived projects have no users.").Throw();
        return project;
    }

    public OrgUser RequireUser(string userId) => Users.Get(userId) ?? throw ApiErrors.NoSuch("user", userId).Throw();

    public Group RequireGroup(string groupId) => Groups.Get(groupId) ?? throw ApiErrors.NoSuch("group", groupId).Throw();

    public OrgUser? FindUserByEmail(string email) =>
        Users.Find(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Project roles, created with the predefined ones the first time a project is touched.</summary>
    public OrderedStore<RbacRole> RolesOf(string projectId) => ProjectRoles.For(projectId, store =>
    {
        var now = Now;
        foreach (var (name, permissions) in new[] { ("Owner", new[] { "api.project.read", "api.project.write", "api.project.admin" }), ("Member", new[] { "api.project.read", "api.project.write" }), ("Viewer", new[] { "api.project.read" }) })
            store.TryAdd(new RbacRole { Id = _state.Ids.New(RolePrefix), Name = name, Description = $"Predefined project role {name}.", Permissions = permissions, ResourceType = "api.project", PredefinedRole = true, CreatedAt = now, UpdatedAt = now });
    });

    /// <summary>Members of a project; a project's first touch adds the organization owner as project owner.</summary>
    public OrderedStore<ProjectMember> MembersOf(string projectId) => ProjectUsers.For(projectId, store =>
    {
        if (OwnerId is { } id && Users.Get(id) is { } owner)
            store.TryAdd(new ProjectMember { Id = owner.Id, Name = owner.Name, Email = owner.Email, Role = "owner", AddedAt = Now });
    });

    public Invite View(Invite invite) => invite with { Now = Now };

    public Invite CreateInvite(string email, string role, IReadOnlyList<InviteProject> projects, string? status = null, long? createdAt = null)
    {
        var now = Now;
        var created = createdAt ?? now;
        var invite = new Invite
        {
            Id = _state.Ids.New(InvitePrefix),
            Email = email,
            Role = role,
            CreatedAt = created,
            ExpiresAt = status == "expired" ? now - 60 : created + InviteLifetimeSeconds,
            Projects = projects,
        };
        Invites.TryAdd(invite);
        if (status == "accepted") invite = Accept(invite.Id);
        return invite;
    }

    /// <summary>What happens when the invitee accepts: the user joins the organization and the invite's projects.</summary>
    public Invite Accept(string inviteId)
    {
        var current = Invites.Get(inviteId) ?? throw ApiErrors.NoSuch("invite", inviteId).Throw();
        var view = View(current);
        if (view.Status != "pending") throw ApiErrors.BadRequest($"Invite {inviteId} is {view.Status} and cannot be accepted.").Throw();
        var now = Now;
        var user = FindUserByEmail(current.Email);
        if (user is null)
        {
            user = new OrgUser { Id = _state.Ids.New(UserPrefix), Name = NameFromEmail(current.Email), Email = current.Email, Role = current.Role, AddedAt = now };
            Users.TryAdd(user);
        }
        foreach (var p in current.Projects)
        {
            if (_projects.Get(p.Id) is null) continue;
            MembersOf(p.Id).TryAdd(new ProjectMember { Id = user.Id, Name = user.Name, Email = user.Email, Role = p.Role, AddedAt = now });
        }
        return View(Invites.Update(inviteId, i => i with { AcceptedAt = now })!);
    }

    /// <summary>Removes a user and everything that hangs off it (project memberships, role assignments, group memberships).</summary>
    public OrgUser? RemoveUser(string userId)
    {
        var removed = Users.Remove(userId);
        if (removed is null) return null;
        foreach (var members in ProjectUsers.All) members.Remove(userId);
        UserRoles.Drop(userId);
        foreach (var refs in GroupUsers.All) refs.Remove(userId);
        ProjectUserRoles.DropWhere(key => key.EndsWith("/" + userId, StringComparison.Ordinal));
        return removed;
    }

    public static string NameFromEmail(string email)
    {
        var local = email.Split('@')[0];
        return string.Join(' ', local.Split('.', '_', '-').Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
    }

    public static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }

    // ---- seeding ----

    private int AddSeededUsers(int count, int projectUsers)
    {
        int first;
        lock (_seedGate) { first = _seededUsers; _seededUsers += count; }
        var now = Now;
        var added = Users.AddRange(Generate(), count);
        return added;

        IEnumerable<OrgUser> Generate()
        {
            for (var i = 1; i <= count; i++)
            {
                var n = (first + i).ToString("D5", CultureInfo.InvariantCulture);
                yield return new OrgUser { Id = _state.Ids.New(UserPrefix), Name = $"User {n}", Email = $"user{n}@example.com", Role = "reader", AddedAt = now - count + i };
            }
        }
    }

    /// <summary>
    /// POST /_emulator/seed keys: "users": N (readers user00001@example.com..), "project_users": {"proj_x": N} (adds the
    /// first N non-member users as members), "invites": {"pending": N, "accepted": N, "expired": N} (invitee000NN@example.com),
    /// "accept_invites": ["invite-..."] (the invitee accepts: joins the organization and the invite's projects),
    /// "groups": N (group-00001..).
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        var summary = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (request.TryGetProperty("users", out var users))
        {
            var added = AddSeededUsers(Count(users, "users"), 0);
            summary["users"] = new { added, total = Users.Count };
        }
        if (request.TryGetProperty("project_users", out var pu))
        {
            if (pu.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("project_users", "an object of project id → count", pu.ValueKind).Throw();
            var result = new Dictionary<string, object?>();
            foreach (var entry in pu.EnumerateObject())
            {
                RequireActiveProject(entry.Name);
                var want = Count(entry.Value, "project_users");
                var members = MembersOf(entry.Name);
                var added = 0;
                foreach (var u in Users.Snapshot())
                {
                    if (added == want) break;
                    if (members.Get(u.Id) is not null) continue;
                    members.TryAdd(new ProjectMember { Id = u.Id, Name = u.Name, Email = u.Email, Role = added == 0 && want > 1 ? "owner" : "member", AddedAt = Now });
                    added++;
                }
                result[entry.Name] = new { added, total = members.Count };
            }
            summary["project_users"] = result;
        }
        if (request.TryGetProperty("invites", out var inv))
        {
            if (inv.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("invites", "an object {pending, accepted, expired}", inv.ValueKind).Throw();
            var ids = new List<string>();
            foreach (var status in new[] { "pending", "accepted", "expired" })
            {
                if (!inv.TryGetProperty(status, out var c)) continue;
                var n = Count(c, "invites." + status);
                for (var i = 0; i < n; i++)
                {
                    var seq = Invites.Count + 1;
                    ids.Add(CreateInvite($"invitee{seq:D5}@example.com", "reader", [], status).Id);
                }
            }
            summary["invites"] = new { added = ids.Count, ids, total = Invites.Count };
        }
        if (SampleSeed.Requested(request, "invites"))
        {
            // Invites in every state: two pending (one to an owner), one accepted, one expired.
            var samples = new List<string>
            {
                CreateInvite("new.hire@example.com", "reader", [], "pending").Id,
                CreateInvite("team.lead@example.com", "owner", [], "pending").Id,
                CreateInvite("joined@example.com", "reader", [], "accepted").Id,
                CreateInvite("too.late@example.com", "reader", [], "expired").Id,
            };
            summary["invites"] = new { added = samples.Count, ids = samples, total = Invites.Count };
        }
        if (request.TryGetProperty("accept_invites", out var accept))
        {
            if (accept.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("accept_invites", "an array of invite ids", accept.ValueKind).Throw();
            var accepted = accept.EnumerateArray().Select(e => Accept(e.GetString() ?? "")).ToList();
            summary["accept_invites"] = new { accepted = accepted.Select(a => a.Id) };
        }
        if (request.TryGetProperty("groups", out var groups))
        {
            var n = Count(groups, "groups");
            var start = Groups.Count;
            for (var i = 1; i <= n; i++)
                Groups.TryAdd(new Group { Id = _state.Ids.New(GroupPrefix), Name = $"group-{start + i:D5}", CreatedAt = Now });
            summary["groups"] = new { added = n, total = Groups.Count };
        }
        return summary.Count == 0 ? null : summary;
    }

    private static int Count(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var n) || n < 0 || n > 1_000_000)
            throw ApiErrors.BadRequest($"'{name}' must be an integer between 0 and 1000000.", name).Throw();
        return n;
    }
}

/// <summary>Child lists keyed by their parent (project id, group id, "project/user"...), each an ordered store.</summary>
public sealed class Keyed<T> where T : class, IHasId
{
    private readonly ConcurrentDictionary<string, OrderedStore<T>> _lists = new(StringComparer.Ordinal);

    public OrderedStore<T> For(string key, Action<OrderedStore<T>>? initialise = null)
    {
        if (_lists.TryGetValue(key, out var existing)) return existing;
        lock (_lists)
        {
            if (_lists.TryGetValue(key, out existing)) return existing;
            var store = new OrderedStore<T>();
            initialise?.Invoke(store);
            _lists[key] = store;
            return store;
        }
    }

    public IEnumerable<OrderedStore<T>> All => _lists.Values;
    public void Clear() => _lists.Clear();
    public void Drop(string key) => _lists.TryRemove(key, out _);
    public void DropWhere(Func<string, bool> predicate)
    {
        foreach (var key in _lists.Keys.Where(predicate).ToList()) _lists.TryRemove(key, out _);
    }
}
