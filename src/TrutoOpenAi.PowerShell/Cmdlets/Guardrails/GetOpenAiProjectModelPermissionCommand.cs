using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Gets which models a project may call.</summary>
    /// <remarks>
    /// <para>Writes the project's model policy: Mode allow_list (only the ModelIds may be called) or deny_list (every model
    /// but the ModelIds). A project without a policy answers deny_list with no models: every model is allowed. Projects can
    /// be piped in (their ProjectId binds); each answer carries its ProjectId, so it pipes on to
    /// Set-OpenAiProjectModelPermission and Remove-OpenAiProjectModelPermission. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectModelPermission</code>
    /// <para>Shows the model policy of every tenant project.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectModelPermission | Where-Object { $_.Permits('gpt-4o') }</code>
    /// <para>Lists the projects that may call gpt-4o.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectModelPermission")]
    [OutputType(typeof(OpenAiProjectModelPermission))]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/model_permissions")]
    public sealed class GetOpenAiProjectModelPermissionCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            Try(ProjectId, () => WriteObject(Await(observer => new GuardrailService(Client).GetModelPermissionsAsync(ProjectId, observer, CancellationToken))));
    }
}
