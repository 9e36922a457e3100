using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ServiceAccounts
{
    /// <summary>Gets the service accounts of a project.</summary>
    /// <remarks>
    /// <para>Without -ServiceAccountId, lists the project's service accounts, streaming every page; -Name filters by wildcard.
    /// Projects can be piped in (their ProjectId binds). With -ServiceAccountId (or service accounts piped by property name),
    /// gets those accounts; an unknown id writes an OpenAiNotFound error and the pipeline goes on. Each object carries its
    /// ProjectId, so it pipes on to Remove-OpenAiProjectServiceAccount. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectServiceAccount | Format-Table ProjectId, Name, Role, CreatedAt</code>
    /// <para>Lists the service accounts of every project.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProjectServiceAccount -ProjectId proj_abc123 -ServiceAccountId svc_acct_abc</code>
    /// <para>Gets one service account.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectServiceAccount", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiProjectServiceAccount))]
    [OpenAiOperation("list_all_openai_project_service_accounts", "GET", "/organization/projects/{project_id}/service_accounts", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_project_service_account_by_id", "GET", "/organization/projects/{project_id}/service_accounts/{service_account_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiProjectServiceAccountCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Ids of the service accounts to get (svc_acct_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ServiceAccountId { get; set; } = new string[0];

        /// <summary>Only service accounts whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ServiceAccountService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in ServiceAccountId)
                    Try(id, () => WriteObject(Await(observer => service.GetAsync(ProjectId, id, observer, CancellationToken))));
                return;
            }
            Try(ProjectId, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                WritePages(service.List(ProjectId, EffectivePageSize(filtersLocally: pattern != null)),
                    pattern is null ? null : account => pattern.IsMatch(account.Name ?? string.Empty));
            });
        }
    }
}
