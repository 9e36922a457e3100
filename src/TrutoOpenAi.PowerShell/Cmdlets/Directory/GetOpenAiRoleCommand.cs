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
    /// (owner, member) and the project's RBAC roles from GET /projects/{project_id}/roles (ApplicableIn 'workspace').
    /// With -RoleId, gets those RBAC roles. RemoteData is the raw OpenAI role. RBAC lists page with the 'next' cursor.
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
        public string? ProjectId { get; set; }

        /// <summary>Ids of RBAC roles to get (role_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
        [ValidateNotNullOrEmpty]
        public string[] RoleId { get; set; } = new string[0];

        /// <summary>Only roles whose name matches; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Only roles of this type: builtin, predefined or custom.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("builtin", "predefined", "custom", IgnoreCase = true)]
        public string? Type { get; set; }

        protected override int MaxPageSize => 1000;

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
                var scope = projectId is null ? "organization" : "workspace";
                foreach (var builtIn in DirectoryMapping.BuiltInRoles.Where(r => r.ApplicableIn == scope && Keep(r)))
                {
                    var copy = DirectoryMapping.BuiltInRoles.First(r => r == builtIn);
                    var role = new Role { Id = copy.Id, Name = copy.Name, Label = copy.Label, Description = copy.Description, Type = copy.Type, ApplicableIn = copy.ApplicableIn, ProjectId = projectId, RemoteDataJson = copy.RemoteDataJson };
                    WriteObject(DirectoryOutput.WithRemoteData(role, role.RemoteDataJson));
                }
                if (Type != null && Type.Equals("builtin", System.StringComparison.OrdinalIgnoreCase)) return;
                var pager = service.ListRoles(projectId, EffectivePageSize(filtersLocally: true));
                WritePages(pager, r => Keep(DirectoryMapping.ToRole(r)), r => DirectoryOutput.WithRemoteData(DirectoryMapping.ToRole(r), r.RawJson));
            });
        }
    }
}
