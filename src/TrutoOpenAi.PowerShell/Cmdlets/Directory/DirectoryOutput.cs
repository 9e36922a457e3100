using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Shared helpers of the directory cmdlets: RemoteData and role validation.</summary>
    internal static class DirectoryOutput
    {
        public static readonly string[] OrganizationRoles = { "owner", "reader" };
        public static readonly string[] ProjectRoles = { "owner", "member" };

        /// <summary>Wraps a unified object and adds RemoteData: the raw OpenAI object, parsed (PSCustomObject).</summary>
        public static PSObject WithRemoteData(object unified, string rawJson)
        {
            var wrapped = PSObject.AsPSObject(unified);
            object? remote = null;
            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrEmpty(rawJson) ? "{}" : rawJson);
                remote = JsonToPowerShell.Convert(document.RootElement);
            }
            catch (JsonException)
            {
                remote = rawJson;
            }
            // The unified types carry RemoteData as their last property (so Export-Csv starts with readable columns);
            // anything else gets it as a note property.
            switch (unified)
            {
                case Core.Unified.User user: user.RemoteData = remote; break;
                case Core.Unified.Role role: role.RemoteData = remote; break;
                case Core.Unified.RoleAssignment assignment: assignment.RemoteData = remote; break;
                default: wrapped.Properties.Add(new PSNoteProperty("RemoteData", remote)); break;
            }
            return wrapped;
        }

        /// <summary>The role in lower case when it is one of <paramref name="allowed"/>; otherwise an OpenAiInvalidRole error (no request is sent).</summary>
        public static string ValidRole(string? role, string[] allowed, string scope)
        {
            var lower = (role ?? string.Empty).Trim().ToLowerInvariant();
            if (allowed.Contains(lower)) return lower;
            throw new OpenAiValidationException("Role",
                $"'{role}' is not a {scope} role: use {string.Join(" or ", allowed)}. (Custom RBAC roles are assigned with Add-OpenAiUserRole -RoleId.)",
                "OpenAiInvalidRole");
        }
    }
}
