using System.Management.Automation;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Projects
{
    /// <summary>Renames a project or changes its external key.</summary>
    /// <remarks>
    /// <para>Modifies the projects given by -Id or piped in (by their Id or ProjectId property). Only the parameters given
    /// are changed. Archived projects cannot be modified: the API refuses with OpenAiInvalidRequest. The target is named
    /// in the confirmation prompt ("project 'Payments' (proj_abc)"); when only an id is given it is looked up first.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiProject -Id proj_abc123 -Name 'tenant-acme-eu' -PassThru</code>
    /// <para>Renames a project and writes the updated project.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Set-OpenAiProject -ExternalKeyId 'key_contoso' -WhatIf</code>
    /// <para>Shows which projects would get the external key, changing nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiProject))]
    [OpenAiOperation("update_a_openai_project_by_id", "POST", "/organization/projects/{project_id}")]
    public sealed class SetOpenAiProjectCommand : OpenAiCmdlet
    {
        /// <summary>The id of the project to modify (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new name of the project.</summary>
        [Parameter(Position = 1)]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The id of the external encryption key to associate with the project.</summary>
        [Parameter]
        public string? ExternalKeyId { get; set; }

        /// <summary>Writes the modified project.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            // When bound from the pipeline, Name is the piped object's name only if given explicitly: the
            // parameter is not pipeline-bound, so piping projects never renames them by accident.
            if (Name is null && ExternalKeyId is null)
            {
                WriteError(new ErrorRecord(new PSArgumentException("Give -Name or -ExternalKeyId: there is nothing to change."),
                    "OpenAiNothingToChange", ErrorCategory.InvalidArgument, Id));
                return;
            }
            var service = new ProjectService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("project", current.Name, current.Id), Name is null ? "Modify" : $"Rename to '{Name}'")) return;
                var body = new ProjectUpdateRequest { Name = Name, ExternalKeyId = ExternalKeyId };
                var updated = Await(observer => service.UpdateAsync(Id, body, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
