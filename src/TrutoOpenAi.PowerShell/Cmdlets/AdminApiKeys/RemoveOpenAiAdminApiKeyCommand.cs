using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
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
    [Cmdlet(VerbsCommon.Remove, "OpenAiAdminApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_admin_api_key_by_id", "DELETE", "/organization/admin_api_keys/{key_id}")]
    public sealed class RemoveOpenAiAdminApiKeyCommand : OpenAiChangeCmdlet<OpenAiAdminApiKey>
    {
        /// <summary>The id of the admin API key to delete (key_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AdminApiKeyId", "KeyId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiAdminApiKey> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new AdminApiKeyService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiAdminApiKey target) => Describe("admin API key", target.Name, target.Id) + $" ({target.RedactedValue})";

        protected override async Task<object?> ChangeAsync(OpenAiAdminApiKey target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new AdminApiKeyService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
