using System.Text.Json.Serialization;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>The spec's User schema (organization.user). Immutable: updates replace it.</summary>
public sealed record OrgUser : IHasId
{
    public static readonly string[] Roles = ["owner", "reader"];

    public required string Id { get; init; }
    public string Object => "organization.user";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string Role { get; init; } = "reader";
    public long AddedAt { get; init; }
}

/// <summary>The spec's Invite schema. Status is computed: accepted when accepted_at is set, expired once expires_at passed.</summary>
public sealed record Invite : IHasId
{
    public required string Id { get; init; }
    public string Object => "organization.invite";
    public required string Email { get; init; }
    public string Role { get; init; } = "reader";
    [JsonIgnore] public long Now { get; init; }
    public string Status => AcceptedAt is not null ? "accepted" : ExpiresAt is { } e && e <= Now ? "expired" : "pending";
    public long CreatedAt { get; init; }
    public long? ExpiresAt { get; init; }
    public long? AcceptedAt { get; init; }
    public IReadOnlyList<InviteProject> Projects { get; init; } = [];
}

public sealed record InviteProject(string Id, string Role);

/// <summary>The spec's ProjectUser schema (organization.project.user).</summary>
public sealed record ProjectMember : IHasId
{
    public static readonly string[] Roles = ["owner", "member"];

    public required string Id { get; init; }
    public string Object => "organization.project.user";
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string Role { get; init; } = "member";
    public long AddedAt { get; init; }
}

/// <summary>The spec's Role schema; created/updated times are only shown in assignment listings (AssignedRoleDetails).</summary>
public sealed record RbacRole : IHasId
{
    public required string Id { get; init; }
    public string Object => "role";
    public required string Name { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];
    public string ResourceType { get; init; } = "api.organization";
    public bool PredefinedRole { get; init; }
    [JsonIgnore] public long CreatedAt { get; init; }
    [JsonIgnore] public long UpdatedAt { get; init; }

    /// <summary>The AssignedRoleDetails shape of the assignment listings.</summary>
    public object Details() => new
    {
        id = Id, name = Name, permissions = Permissions, resource_type = ResourceType, predefined_role = PredefinedRole,
        description = Description, created_at = (long?)CreatedAt, updated_at = (long?)UpdatedAt, created_by = (string?)null,
        created_by_user_obj = (object?)null, metadata = (object?)null, assignment_sources = (object?)null,
    };
}

/// <summary>The spec's GroupResponse schema.</summary>
public sealed record Group : IHasId
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public long CreatedAt { get; init; }
    public bool IsScimManaged { get; init; }
    public string GroupType { get; init; } = "group";

    /// <summary>The short Group schema used inside role assignments.</summary>
    public object Summary() => new { @object = "group", id = Id, name = Name, created_at = CreatedAt, scim_managed = IsScimManaged };
}

/// <summary>A reference kept in a membership or assignment list (id = the member's or role's id).</summary>
public sealed record Ref(string Id, long CreatedAt, string? Role = null) : IHasId;
