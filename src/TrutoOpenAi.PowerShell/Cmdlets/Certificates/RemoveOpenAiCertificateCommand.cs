using System.Management.Automation;
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
    [Cmdlet(VerbsCommon.Remove, "OpenAiCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_certificate_by_id", "DELETE", "/organization/certificates/{certificate_id}")]
    public sealed class RemoveOpenAiCertificateCommand : OpenAiCmdlet
    {
        /// <summary>The certificate to delete (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new CertificateService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, false, observer, CancellationToken));
                if (!ShouldProcess(Describe("certificate", current.Name, current.Id), "Delete")) return;
                var deletion = Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
