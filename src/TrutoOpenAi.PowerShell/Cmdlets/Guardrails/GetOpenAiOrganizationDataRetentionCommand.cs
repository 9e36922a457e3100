using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Gets how long OpenAI keeps the organization's data.</summary>
    /// <remarks>
    /// <para>Writes the organization's data retention control: RetentionType is zero_data_retention,
    /// modified_abuse_monitoring, enhanced_zero_data_retention or enhanced_modified_abuse_monitoring. Projects whose own
    /// retention is organization_default follow it (Get-OpenAiProjectDataRetention). Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiOrganizationDataRetention</code>
    /// <para>Shows the organization's retention type.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiOrganizationDataRetention")]
    [OutputType(typeof(OpenAiDataRetention))]
    [OpenAiOperation("", "GET", "/organization/data_retention")]
    public sealed class GetOpenAiOrganizationDataRetentionCommand : OpenAiCmdlet
    {
        protected override void ProcessRecord() =>
            Try(null, () => WriteObject(Await(observer => new GuardrailService(Client).GetOrganizationDataRetentionAsync(observer, CancellationToken))));
    }
}
