using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Gets the certificates of a project, with whether each is active there.</summary>
    /// <remarks>
    /// <para>Lists the organization's certificates as seen from a project, newest first (-Order Ascending for oldest first),
    /// streaming every page; Active says whether each is active for that project, and ProjectId names the project. -Name
    /// filters by wildcard, -Active keeps only the certificates active for the project. Projects can be piped in.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectCertificate -Active | Format-Table ProjectId, Name, ExpiresAt</code>
    /// <para>Shows which certificates are active in which project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectCertificate", SupportsPaging = true)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("list_all_openai_project_certificates", "GET", "/organization/projects/{project_id}/certificates")]
    public sealed class GetOpenAiProjectCertificateCommand : OpenAiListCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Only certificates whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(Position = 1)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Only the certificates active for the project.</summary>
        [Parameter]
        public SwitchParameter Active { get; set; }

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (newest first).</summary>
        [Parameter]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Ascending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter Ascending { get; set; }

        protected override void ProcessRecord()
        {
            Try(ProjectId, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                var filtered = pattern != null || Active;
                var pager = new CertificateService(Client).List(ProjectId, EffectivePageSize(filtersLocally: filtered), ApiOrder(Order, Ascending ? "Ascending" : null));
                WritePages(pager, !filtered ? null : c => (pattern is null || pattern.IsMatch(c.Name ?? string.Empty)) && (!Active || c.Active == true));
            });
        }
    }
}
