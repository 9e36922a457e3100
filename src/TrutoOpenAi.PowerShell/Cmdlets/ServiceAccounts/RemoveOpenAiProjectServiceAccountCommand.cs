using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ServiceAccounts
{
    /// <summary>Deletes a service account from a project, with its API keys.</summary>
    /// <remarks>
    /// <para>Deletes the service accounts given by -ProjectId and -ServiceAccountId or piped in from
    /// Get-OpenAiProjectServiceAccount. Their API keys stop working and are deleted with them; this is also the only way to
    /// delete a key that belongs to a service account. Asks for confirmation (ConfirmImpact High), naming the account.
    /// Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProjectServiceAccount -ProjectId proj_abc123 -Name 'old-*' | Remove-OpenAiProjectServiceAccount -Confirm:$false</code>
    /// <para>Deletes the project's service accounts whose names start with old-.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiProjectServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_project_service_account_by_id", "DELETE", "/organization/projects/{project_id}/service_accounts/{service_account_id}")]
    public sealed class RemoveOpenAiProjectServiceAccountCommand : OpenAiChangeCmdlet<OpenAiProjectServiceAccount>
    {
        /// <summary>The id of the project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The id of the service account to delete (svc_acct_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        protected override string TargetId => ServiceAccountId;

        protected override string Action => "Delete with its API keys";

        protected override Task<OpenAiProjectServiceAccount> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ServiceAccountService(Client).GetAsync(ProjectId, ServiceAccountId, observer, cancellationToken);

        protected override string Describe(OpenAiProjectServiceAccount target) =>
            Describe("service account", target.Name, target.Id) + $" in project {ProjectOf(target)}";

        protected override async Task<object?> ChangeAsync(OpenAiProjectServiceAccount target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ServiceAccountService(Client).DeleteAsync(ProjectOf(target), target.Id, observer, cancellationToken).ConfigureAwait(false);

        private string ProjectOf(OpenAiProjectServiceAccount target) => string.IsNullOrEmpty(target.ProjectId) ? ProjectId : target.ProjectId!;
    }
}
