using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Gets how long OpenAI keeps a project's data.</summary>
    /// <remarks>
    /// <para>Writes the project's data retention control: RetentionType organization_default (the project follows
    /// Get-OpenAiOrganizationDataRetention), none, or one of the organization's types. Projects can be piped in; each
    /// answer carries its ProjectId. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectDataRetention | Group-Object RetentionType</code>
    /// <para>Counts the tenant projects per retention type.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectDataRetention")]
    [OutputType(typeof(OpenAiDataRetention))]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/data_retention")]
    public sealed class GetOpenAiProjectDataRetentionCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            Try(ProjectId, () => WriteObject(Await(observer => new GuardrailService(Client).GetProjectDataRetentionAsync(ProjectId, observer, CancellationToken))));
    }
}
