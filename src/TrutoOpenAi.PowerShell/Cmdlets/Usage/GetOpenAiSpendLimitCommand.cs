using System.Management.Automation;
using TrutoOpenAi.Core.Models.Usage;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Usage
{
    /// <summary>Gets the hard spend limit of the organization or of a project.</summary>
    /// <remarks>
    /// <para>A hard spend limit stops requests once the month's spend reaches it; Status says whether it is enforcing
    /// now. Without -ProjectId, gets the organization's limit; with -ProjectId (or projects piped in), each project's.
    /// Where no limit is set the API answers 404: that is no error, the scope simply writes nothing (-Verbose says so),
    /// so piping projects in lists only those that have a limit. An unknown project is still an OpenAiNotFound error.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiSpendLimit</code>
    /// <para>The organization's hard limit and whether it is enforcing.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiSpendLimit | Where-Object Status -eq enforcing</code>
    /// <para>The projects blocked by their hard limit right now.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiSpendLimit")]
    [OutputType(typeof(OpenAiSpendLimit))]
    [OpenAiOperation("", "GET", "/organization/spend_limit")]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/spend_limit")]
    public sealed class GetOpenAiSpendLimitCommand : OpenAiCmdlet
    {
        /// <summary>The project whose limit to get (proj_...); leave it out for the organization's.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        protected override void ProcessRecord()
        {
            var projectId = string.IsNullOrEmpty(ProjectId) ? null : ProjectId;
            var service = new SpendService(Client);
            Try(projectId, () =>
            {
                try
                {
                    WriteObject(Await(observer => service.GetLimitAsync(projectId, observer, CancellationToken)));
                }
                catch (Core.OpenAiApiException notSet) when (notSet.StatusCode == 404 && !IsUnknownProject(notSet))
                {
                    WriteVerbose(projectId is null ? "No hard spend limit is set for the organization." : $"No hard spend limit is set for project {projectId}.");
                }
            });
        }

        /// <summary>A 404 for a project that does not exist (as opposed to a project without a limit).</summary>
        private static bool IsUnknownProject(Core.OpenAiApiException e) =>
            e.ApiMessage != null && e.ApiMessage.StartsWith("No such project", System.StringComparison.OrdinalIgnoreCase);
    }
}
