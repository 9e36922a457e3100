using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Files
{
    /// <summary>Deletes a file from OpenAI.</summary>
    /// <remarks>
    /// <para>Deletes the files given by -Id or piped in from Get-OpenAiFile (or any object with a FileId property). Each
    /// file is looked up first and named in the confirmation prompt (ConfirmImpact High); an unknown id writes an
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
    [Cmdlet(VerbsCommon.Remove, "OpenAiFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_file_by_id", "DELETE", "/files/{file_id}")]
    public sealed class RemoveOpenAiFileCommand : OpenAiCmdlet
    {
        /// <summary>The id of the file to delete (file-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new FileService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                if (!ShouldProcess(Describe("file", current.Filename, current.Id) + $" ({current.Purpose}, {current.Bytes} bytes)", "Delete")) return;
                var deletion = Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
