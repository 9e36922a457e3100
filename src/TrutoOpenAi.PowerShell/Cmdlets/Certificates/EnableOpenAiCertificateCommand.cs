using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Activates certificates for the organization.</summary>
    /// <remarks>
    /// <para>Activates the certificates given by -Id or piped in (ids, or objects with an Id or CertificateId property) for
    /// the whole organization. The ids of the whole pipeline are collected and sent when it ends, at most 10 per request
    /// (the API's limit): 23 certificates make 3 requests. The API applies each request atomically (an unknown id fails
    /// that request and changes none of its certificates, with OpenAiNotFound) and idempotently (a certificate that is
    /// already active stays so). Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiCertificate -Name 'mtls-*' | Enable-OpenAiCertificate -PassThru</code>
    /// <para>Activates every mtls- certificate for the organization, 10 per request, and writes them with their Active state.</para>
    /// </example>
    /// <example>
    /// <code>Enable-OpenAiCertificate -Id cert_abc, cert_def -Confirm:$false</code>
    /// <para>Activates two certificates in one request.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Enable, "OpenAiCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("openai_organization_certificates_activate", "POST", "/organization/certificates/activate")]
    public sealed class EnableOpenAiCertificateCommand : CertificateToggleCommand
    {
        /// <summary>Ids of the certificates to activate (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        protected override bool Activate => true;

        protected override void ProcessRecord() => Collect(null, Id);
    }
}
