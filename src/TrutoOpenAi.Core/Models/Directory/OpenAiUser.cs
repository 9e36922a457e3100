using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Directory
{
    /// <summary>An organization member as the API returns it (<c>organization.user</c>).</summary>
    public sealed class OpenAiUser : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped users bind to -UserId parameters.</summary>
        [JsonIgnore]
        public string UserId => Id;

        public string? Name { get; set; }
        public string? Email { get; set; }

        /// <summary><c>owner</c> or <c>reader</c>.</summary>
        public string? Role { get; set; }

        public DateTimeOffset? AddedAt { get; set; }
        public DateTimeOffset? Created { get; set; }
        public bool? IsServiceAccount { get; set; }
        public bool? IsScimManaged { get; set; }
        public bool? IsDefault { get; set; }
        public DateTimeOffset? ApiKeyLastUsedAt { get; set; }

        /// <summary>The nested <c>user</c> object (enabled, banned...), when the API sends it.</summary>
        [JsonPropertyName("user")]
        public OpenAiUserAccount? Account { get; set; }

        /// <summary>Project memberships, when the API includes them.</summary>
        public OpenAiUserProjects? Projects { get; set; }

        public override string ToString() => $"{Name} <{Email}> ({Id})";
    }

    /// <summary>The nested account details of an organization user.</summary>
    public sealed class OpenAiUserAccount
    {
        public string? Id { get; set; }
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Picture { get; set; }
        public bool? Enabled { get; set; }
        public bool? Banned { get; set; }
    }

    /// <summary>The <c>projects</c> list on an organization user.</summary>
    public sealed class OpenAiUserProjects
    {
        public List<OpenAiUserProject> Data { get; set; } = new List<OpenAiUserProject>();
    }

    /// <summary>One project membership on an organization user.</summary>
    public sealed class OpenAiUserProject
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
    }

    /// <summary>A project member as the API returns it (<c>organization.project.user</c>).</summary>
    public sealed class OpenAiProjectUser : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        [JsonIgnore]
        public string UserId => Id;

        /// <summary>The project this membership belongs to (not in the API object: set from the request).</summary>
        [JsonIgnore]
        public string ProjectId { get; set; } = string.Empty;

        public string? Name { get; set; }
        public string? Email { get; set; }

        /// <summary><c>owner</c> or <c>member</c>.</summary>
        public string? Role { get; set; }

        public DateTimeOffset? AddedAt { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Email ?? Name} ({Id})";
    }

    /// <summary>An invitation to the organization (<c>organization.invite</c>).</summary>
    public sealed class OpenAiInvite : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        [JsonIgnore]
        public string InviteId => Id;

        public string? Email { get; set; }
        public string? Role { get; set; }

        /// <summary><c>pending</c>, <c>accepted</c> or <c>expired</c>.</summary>
        public string? Status { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public DateTimeOffset? AcceptedAt { get; set; }
        public List<OpenAiInviteProject> Projects { get; set; } = new List<OpenAiInviteProject>();

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"invite for {Email} ({Id})";
    }

    /// <summary>A project granted with an invite: its id and the role (member or owner).</summary>
    public sealed class OpenAiInviteProject
    {
        public string Id { get; set; } = string.Empty;
        public string Role { get; set; } = "member";
    }

    /// <summary>A role of the RBAC API (<c>role</c>), organization or project scoped; also the AssignedRoleDetails of assignment lists.</summary>
    public sealed class OpenAiRbacRole : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Description { get; set; }
        public List<string> Permissions { get; set; } = new List<string>();

        /// <summary><c>api.organization</c> or <c>api.project</c>.</summary>
        public string? ResourceType { get; set; }

        public bool PredefinedRole { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>The project of a project role (not in the API object: set from the request).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>An organization group.</summary>
    public sealed class OpenAiGroup : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        [JsonIgnore]
        public string GroupId => Id;

        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public bool? IsScimManaged { get; set; }

        /// <summary><c>group</c> or <c>tenant_group</c>.</summary>
        public string? GroupType { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>A member of a group.</summary>
    public sealed class OpenAiGroupUser : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        [JsonIgnore]
        public string UserId => Id;

        /// <summary>The group (set from the request).</summary>
        [JsonIgnore]
        public string GroupId { get; set; } = string.Empty;

        public string? Name { get; set; }
        public string? Email { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Email ?? Name} ({Id}) in {GroupId}";
    }

    /// <summary>A group's access to a project (<c>project.group</c>).</summary>
    public sealed class OpenAiProjectGroup : OpenAiObject
    {
        public string ProjectId { get; set; } = string.Empty;
        public string GroupId { get; set; } = string.Empty;
        public string? GroupName { get; set; }
        public string? GroupType { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{GroupName ?? GroupId} ({GroupId}) in {ProjectId}";
    }
}
