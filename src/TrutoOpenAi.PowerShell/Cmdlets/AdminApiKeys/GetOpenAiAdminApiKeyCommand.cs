using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.AdminApiKeys
{
    /// <summary>Gets the organization's admin API keys.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the admin keys, oldest first (-Descending for newest first), streaming every page; -Name
    /// filters by wildcard. With -Id, gets those keys. Only redacted values are ever returned. Project keys are
    /// Get-OpenAiProjectApiKey. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAdminApiKey | Where-Object { -not $_.LastUsedAt } | Format-Table Name, Id, CreatedAt</code>
    /// <para>Lists the admin keys that were never used.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiAdminApiKey -Id key_abc</code>
    /// <para>Gets one admin key.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiAdminApiKey", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiAdminApiKey))]
    [OpenAiOperation("list_all_openai_admin_api_keys", "GET", "/organization/admin_api_keys", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_admin_api_key_by_id", "GET", "/organization/admin_api_keys/{key_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiAdminApiKeyCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the admin keys to get (key_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AdminApiKeyId", "KeyId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Only keys whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Descending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(ParameterSetName = ListSet, DontShow = true)]
        public SwitchParameter Descending { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AdminApiKeyService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id) Try(id, () => WriteObject(Await(observer => service.GetAsync(id, observer, CancellationToken))));
                return;
            }
            Try(null, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                var pager = service.List(EffectivePageSize(filtersLocally: pattern != null), ApiOrder(Order, Descending ? "Descending" : null));
                WritePages(pager, pattern is null ? null : key => pattern.IsMatch(key.Name ?? string.Empty));
            });
        }
    }
}
