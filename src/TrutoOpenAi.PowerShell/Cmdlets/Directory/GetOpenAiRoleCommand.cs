using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Gets the roles of the organization or of a project as unified Role objects.</summary>
    /// <remarks>
    /// <para>Without -ProjectId, writes the built-in organization roles (owner, reader: the values of a user's role field,
    /// Type 'builtin') and then the organization's RBAC roles from GET /organization/roles (Type 'predefined' or
    /// 'custom', ApplicableIn 'organization'). With -ProjectId (or piped projects), writes the built-in project roles
    /// (owner, member) and the project's RBAC roles from GET /projects/{project_id}/roles (ApplicableIn 'project').
    /// With -RoleId, gets those RBAC roles. RemoteData is the raw OpenAI role. RBAC lists page with the 'next' cursor;
    /// -First and -Skip count the built-in roles too (-First 1 is the first built-in role, with no request). An exact
    /// -Name (no wildcard) gives one role: the RBAC role of that name when there is one (predefined 'Member' rather than
    /// built-in 'member', so its role_... id can go to -RoleId), otherwise the built-in; -Type builtin picks the built-in.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiRole | Format-Table Name, Type, ApplicableIn, Id</code>
    /// <para>Lists the organization's built-in and RBAC roles.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiRole -Type custom</code>
    /// <para>Lists the custom roles of every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiRole", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(Role))]
    [OpenAiOperation("", "GET", "/organization/roles", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/organization/roles/{role_id}", ParameterSet = ByIdSet)]
    [OpenAiOperation("", "GET", "/projects/{project_id}/roles", ParameterSet = ListSet)]
    [OpenAiOperation("", "GET", "/projects/{project_id}/roles/{role_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiRoleCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project whose roles to get; without it, the organization's roles.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>Ids of RBAC roles to get (role_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string[] RoleId { get; set; } = new string[0];

        /// <summary>Only roles whose name matches; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.RoleCompleter))]
        public string? Name { get; set; }

        /// <summary>Only roles of this type: builtin, predefined or custom.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("builtin", "predefined", "custom", IgnoreCase = true)]
        public string? Type { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in RoleId)
                    Try(id, () =>
                    {
                        var role = Await(observer => service.GetRoleAsync(projectId, id, observer, CancellationToken));
                        WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(role), role.RawJson));
                    });
                return;
            }
            Try(ProjectId, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                bool Keep(Role r) => (pattern == null || pattern.IsMatch(r.Name ?? "")) &&
                                     (Type == null || string.Equals(r.Type, Type, System.StringComparison.OrdinalIgnoreCase));
                var scope = projectId is null ? "organization" : "project";
                var builtIns = DirectoryMapping.BuiltInRoles.Where(r => r.ApplicableIn == scope && Keep(r))
                    .Select(copy => new Role { Id = copy.Id, Name = copy.Name, Label = copy.Label, Description = copy.Description, Type = copy.Type, ApplicableIn = copy.ApplicableIn, ProjectId = projectId, RawJson = copy.RawJson })
                    .Select(role => (object)DirectoryOutput.WithRemoteData(role, role.RawJson))
                    .ToList();
                if (Type != null && Type.Equals("builtin", System.StringComparison.OrdinalIgnoreCase))
                {
                    // Only built-ins: no request, -Skip/-First still apply.
                    foreach (var role in builtIns.Skip((int)System.Math.Min(PagingParameters.Skip, int.MaxValue)).Take((int)System.Math.Min(PagingParameters.First, int.MaxValue))) WriteObject(role);
                    return;
                }
                var pager = service.ListRoles(projectId, EffectivePageSize(filtersLocally: true));
                var literal = pattern != null && !WildcardPattern.ContainsWildcardCharacters(Name);
                if (!literal)
                {
                    WritePages(pager, r => Keep(DirectoryMapping.ToRole(r)), r => DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(r), r.RawJson), builtIns);
                    return;
                }
                // An exact -Name is one role: an RBAC role of that name (it has the role_... id that -RoleId takes) wins over
                // the built-in role of the same name (member/Member, owner/Owner); -Type builtin gets the built-in.
                var matched = 0;
                WritePages(pager, r => { var keep = Keep(DirectoryMapping.ToRole(r)); if (keep && Type == null) matched++; return keep; },
                    r => DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(r), r.RawJson));
                if (matched == 0 && PagingParameters.Skip == 0 && PagingParameters.First > 0)
                    foreach (var role in builtIns.Take(1)) WriteObject(role);
            });
        }
    }
}
