using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Projects
{
    /// <summary>Gets the projects of the organization.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the organization's projects, streaming every page: the first project is written as soon as
    /// the first page arrives, and -First stops the requests once enough have come. -Name filters by wildcard on the
    /// project name; -IncludeArchived adds archived projects, which the API hides by default.</para>
    /// <para>With -Id (or ids piped by property name, e.g. from objects with a ProjectId property), gets those projects;
    /// an unknown id writes an OpenAiNotFound error and the pipeline goes on. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Format-Table Name, Id, Status, CreatedAt</code>
    /// <para>Lists the tenant projects with their ids, status and creation time.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Id proj_abc123</code>
    /// <para>Gets one project by id.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -IncludeArchived -First 5</code>
    /// <para>Gets the first five projects, archived ones included; only as many pages as needed are fetched.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProject", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiProject))]
    [OpenAiOperation("list_all_openai_projects", "GET", "/organization/projects", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_project_by_id", "GET", "/organization/projects/{project_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiProjectCommand : OpenAiGetCmdlet<OpenAiProject>
    {
        /// <summary>Ids of the projects to get (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only projects whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? Name { get; set; }

        /// <summary>Includes archived projects, which the API leaves out by default.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public SwitchParameter IncludeArchived { get; set; }

        protected override string[] Ids => Id;

        protected override Task<OpenAiProject> GetAsync(string id, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ProjectService(Client).GetAsync(id, observer, cancellationToken);

        protected override void WriteList()
        {
            var service = new ProjectService(Client);
            var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            // A name filter is applied here, so a small -First must not shrink the page size.
            var pageSize = EffectivePageSize(filtersLocally: pattern != null);
            var pager = service.List(pageSize, IncludeArchived);
            WritePages(pager, pattern is null ? null : project => pattern.IsMatch(project.Name ?? string.Empty));
        }
    }
}
