using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Deletes a project's model policy, so the project may call every model again.</summary>
    /// <remarks>
    /// <para>Deletes the allow or deny list of the projects given by -ProjectId or piped in (projects, or policies from
    /// Get-OpenAiProjectModelPermission). The project and its current policy are read first and named in the confirmation
    /// prompt (ConfirmImpact High). Afterwards Get-OpenAiProjectModelPermission answers deny_list with no models.
    /// Writes the API's confirmation with -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'sandbox-*' | Remove-OpenAiProjectModelPermission -WhatIf</code>
    /// <para>Shows which sandbox projects would lose their model policy, and what it is, deleting nothing.</para>
    /// </example>
    /// <example>
    /// <code>Remove-OpenAiProjectModelPermission -ProjectId proj_abc123 -Confirm:$false -PassThru</code>
    /// <para>Deletes one project's model policy without prompting and writes the confirmation.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiProjectModelPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("", "DELETE", "/organization/projects/{project_id}/model_permissions")]
    public sealed class RemoveOpenAiProjectModelPermissionCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new GuardrailService(Client);
            Try(ProjectId, () =>
            {
                var project = Await(observer => new ProjectService(Client).GetAsync(ProjectId, observer, CancellationToken));
                var current = Await(observer => service.GetModelPermissionsAsync(ProjectId, observer, CancellationToken));
                var target = Describe("project", project.Name, project.Id);
                if (!ShouldChange($"Delete the model permissions ({current}) of {target}: every model becomes allowed.",
                        $"Delete the model permissions ({current}) of {target}? Every model becomes allowed.", "Delete model permissions", Force))
                    return;
                var deletion = Await(observer => service.DeleteModelPermissionsAsync(ProjectId, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
