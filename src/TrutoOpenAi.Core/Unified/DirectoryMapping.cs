using System;
using System.Collections.Generic;
using System.Linq;
using TrutoOpenAi.Core.Models.Directory;

namespace TrutoOpenAi.Core.Unified
{
    /// <summary>
    /// Pure mappings from OpenAI directory objects to the unified User, Role and RoleAssignment (the proposal in
    /// reference/unified-user-directory.md): no I/O, so every rule is unit-tested.
    /// </summary>
    public static class DirectoryMapping
    {
        /// <summary>The built-in roles behind the <c>role</c> fields: organization owner/reader, project owner/member.</summary>
        public static IReadOnlyList<Role> BuiltInRoles { get; } = new[]
        {
            BuiltIn("owner", "Organization owner", "Full control of the organization: members, billing, projects and keys.", "organization"),
            BuiltIn("reader", "Organization reader", "Can use the organization's API and read its settings.", "organization"),
            BuiltIn("owner", "Project owner", "Manages the project's members, keys and limits.", "project"),
            BuiltIn("member", "Project member", "Uses the project's API keys and resources.", "project"),
        };

        /// <summary>Organization user → User (status active, or inactive when the account is disabled or banned).</summary>
        public static User ToUser(OpenAiUser user)
        {
            if (user is null) throw new ArgumentNullException(nameof(user));
            var unified = Base(user.Id, user.Name, user.Email, user.RawJson, "organization.user");
            unified.UserId = user.Id;
            unified.Status = user.Account != null && (user.Account.Enabled == false || user.Account.Banned == true) ? "inactive" : "active";
            unified.Role = user.Role;
            if (!string.IsNullOrEmpty(user.Role)) unified.Roles.Add(new UserRole { Id = user.Role!, Name = user.Role, Organization = "organization" });
            foreach (var p in user.Projects?.Data ?? Enumerable.Empty<OpenAiUserProject>())
            {
                if (string.IsNullOrEmpty(p.Id)) continue;
                unified.Projects.Add(new Reference { Id = p.Id!, Name = p.Name });
                if (!string.IsNullOrEmpty(p.Role)) unified.Roles.Add(new UserRole { Id = p.Role!, Name = p.Role, Project = p.Id });
            }
            unified.UserType = user.IsServiceAccount == true ? "service-account" : "user";
            unified.CreatedAt = user.AddedAt ?? user.Created;
            unified.LastActiveAt = user.ApiKeyLastUsedAt;
            return unified;
        }

        /// <summary>Project user → User scoped to the project: the project is the user's one project and the role is the project role.</summary>
        public static User ToUser(OpenAiProjectUser member, string? projectName = null)
        {
            if (member is null) throw new ArgumentNullException(nameof(member));
            var unified = Base(member.Id, member.Name, member.Email, member.RawJson, "organization.project.user");
            unified.UserId = member.Id;
            unified.ProjectId = string.IsNullOrEmpty(member.ProjectId) ? null : member.ProjectId;
            unified.Status = "active";
            unified.Role = member.Role;
            if (unified.ProjectId != null)
            {
                unified.Projects.Add(new Reference { Id = unified.ProjectId, Name = projectName });
                if (!string.IsNullOrEmpty(member.Role)) unified.Roles.Add(new UserRole { Id = member.Role!, Name = member.Role, Project = unified.ProjectId });
            }
            unified.UserType = "user";
            unified.CreatedAt = member.AddedAt;
            return unified;
        }

        /// <summary>
        /// Invite → User: pending invites have status <c>invited</c>, expired ones <c>inactive</c>, accepted ones <c>active</c>
        /// (the person is a member now; their organization user has its own id). The id is the invite's id.
        /// </summary>
        public static User ToUser(OpenAiInvite invite)
        {
            if (invite is null) throw new ArgumentNullException(nameof(invite));
            var unified = Base(invite.Id, null, invite.Email, invite.RawJson, "organization.invite");
            unified.InviteId = invite.Id;
            unified.Status = invite.Status switch
            {
                "pending" => "invited",
                "expired" => "inactive",
                "accepted" => "active",
                var raw => raw, // no clear mapping: the raw value, as Truto does
            };
            unified.Role = invite.Role;
            if (!string.IsNullOrEmpty(invite.Role)) unified.Roles.Add(new UserRole { Id = invite.Role!, Name = invite.Role, Organization = "organization" });
            foreach (var p in invite.Projects)
            {
                unified.Projects.Add(new Reference { Id = p.Id });
                unified.Roles.Add(new UserRole { Id = p.Role, Name = p.Role, Project = p.Id });
            }
            unified.UserType = "user";
            unified.CreatedAt = invite.CreatedAt;
            unified.UpdatedAt = invite.AcceptedAt;
            return unified;
        }

        /// <summary>RBAC role → Role: predefined or custom; project roles apply in a project.</summary>
        public static Role ToRole(OpenAiRbacRole role)
        {
            if (role is null) throw new ArgumentNullException(nameof(role));
            return new Role
            {
                Id = role.Id,
                Name = role.Name,
                Label = role.Name,
                Description = role.Description,
                Type = role.PredefinedRole ? "predefined" : "custom",
                ApplicableIn = string.Equals(role.ResourceType, "api.project", StringComparison.Ordinal) ? "project" : "organization",
                ProjectId = role.ProjectId,
                Permissions = new DisplayList<string>(role.Permissions),
                CreatedAt = role.CreatedAt,
                UpdatedAt = role.UpdatedAt,
                RawJson = role.RawJson,
            };
        }

        /// <summary>An assigned role (AssignedRoleDetails) of a user or group → RoleAssignment.</summary>
        public static RoleAssignment ToAssignment(OpenAiRbacRole role, string? userId, string? groupId, string? projectId)
        {
            if (role is null) throw new ArgumentNullException(nameof(role));
            var principal = userId ?? groupId ?? throw new ArgumentException("A user or group id is needed.");
            var assignment = new RoleAssignment
            {
                Id = (projectId is null ? "" : projectId + ":") + principal + ":" + role.Id,
                UserId = userId,
                GroupId = groupId,
                GroupType = groupId is null ? null : "group",
                RoleId = role.Id,
                RoleName = role.Name,
                ProjectId = projectId,
                CreatedAt = role.CreatedAt,
                UpdatedAt = role.UpdatedAt,
                RawJson = role.RawJson,
            };
            if (projectId != null) assignment.Projects.Add(projectId);
            return assignment;
        }

        /// <summary>Splits a display name into first and last name at the last space (OpenAI has one name field).</summary>
        public static (string? First, string? Last) SplitName(string? name)
        {
            if (string.IsNullOrWhiteSpace(name)) return (null, null);
            var trimmed = name!.Trim();
            var space = trimmed.LastIndexOf(' ');
            return space < 0 ? (trimmed, null) : (trimmed.Substring(0, space).Trim(), trimmed.Substring(space + 1));
        }

        private static User Base(string id, string? name, string? email, string raw, string remoteObject)
        {
            var (first, last) = SplitName(name);
            var user = new User
            {
                Id = id,
                Name = name,
                FirstName = first,
                LastName = last,
                Email = email,
                RemoteObject = remoteObject,
                RawJson = raw,
            };
            if (!string.IsNullOrEmpty(email)) user.Emails.Add(new UserEmail { Email = email!, Type = "work", IsPrimary = true });
            return user;
        }

        private static Role BuiltIn(string id, string label, string description, string applicableIn) => new Role
        {
            Id = id,
            Name = id,
            Label = label,
            Description = description,
            Type = "builtin",
            ApplicableIn = applicableIn,
            RawJson = "{\"role\":\"" + id + "\"}",
        };
    }
}
