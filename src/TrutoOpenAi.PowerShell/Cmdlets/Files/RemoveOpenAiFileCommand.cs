using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Files
{
    /// <summary>Deletes a file from OpenAI.</summary>
    /// <remarks>
    /// <para>Deletes the files given by -Id or piped in from Get-OpenAiFile (or any object with a FileId property). Each
    /// file given by -Id is looked up first and named in the confirmation prompt (ConfirmImpact High; -Force skips it); a
    /// piped file is deleted with no lookup, one request per file; an unknown id writes an
    /// OpenAiNotFound error and the pipeline goes on. Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiFile -Id file-abc123 -Confirm:$false</code>
    /// <para>Deletes one file without prompting.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFile -Purpose batch_output -Filename 'batch_*' | Remove-OpenAiFile -WhatIf</code>
    /// <para>Shows which batch output files would be deleted, deleting none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_file_by_id", "DELETE", "/files/{file_id}")]
    public sealed class RemoveOpenAiFileCommand : OpenAiChangeCmdlet<OpenAiFile>
    {
        /// <summary>The id of the file to delete (file-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string TargetId => Id;

        protected override string Action => "Delete";

        protected override Task<OpenAiFile> GetAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            new FileService(Client).GetAsync(Id, observer, cancellationToken);

        protected override string Describe(OpenAiFile target) =>
            Describe("file", target.Filename, target.Id) + $" ({target.Purpose}, {target.Bytes} bytes)";

        protected override async Task<object?> ChangeAsync(OpenAiFile target, IOpenAiCallObserver observer, CancellationToken cancellationToken) =>
            await new FileService(Client).DeleteAsync(target.Id, observer, cancellationToken).ConfigureAwait(false);
    }
}
