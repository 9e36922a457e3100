using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Deletes a certificate from the organization.</summary>
    /// <remarks>
    /// <para>Deletes the certificates given by -Id or piped in. A certificate must be inactive for the organization and for
    /// every project first: the API refuses an active one (OpenAiInvalidRequest, naming where it is active); deactivate it
    /// with Disable-OpenAiCertificate and Disable-OpenAiProjectCertificate. Each certificate is looked up and named in the
    /// confirmation prompt (ConfirmImpact High). Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiCertificate | Where-Object ExpiresAt -lt (Get-Date) | Disable-OpenAiCertificate -PassThru -Confirm:$false | Remove-OpenAiCertificate -Confirm:$false</code>
    /// <para>Deactivates the expired certificates for the organization, then deletes them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_certificate_by_id", "DELETE", "/organization/certificates/{certificate_id}")]
    public sealed class RemoveOpenAiCertificateCommand : OpenAiChangeCmdlet<OpenAiCertificate>
    {
        /// <summary>The id of the certificate to delete (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiCertificate> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new CertificateService(Client).GetAsync(Id, false, observer, cancellationToken);

        protected override string Describe(OpenAiCertificate target) => Describe("certificate", target.Name, target.Id);

        protected override async Task<object?> ChangeAsync(OpenAiCertificate target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new CertificateService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
