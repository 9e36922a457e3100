using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Activates certificates for a project.</summary>
    /// <remarks>
    /// <para>Activates organization certificates for one or more projects. Give -ProjectId, or pipe objects that carry it
    /// (projects, or certificates from Get-OpenAiProjectCertificate), and the certificate ids with -CertificateId or from the
    /// pipeline. The ids of the whole pipeline are collected and sent when it ends, per project, at most 10 per request (the
    /// API's limit). The API applies each request atomically and idempotently. Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiCertificate -Name 'mtls-*' | Enable-OpenAiProjectCertificate -ProjectId proj_abc123</code>
    /// <para>Activates every mtls- certificate for one project, 10 per request.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Enable-OpenAiProjectCertificate -CertificateId cert_abc -Confirm:$false</code>
    /// <para>Activates one certificate for every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Enable, "OpenAiProjectCertificate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("openai_project_certificates_activate", "POST", "/organization/projects/{project_id}/certificates/activate")]
    public sealed class EnableOpenAiProjectCertificateCommand : CertificateToggleCommand
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Ids of the certificates to activate for the project (cert_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] CertificateId { get; set; } = new string[0];

        protected override bool Activate => true;

        protected override void ProcessRecord() => Collect(ProjectId, CertificateId);
    }
}
