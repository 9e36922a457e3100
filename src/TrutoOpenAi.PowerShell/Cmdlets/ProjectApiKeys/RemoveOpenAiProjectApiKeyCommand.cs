using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.ProjectApiKeys
{
    /// <summary>Deletes (revokes) an API key of a project.</summary>
    /// <remarks>
    /// <para>Deletes the keys given by -ProjectId and -ApiKeyId or piped in from Get-OpenAiProjectApiKey; they stop working
    /// at once. Each key is looked up first and named in the confirmation prompt (ConfirmImpact High). A key that belongs to
    /// a service account cannot be deleted on its own (the API refuses): such keys get an OpenAiServiceAccountKey error
    /// without a request; delete the service account with Remove-OpenAiProjectServiceAccount instead. Writes nothing unless
    /// -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectApiKey -UnusedForDays 90 | Where-Object OwnerType -eq user | Remove-OpenAiProjectApiKey -WhatIf</code>
    /// <para>Shows which user keys unused for 90 days would be deleted, deleting none (a key never used counts from its
    /// creation, so a key made today is kept).</para>
    /// </example>
    /// <example>
    /// <code>Remove-OpenAiProjectApiKey -ProjectId proj_abc123 -ApiKeyId key_abc -Confirm:$false</code>
    /// <para>Deletes one key without prompting.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiProjectApiKey", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiDeletion))]
    [OpenAiOperation("delete_a_openai_project_api_key_by_id", "DELETE", "/organization/projects/{project_id}/api_keys/{api_key_id}")]
    public sealed class RemoveOpenAiProjectApiKeyCommand : OpenAiChangeCmdlet<OpenAiProjectApiKey>
    {
        /// <summary>The id of the project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The id of the API key to delete (key_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ApiKeyId { get; set; } = string.Empty;

        protected override string TargetId => ApiKeyId;

        protected override string Action => "Delete";

        protected override Task<OpenAiProjectApiKey> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new ProjectApiKeyService(Client).GetAsync(ProjectId, ApiKeyId, observer, cancellationToken);

        protected override ErrorRecord? Refuse(OpenAiProjectApiKey key)
        {
            if (key.OwnerType != "service_account") return null;
            var record = new ErrorRecord(
                new PSInvalidOperationException($"API key '{key.Name}' ({key.Id}) belongs to service account '{key.OwnerName}' ({key.OwnerId}): " +
                    "OpenAI does not delete a service account's key on its own."),
                "OpenAiServiceAccountKey", ErrorCategory.InvalidOperation, key);
            record.ErrorDetails = new ErrorDetails(record.Exception.Message)
            {
                RecommendedAction = $"Delete the service account instead: Remove-OpenAiProjectServiceAccount -ProjectId {ProjectOf(key)} -ServiceAccountId {key.OwnerId}",
            };
            return record;
        }

        protected override string Describe(OpenAiProjectApiKey key) =>
            Describe("API key", key.Name, key.Id) + $" ({key.RedactedValue}) of project {ProjectOf(key)}";

        protected override async Task<object?> ChangeAsync(OpenAiProjectApiKey key, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new ProjectApiKeyService(Client).DeleteAsync(ProjectOf(key), key.Id, observer, cancellationToken).ConfigureAwait(false);

        private string ProjectOf(OpenAiProjectApiKey key) => string.IsNullOrEmpty(key.ProjectId) ? ProjectId : key.ProjectId!;
    }
}
