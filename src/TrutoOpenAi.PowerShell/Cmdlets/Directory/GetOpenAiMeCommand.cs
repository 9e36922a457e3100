using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the identity behind the connection's API key (GET /me, an undocumented endpoint).</summary>
    /// <remarks>
    /// <para>Calls GET /v1/me, the operation the list_all_openai_me tool proxies. It is NOT in OpenAI's published API
    /// specification: its shape is undocumented and may change or disappear. It answers for user and project keys
    /// (the request uses the connection's API key, not the admin key; OpenAI answers admin keys only on /organization
    /// routes). The answer is written as a unified User built from its id, name and email, with Status 'active' and
    /// the full answer in RemoteData.</para>
    /// <para>For a documented way to look a person up, use Get-OpenAiUser -Email with an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiMe | Select-Object Name, Email, Id</code>
    /// <para>Shows who owns the connection's API key.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiMe")]
    [OutputType(typeof(User))]
    [OpenAiOperation("list_all_openai_me", "GET", "/me")]
    public sealed class GetOpenAiMeCommand : OpenAiCmdlet
    {
        protected override void ProcessRecord()
        {
            WriteVerbose("GET /me is not part of OpenAI's documented API; its answer may change without notice.");
            Try(null, () =>
            {
                var me = Await(observer => new DirectoryService(Client).GetMeAsync(observer, CancellationToken));
                var (first, last) = DirectoryMapping.SplitName(me.Name);
                var user = new User
                {
                    Id = me.Id ?? string.Empty, UserId = me.Id, Name = me.Name, FirstName = first, LastName = last, Email = me.Email,
                    Status = "active", UserType = "user", RemoteObject = "me", RawJson = me.RawJson,
                };
                if (me.Email != null) user.Emails.Add(new UserEmail { Email = me.Email, Type = "work", IsPrimary = true });
                if (OrganizationRole(me.RawJson, ActiveConnection.Organization) is { } org)
                {
                    user.Role = org.Role;
                    user.Roles.Add(new UserRole { Id = org.Role, Name = org.Role, Organization = org.Id });
                }
                WriteObject(DirectoryOutput.WithRemoteData(user, me.RawJson));
            });
        }

        /// <summary>
        /// The caller's role in the connection's organization (or the default one) from the orgs list of /me, so an
        /// owner sees Role 'owner'; null when /me lists none.
        /// </summary>
        private static (string Id, string Role)? OrganizationRole(string rawJson, string? organization)
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(rawJson);
                if (!document.RootElement.TryGetProperty("orgs", out var orgs) || !orgs.TryGetProperty("data", out var data) ||
                    data.ValueKind != System.Text.Json.JsonValueKind.Array) return null;
                (string, string)? fallback = null;
                foreach (var org in data.EnumerateArray())
                {
                    var id = org.TryGetProperty("id", out var i) ? i.GetString() ?? string.Empty : string.Empty;
                    if (!org.TryGetProperty("role", out var r) || r.ValueKind != System.Text.Json.JsonValueKind.String) continue;
                    var entry = (id, r.GetString()!);
                    if (organization != null && id == organization) return entry;
                    var isDefault = org.TryGetProperty("is_default", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.True;
                    if (isDefault || fallback is null) fallback = entry;
                    if (isDefault && organization is null) return entry;
                }
                return fallback;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }
}
