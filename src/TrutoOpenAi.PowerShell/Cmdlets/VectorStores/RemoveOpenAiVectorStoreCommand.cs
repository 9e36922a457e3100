using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Deletes a vector store.</summary>
    /// <remarks>
    /// <para>Deletes the stores given by -Id or piped in from Get-OpenAiVectorStore. The files in the store are not
    /// deleted (Remove-OpenAiFile does that). Each store is looked up first and named in the confirmation prompt
    /// (ConfirmImpact High); an unknown id writes an OpenAiNotFound error and the pipeline goes on. Writes nothing unless
    /// -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiVectorStore -Id vs_abc123 -Confirm:$false</code>
    /// <para>Deletes one store without prompting.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiVectorStore | Where-Object Status -eq expired | Remove-OpenAiVectorStore -WhatIf</code>
    /// <para>Shows which expired stores would be deleted, deleting none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiVectorStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_vector_store_by_id", "DELETE", "/vector_stores/{vector_store_id}")]
    public sealed class RemoveOpenAiVectorStoreCommand : OpenAiCmdlet
    {
        /// <summary>The id of the vector store to delete (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VectorStoreId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new VectorStoreService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                var files = current.FileCounts is null ? string.Empty : $" ({current.FileCounts.Total} files)";
                if (!ShouldProcess(Describe("vector store", current.Name, current.Id) + files, "Delete")) return;
                var deletion = Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
