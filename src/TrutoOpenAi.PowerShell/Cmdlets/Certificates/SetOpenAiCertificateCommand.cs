using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Renames a certificate.</summary>
    /// <remarks>
    /// <para>Changes the name of the certificates given by -Id or piped in; the name is the only thing the API lets change.
    /// Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiCertificate -Id cert_abc -Name 'client CA (old)' -PassThru</code>
    /// <para>Renames one certificate and writes it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("update_a_openai_certificate_by_id", "POST", "/organization/certificates/{certificate_id}")]
    public sealed class SetOpenAiCertificateCommand : OpenAiCmdlet
    {
        /// <summary>The certificate to rename (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("CertificateId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new name. Not bound from the pipeline, so piping certificates never renames them by accident.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Writes the renamed certificate.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"certificate {Id}", $"Rename to '{Name}'")) return;
            Try(Id, () =>
            {
                var renamed = Await(observer => new CertificateService(Client).RenameAsync(Id, Name, observer, CancellationToken));
                if (PassThru) WriteObject(renamed);
            });
        }
    }
}
