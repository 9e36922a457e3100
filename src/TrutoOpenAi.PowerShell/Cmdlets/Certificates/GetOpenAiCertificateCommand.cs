using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Gets the certificates uploaded to the organization.</summary>
    /// <remarks>
    /// <para>Without -Id, lists the organization's certificates, newest first (-Order Ascending for oldest first), streaming every
    /// page, each with Active saying whether it is active for the organization; -Name filters by wildcard. With -Id, gets
    /// those certificates (the API leaves Active out there); -IncludeContent adds the PEM text in Content. For the
    /// certificates of a project, see Get-OpenAiProjectCertificate. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiCertificate | Where-Object ExpiresAt -lt (Get-Date).AddDays(30)</code>
    /// <para>Lists the certificates that expire within 30 days.</para>
    /// </example>
    /// <example>
    /// <code>(Get-OpenAiCertificate -Id cert_abc -IncludeContent).Content | Set-Content cert.pem</code>
    /// <para>Saves one certificate's PEM content to a file.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiCertificate", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("list_all_openai_organization_certificates", "GET", "/organization/certificates", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_certificate_by_id", "GET", "/organization/certificates/{certificate_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiCertificateCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the certificates to get (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        /// <summary>Adds the certificate's PEM content (the API's include=content).</summary>
        [Parameter(ParameterSetName = ByIdSet)]
        public SwitchParameter IncludeContent { get; set; }

        /// <summary>Only certificates whose name matches this pattern; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = ListSet)]
        [SupportsWildcards]
        public string? Name { get; set; }

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (newest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Ascending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(ParameterSetName = ListSet, DontShow = true)]
        public SwitchParameter Ascending { get; set; }

        protected override void ProcessRecord()
        {
            var service = new CertificateService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id) Try(id, () => WriteObject(Await(observer => service.GetAsync(id, IncludeContent, observer, CancellationToken))));
                return;
            }
            Try(null, () =>
            {
                var pattern = string.IsNullOrEmpty(Name) ? null : new WildcardPattern(Name, WildcardOptions.IgnoreCase);
                var pager = service.List(null, EffectivePageSize(filtersLocally: pattern != null), ApiOrder(Order, Ascending ? "Ascending" : null));
                WritePages(pager, pattern is null ? null : c => pattern.IsMatch(c.Name ?? string.Empty));
            });
        }
    }
}
