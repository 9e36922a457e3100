using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
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
    /// (ConfirmImpact High); pass -Force in scripts. A project piped from Get-OpenAiProject is archived with
    /// one request, no lookup first. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Disable-OpenAiProject -Id proj_abc123 -Confirm:$false -PassThru</code>
    /// <para>Archives one project without prompting and writes it, now with Status 'archived' and ArchivedAt set.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'trial-*' | Disable-OpenAiProject -WhatIf</code>
    /// <para>Shows which trial projects would be archived, archiving none.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Disable, "OpenAiProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [Alias("Archive-OpenAiProject")]
    [OutputType(typeof(OpenAiProject))]
    [OpenAiOperation("openai_projects_archive", "POST", "/organization/projects/{project_id}/archive")]
    public sealed class DisableOpenAiProjectCommand : OpenAiChangeCmdlet<OpenAiProject>
    {
        /// <summary>The id of the project to archive (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Archive (cannot be undone)";

        protected override Task<OpenAiProject> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ProjectService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiProject target) => Describe("project", target.Name, target.Id);

        protected override async Task<object?> ChangeAsync(OpenAiProject target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ProjectService(Client).ArchiveAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
