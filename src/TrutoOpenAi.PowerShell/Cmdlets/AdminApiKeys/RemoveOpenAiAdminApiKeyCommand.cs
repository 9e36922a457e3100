using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.AdminApiKeys
{
    /// <summary>Deletes (revokes) an admin API key.</summary>
    /// <remarks>
    /// <para>Deletes the admin keys given by -Id or piped in from Get-OpenAiAdminApiKey; they stop working at once. Each
    /// key is looked up first and named in the confirmation prompt (ConfirmImpact High). Deleting the key this session
    /// uses ends the session's access. Writes nothing unless -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAdminApiKey -Name 'ci-*' -UnusedForDays 30 | Remove-OpenAiAdminApiKey -WhatIf</code>
    /// <para>Shows which CI admin keys unused for 30 days would be deleted, deleting none (a key never used counts from its
    /// creation, so a key made today is kept). Leave out -WhatIf to delete them, asking for each.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiAdminApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_admin_api_key_by_id", "DELETE", "/organization/admin_api_keys/{key_id}")]
    public sealed class RemoveOpenAiAdminApiKeyCommand : OpenAiCmdlet
    {
        /// <summary>The admin key to delete (key_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdminApiKeyId", "KeyId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AdminApiKeyService(Client);
            Try(Id, () =>
            {
                var key = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("admin API key", key.Name, key.Id) + $" ({key.RedactedValue})", "Delete")) return;
                var deletion = Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
