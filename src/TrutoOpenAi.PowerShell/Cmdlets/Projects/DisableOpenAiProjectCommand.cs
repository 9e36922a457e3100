using System.Management.Automation;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Projects
{
    /// <summary>Archives a project: it can no longer be used or modified (OpenAI's archive operation).</summary>
    /// <remarks>
    /// <para>OpenAI has no project deletion; archiving is the end of a project's life: its keys stop working and it can no
    /// longer be used or updated, and OpenAI offers no way to unarchive it. PowerShell has no approved verb "Archive", so this
    /// cmdlet is Disable-OpenAiProject (the approved verb for "configure a resource to an unavailable or inactive state"),
    /// with the alias Archive-OpenAiProject. Because it cannot be undone, it asks for confirmation by default
    /// (ConfirmImpact High); pass -Confirm:$false in scripts. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Disable-OpenAiProject -Id proj_abc123 -Confirm:$false -PassThru</code>
    /// <para>Archives one project without prompting and writes it, now with Status 'archived' and ArchivedAt set.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'trial-*' | Disable-OpenAiProject -WhatIf</code>
    /// <para>Shows which trial projects would be archived, archiving none.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "OpenAiProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Archive-OpenAiProject")]
    [OutputType(typeof(OpenAiProject))]
    [OpenAiOperation("openai_projects_archive", "POST", "/organization/projects/{project_id}/archive")]
    public sealed class DisableOpenAiProjectCommand : OpenAiCmdlet
    {
        /// <summary>The id of the project to archive (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the archived project.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ProjectService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("project", current.Name, current.Id), "Archive (cannot be undone)")) return;
                var archived = Await(observer => service.ArchiveAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(archived);
            });
        }
    }
}
