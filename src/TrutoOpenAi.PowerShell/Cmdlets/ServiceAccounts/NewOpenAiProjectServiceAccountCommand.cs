using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ServiceAccounts
{
    /// <summary>Creates a service account in a project, with its API key.</summary>
    /// <remarks>
    /// <para>Creates a service account (role member) and the API key that comes with it. The key's value is returned by
    /// OpenAI this one time only: it is in the Secret property as a SecureString (never a plain string, never in RawJson,
    /// verbose or debug output), and a warning says so. Store it at once, e.g. with Set-Secret. With -ServiceAccountOnly the
    /// account is created without default roles and without a key (role none, Secret empty). Projects can be piped in.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>$bot = New-OpenAiProjectServiceAccount -ProjectId proj_abc123 -Name 'deploy-bot'; Set-Secret -Name deploy-bot -SecureStringSecret $bot.Secret</code>
    /// <para>Creates a service account and stores its new key in a SecretManagement vault.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | New-OpenAiProjectServiceAccount -Name 'etl' -ServiceAccountOnly</code>
    /// <para>Creates a key-less service account named etl in every tenant project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiProjectServiceAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiProjectServiceAccount))]
    [OpenAiOperation("create_a_openai_project_service_account", "POST", "/organization/projects/{project_id}/service_accounts")]
    public sealed class NewOpenAiProjectServiceAccountCommand : OpenAiCmdlet
    {
        /// <summary>The project to create the service account in (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The service account's name. Not bound from the pipeline, so piping projects never names accounts after them.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Creates the account without default roles and without an API key (the API's create_service_account_only).</summary>
        [Parameter]
        public SwitchParameter ServiceAccountOnly { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"service account '{Name}' in project {ProjectId}", "Create")) return;
            Try(ProjectId, () =>
            {
                var account = Await(observer => new ServiceAccountService(Client).CreateAsync(ProjectId, Name, ServiceAccountOnly, observer, CancellationToken));
                if (account.Secret != null)
                    WriteWarning($"The API key of service account '{account.Name}' ({account.Id}) is shown only now: it is in the Secret property " +
                        "(a SecureString). Store it now, e.g. Set-Secret -SecureStringSecret $account.Secret; OpenAI cannot show it again.");
                WriteObject(account);
            });
        }
    }
}
