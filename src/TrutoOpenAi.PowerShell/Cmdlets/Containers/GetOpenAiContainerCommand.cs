using System.Management.Automation;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Gets containers: all of them, those matching a name, or some by id.</summary>
    /// <remarks>
    /// <para>Without -Id, streams every container, newest first, page by page (-First stops early, -PageSize sets the page).
    /// -Name without wildcards is asked of the API; with wildcards the names are matched here. Containers are the sandboxes
    /// the code interpreter tool runs in. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiContainer -Name 'analysis*'</code>
    /// <para>Lists the containers whose name starts with analysis.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiContainer -Id cntr_abc123</code>
    /// <para>Gets one container by id.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiContainer", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiContainer))]
    [OpenAiOperation("list_all_openai_containers", "GET", "/containers", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_container_by_id", "GET", "/containers/{container_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiContainerCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the containers to get (cntr_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only containers with this name; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Descending (newest first, the API's default) or Ascending (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ContainerService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id) Try(id, () => WriteObject(Await(observer => service.GetAsync(id, observer, CancellationToken))));
                return;
            }
            Try(null, () =>
            {
                var wildcard = !string.IsNullOrEmpty(Name) && WildcardPattern.ContainsWildcardCharacters(Name);
                var pattern = wildcard ? new WildcardPattern(Name, WildcardOptions.IgnoreCase) : null;
                var order = Order is null ? null : Order == "Ascending" ? "asc" : "desc";
                WritePages(service.List(EffectivePageSize(filtersLocally: wildcard), order, wildcard || string.IsNullOrEmpty(Name) ? null : Name),
                    pattern is null ? null : container => pattern.IsMatch(container.Name ?? string.Empty));
            });
        }
    }
}
