using System.Management.Automation;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Cmdlets.Directory
{
    /// <summary>Removes a member from a project.</summary>
    /// <remarks>
    /// <para>Piped project users bind ProjectId and UserId by property name. The user stays in the organization. High
    /// impact: confirmation is asked unless -Confirm:$false. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProjectUser -ProjectId proj_abc123 | Where-Object Role -eq member | Remove-OpenAiProjectUser -WhatIf</code>
    /// <para>Shows which members would be removed from the project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiProjectUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(void))]
    [OutputType(typeof(User))]
    [OpenAiOperation("delete_a_openai_project_user_by_id", "DELETE", "/organization/projects/{project_id}/users/{user_id}")]
    public sealed class RemoveOpenAiProjectUserCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The member (user-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string UserId { get; set; } = string.Empty;

        /// <summary>Writes the project user that was removed.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new DirectoryService(Client);
            Try(UserId, () =>
            {
                var current = Await(observer => service.GetProjectUserAsync(ProjectId, UserId, observer, CancellationToken));
                if (!ShouldChange(Describe("project user", current.Email ?? current.Name, $"{current.Id} in {ProjectId}"), "Remove from the project", Force)) return;
                Await(observer => service.DeleteProjectUserAsync(ProjectId, UserId, observer, CancellationToken));
                if (PassThru) WriteObject(DirectoryOutput.WithRemoteData(DirectoryMapping.ToUser(current), current.RawJson));
            });
        }
    }
}
