using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.ProjectApiKeys
{
    /// <summary>Gets the API keys of a project.</summary>
    /// <remarks>
    /// <para>Without -ApiKeyId, lists the project's API keys, streaming every page; -Name filters by wildcard and
    /// -OwnerProjectAccess chooses keys whose owner has (active), has lost (inactive) or has either (any) access to the
    /// project; without it the API applies its membership-based visibility. Projects can be piped in. Only redacted values
    /// are ever returned. Each key carries its ProjectId, so it pipes on to Remove-OpenAiProjectApiKey. Needs an admin key.</para>
    /// <para>-UnusedForDays 90 keeps the keys unused for 90 days: last used more than 90 days ago, or never used and created
    /// more than 90 days ago. Use it rather than <c>Where-Object LastUsedAt -lt (Get-Date).AddDays(-90)</c>: LastUsedAt is
    /// null for a key never used, and PowerShell finds null less than any date, so that filter also selects keys created a
    /// minute ago. Keys of service accounts are listed too (OwnerType service_account); they go with their service account.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectApiKey -UnusedForDays 90 | Where-Object OwnerType -eq user | Remove-OpenAiProjectApiKey -WhatIf</code>
    /// <para>Shows which user keys unused for 90 days would be deleted, in every project, deleting none. Keys never used
    /// count from their creation, so a key made today is kept.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectApiKey -UnusedForDays 90 | Where-Object OwnerType -eq service_account | ForEach-Object { Remove-OpenAiProjectServiceAccount -ProjectId $_.ProjectId -ServiceAccountId $_.OwnerId -WhatIf }</code>
    /// <para>Shows which service accounts whose key went unused for 90 days would be deleted (with their keys), deleting none.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProjectApiKey -ProjectId proj_abc123 -OwnerProjectAccess inactive</code>
    /// <para>Lists the keys whose owners no longer have access to the project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectApiKey", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiProjectApiKey))]
    [OpenAiOperation("list_all_openai_project_api_keys", "GET", "/organization/projects/{project_id}/api_keys", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_project_api_key_by_id", "GET", "/organization/projects/{project_id}/api_keys/{api_key_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiProjectApiKeyCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Ids of the keys to get (key_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] ApiKeyId { get; set; } = new string[0];

        /// <summary>Only keys whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>Keys whose owner has effective access to the project (active), has not (inactive), or all enabled keys (any).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("active", "inactive", "any", IgnoreCase = true)]
        public string? OwnerProjectAccess { get; set; }

        /// <summary>Only keys unused for at least this many days: last used before then, or never used and created before then.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(0, 36500)]
        public int? UnusedForDays { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ProjectApiKeyService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in ApiKeyId)
                    Try(id, () => WriteObject(Await(observer => service.GetAsync(ProjectId, id, observer, CancellationToken))));
                return;
            }
            Try(ProjectId, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                var filter = UnusedKeyFilter.And(
                    pattern is null ? null : key => pattern.IsMatch(key.Name ?? string.Empty),
                    UnusedKeyFilter.For<OpenAiProjectApiKey>(UnusedForDays, key => key.LastUsedAt, key => key.CreatedAt));
                var pager = service.List(ProjectId, EffectivePageSize(filtersLocally: filter != null),
                    OwnerProjectAccess?.ToLowerInvariant());
                WritePages(pager, filter);
            });
        }
    }
}
