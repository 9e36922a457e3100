using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Http;
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
    [Cmdlet(VerbsCommon.Set, "OpenAiProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiProject))]
    [OpenAiOperation("update_a_openai_project_by_id", "POST", "/organization/projects/{project_id}")]
    public sealed class SetOpenAiProjectCommand : OpenAiChangeCmdlet<OpenAiProject>
    {
        /// <summary>The id of the project to modify (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("ProjectId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new name of the project.</summary>
        [Parameter(Position = 1)]
        [Alias("NewName")]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The id of the external encryption key to associate with the project.</summary>
        [Parameter]
        public string? ExternalKeyId { get; set; }

        protected override string TargetId => Id;

        protected override string Action => Name is null ? "Modify" : $"Rename to '{Name}'";

        protected override void CheckParameters()
        {
            if (Name is null && ExternalKeyId is null)
                throw new OpenAiValidationException("Name", "Give -Name or -ExternalKeyId: there is nothing to change.", "OpenAiNothingToChange");
        }

        protected override Task<OpenAiProject> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ProjectService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiProject target) => Describe("project", target.Name, target.Id);

        protected override async Task<object?> ChangeAsync(OpenAiProject target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ProjectService(Client).UpdateAsync(target.Id, new ProjectUpdateRequest { Name = Name, ExternalKeyId = ExternalKeyId }, observer, cancellationToken).ConfigureAwait(false);
    }
}
