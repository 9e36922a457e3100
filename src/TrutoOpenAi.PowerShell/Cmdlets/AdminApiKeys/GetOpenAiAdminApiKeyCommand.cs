using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.AdminApiKeys
{
    /// <summary>Gets the organization's admin API keys.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the admin keys, oldest first (-Order Descending for newest first), streaming every page; -Name
    /// filters by wildcard. With -Id, gets those keys. Only redacted values are ever returned. Project keys are
    /// Get-OpenAiProjectApiKey. Needs an admin key.</para>
    /// <para>-UnusedForDays 30 keeps the keys unused for 30 days: last used more than 30 days ago, or never used and created
    /// more than 30 days ago. Use it rather than <c>Where-Object LastUsedAt -lt (Get-Date).AddDays(-30)</c>, which also
    /// selects keys created a minute ago (LastUsedAt is null for a key never used, and null is less than any date).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAdminApiKey -UnusedForDays 30 | Format-Table Name, Id, CreatedAt, LastUsedAt</code>
    /// <para>Lists the admin keys unused for 30 days (a key never used counts from its creation).</para>
    /// </example>
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

        /// <summary>Only keys unused for at least this many days: last used before then, or never used and created before then.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateRange(0, 36500)]
        public int? UnusedForDays { get; set; }

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
                var filter = UnusedKeyFilter.And(
                    pattern is null ? null : key => pattern.IsMatch(key.Name ?? string.Empty),
                    UnusedKeyFilter.For<OpenAiAdminApiKey>(UnusedForDays, key => key.LastUsedAt, key => key.CreatedAt));
                var pager = service.List(EffectivePageSize(filtersLocally: filter != null), ApiOrder(Order, Descending ? "Descending" : null));
                WritePages(pager, filter);
            });
        }
    }
}
