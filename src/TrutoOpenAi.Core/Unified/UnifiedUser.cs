using System;
using System.Collections.Generic;

namespace TrutoOpenAi.Core.Unified
{
    /// <summary>
    /// Truto's unified user-directory User, PascalCase: one shape for organization users, project users and invitees.
    /// <see cref="RawJson"/> is the OpenAI object exactly as the API sent it (the cmdlets expose it parsed as RemoteData).
    /// </summary>
    public sealed class User
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The OpenAI user id (<c>user-...</c>), for binding -UserId; null for an invitee who has not joined yet.</summary>
        public string? UserId { get; set; }

        /// <summary>The project the user was read from (project users); null for organization users.</summary>
        public string? ProjectId { get; set; }

        /// <summary>The invite id, for users read from invites.</summary>
        public string? InviteId { get; set; }

        public string? Name { get; set; }
        public string? FirstName { get; set; }
        public string? LastName { get; set; }

        /// <summary>The primary email address (also the first of <see cref="Emails"/>).</summary>
        public string? Email { get; set; }

        public DisplayList<UserEmail> Emails { get; set; } = new DisplayList<UserEmail>();

        /// <summary><c>active</c>, <c>inactive</c> or <c>invited</c>.</summary>
        public string? Status { get; set; }

        /// <summary>The role in the scope the user was read from: owner/reader (organization) or owner/member (project).</summary>
        public string? Role { get; set; }

        public DisplayList<UserRole> Roles { get; set; } = new DisplayList<UserRole>();
        /// <summary>The projects the user belongs to (id and name).</summary>
        public DisplayList<Reference> Projects { get; set; } = new DisplayList<Reference>();

        /// <summary><c>user</c> or <c>service-account</c>.</summary>
        public string? UserType { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        public DateTimeOffset? LastActiveAt { get; set; }

        /// <summary>Which OpenAI object this user came from: <c>organization.user</c>, <c>organization.project.user</c>, <c>organization.invite</c>.</summary>
        public string? RemoteObject { get; set; }

        /// <summary>The OpenAI object exactly as the API sent it (JSON text); the same name as on every typed object.</summary>
        public string RawJson { get; set; } = "{}";

        /// <summary>The OpenAI object parsed (the cmdlets set it to a PSCustomObject); last, so Export-Csv starts with the readable columns.</summary>
        public object? RemoteData { get; set; }

        public override string ToString() => $"{Name ?? Email} ({Id})";
    }

    /// <summary>An email of a unified user.</summary>
    public sealed class UserEmail
    {
        public string Email { get; set; } = string.Empty;
        public string? Type { get; set; }
        public bool IsPrimary { get; set; }
        public override string ToString() => Email;
    }

    /// <summary>A role held by a unified user, in the organization or in a project.</summary>
    public sealed class UserRole
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public string? Organization { get; set; }
        /// <summary>The project the role applies in; null for an organization role.</summary>
        public string? Project { get; set; }
        public override string ToString() => Project is null ? $"{Name} (organization)" : $"{Name} ({Project})";
    }

    /// <summary>A reference to another resource: <c>{id, name}</c>.</summary>
    public sealed class Reference
    {
        public string Id { get; set; } = string.Empty;
        public string? Name { get; set; }
        public override string ToString() => Name is null ? Id : $"{Name} ({Id})";
    }

    /// <summary>Truto's unified Role. Type: <c>builtin</c> (the fixed owner/reader/member roles of the role field),
    /// <c>predefined</c> or <c>custom</c> (RBAC roles). ApplicableIn: <c>organization</c> or <c>project</c>.</summary>
    public sealed class Role
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, for binding -RoleId.</summary>
        public string RoleId => Id;

        public string? Name { get; set; }
        public string? Label { get; set; }
        public string? Description { get; set; }
        public string? Type { get; set; }
        public string? ApplicableIn { get; set; }

        /// <summary>The project of a project role.</summary>
        public string? ProjectId { get; set; }

        public DisplayList<string> Permissions { get; set; } = new DisplayList<string>();
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>The OpenAI object exactly as the API sent it (JSON text).</summary>
        public string RawJson { get; set; } = "{}";

        /// <summary>The OpenAI object parsed (set by the cmdlets).</summary>
        public object? RemoteData { get; set; }

        public override string ToString() => $"{Name} ({Id})";
    }

    /// <summary>Truto's unified RoleAssignment: a role given to a user or a group, in the organization or a project.</summary>
    public sealed class RoleAssignment
    {
        /// <summary><c>{principal}:{role}</c>, or <c>{project}:{principal}:{role}</c> in a project.</summary>
        public string Id { get; set; } = string.Empty;

        public string? UserId { get; set; }
        public string? GroupId { get; set; }

        /// <summary><c>group</c> for a group assignment, null for a user's.</summary>
        public string? GroupType { get; set; }

        public string RoleId { get; set; } = string.Empty;
        public string? RoleName { get; set; }

        /// <summary>The project of a project-scoped assignment (also in <see cref="Projects"/>).</summary>
        public string? ProjectId { get; set; }

        /// <summary>The projects the assignment applies in (the project of a project-scoped one; empty in the organization).</summary>
        public DisplayList<string> Projects { get; set; } = new DisplayList<string>();
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? UpdatedAt { get; set; }
        /// <summary>The OpenAI object exactly as the API sent it (JSON text).</summary>
        public string RawJson { get; set; } = "{}";

        /// <summary>The OpenAI object parsed (set by the cmdlets).</summary>
        public object? RemoteData { get; set; }

        public override string ToString() => $"{RoleName ?? RoleId} -> {UserId ?? GroupId}";
    }
}
