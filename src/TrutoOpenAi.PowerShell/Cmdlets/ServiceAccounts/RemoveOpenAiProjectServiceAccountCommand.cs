using System.Management.Automation;
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
    [Cmdlet(VerbsCommon.Remove, "OpenAiProjectServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_project_service_account_by_id", "DELETE", "/organization/projects/{project_id}/service_accounts/{service_account_id}")]
    public sealed class RemoveOpenAiProjectServiceAccountCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The service account to delete (svc_acct_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ServiceAccountId { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ServiceAccountService(Client);
            Try(ServiceAccountId, () =>
            {
                var current = Await(observer => service.GetAsync(ProjectId, ServiceAccountId, observer, CancellationToken));
                if (!ShouldProcess(Describe("service account", current.Name, current.Id) + $" in project {ProjectId}", "Delete with its API keys")) return;
                var deletion = Await(observer => service.DeleteAsync(ProjectId, ServiceAccountId, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
