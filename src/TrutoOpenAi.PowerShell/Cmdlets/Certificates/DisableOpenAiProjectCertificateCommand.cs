using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Deactivates certificates for a project.</summary>
    /// <remarks>
    /// <para>Deactivates organization certificates for one or more projects. Give -ProjectId, or pipe objects that carry it
    /// (projects, or certificates from Get-OpenAiProjectCertificate), and the certificate ids with -CertificateId or from the
    /// pipeline. The ids of the whole pipeline are collected and sent when it ends, per project, at most 10 per request (the
    /// API's limit). The API applies each request atomically and idempotently. Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiCertificate -Name 'mtls-*' | Disable-OpenAiProjectCertificate -ProjectId proj_abc123</code>
    /// <para>Deactivates every mtls- certificate for one project, 10 per request.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Disable-OpenAiProjectCertificate -CertificateId cert_abc -Confirm:$false</code>
    /// <para>Deactivates one certificate for every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "OpenAiProjectCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("openai_project_certificates_deactivate", "POST", "/organization/projects/{project_id}/certificates/deactivate")]
    public sealed class DisableOpenAiProjectCertificateCommand : CertificateToggleCommand
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Ids of the certificates to deactivate for the project (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] CertificateId { get; set; } = new string[0];

        protected override bool Activate => false;

        protected override void ProcessRecord() => Collect(ProjectId, CertificateId);
    }
}
