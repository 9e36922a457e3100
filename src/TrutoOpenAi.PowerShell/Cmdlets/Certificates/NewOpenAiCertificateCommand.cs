using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Certificates
{
    /// <summary>Uploads a certificate (PEM) to the organization.</summary>
    /// <remarks>
    /// <para>Uploads the public certificate read from -Path (a PEM file; several files can be piped in, e.g. from
    /// Get-ChildItem) or given as -Content. The certificate starts inactive: activate it with Enable-OpenAiCertificate or
    /// Enable-OpenAiProjectCertificate. Content that is not a PEM certificate (no -----BEGIN CERTIFICATE----- block) or that
    /// holds a private key is refused before anything is sent (OpenAiInvalidCertificate); a block the API cannot parse is
    /// refused by the API (OpenAiInvalidRequest). -Name defaults to the file name without extension. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiCertificate -Path ./client-ca.pem -Name 'client CA 2025'</code>
    /// <para>Uploads one certificate file.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./certs -Filter *.pem | New-OpenAiCertificate | Enable-OpenAiCertificate</code>
    /// <para>Uploads every PEM file of a folder and activates them for the organization, 10 per request.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiCertificate", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiCertificate))]
    [OpenAiOperation("create_a_openai_certificate", "POST", "/organization/certificates")]
    public sealed class NewOpenAiCertificateCommand : OpenAiCmdlet
    {
        private const string PathSet = "Path";
        private const string ContentSet = "Content";

        /// <summary>The PEM file to upload.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>The certificate in PEM format (-----BEGIN CERTIFICATE----- ...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ContentSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string Content { get; set; } = string.Empty;

        /// <summary>A name for the certificate; with -Path, the file name without extension when left out.</summary>
        [Parameter(Position = 1)]
        public string? Name { get; set; }

        protected override void ProcessRecord()
        {
            string pem, source, name;
            if (ParameterSetName == PathSet)
            {
                var resolved = GetResolvedProviderPathFromPSPath(Path, out _);
                if (resolved.Count != 1)
                {
                    WriteError(new ErrorRecord(new PSArgumentException($"-Path '{Path}' must name exactly one file."), "OpenAiInvalidPath", ErrorCategory.InvalidArgument, Path));
                    return;
                }
                source = resolved[0];
                if (!File.Exists(source))
                {
                    WriteError(new ErrorRecord(new FileNotFoundException($"Certificate file not found: {source}", source), "OpenAiFileNotFound", ErrorCategory.ObjectNotFound, Path));
                    return;
                }
                pem = File.ReadAllText(source);
                name = Name ?? System.IO.Path.GetFileNameWithoutExtension(source);
            }
            else
            {
                pem = Content;
                source = "-Content";
                name = Name ?? string.Empty;
            }

            var problem = pem.Contains("PRIVATE KEY-----")
                ? "holds a private key; upload only the public certificate (-----BEGIN CERTIFICATE----- block)"
                : !pem.Contains("-----BEGIN CERTIFICATE-----") || !pem.Contains("-----END CERTIFICATE-----")
                    ? "is not a PEM certificate: it has no -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE----- block"
                    : null;
            if (problem != null)
            {
                WriteError(new ErrorRecord(new PSArgumentException($"The certificate from {source} {problem}."), "OpenAiInvalidCertificate",
                    ErrorCategory.InvalidData, source));
                return;
            }
            if (!ShouldProcess(string.IsNullOrEmpty(name) ? $"certificate from {source}" : $"certificate '{name}' from {source}", "Upload")) return;
            Try(source, () => WriteObject(Await(observer => new CertificateService(Client).UploadAsync(pem, string.IsNullOrEmpty(name) ? null : name, observer, CancellationToken))));
        }
    }
}
