using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Adds many uploaded files to a vector store in one file batch.</summary>
    /// <remarks>
    /// <para>Collects the file ids given by -FileId or piped in (from Get-OpenAiFile / New-OpenAiFile: their FileId binds)
    /// and, once the input ends, sends one file batch per vector store (up to 2,000 files each). Follow the batch with
    /// Get-OpenAiVectorStoreFileBatch, list its files with Get-OpenAiVectorStoreFile -BatchId, cancel it with
    /// Stop-OpenAiVectorStoreFileBatch. -Attributes tag every file of the batch. Writes the new batch. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$vs = New-OpenAiVectorStore -Name docs; Get-OpenAiFile -Purpose assistants | New-OpenAiVectorStoreFileBatch -VectorStoreId $vs.Id</code>
    /// <para>Adds every assistants file to a store in one batch.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiVectorStoreFileBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiVectorStoreFileBatch))]
    [OpenAiOperation("create_a_openai_vector_store_file_batch", "POST", "/vector_stores/{vector_store_id}/file_batches")]
    public sealed class NewOpenAiVectorStoreFileBatchCommand : OpenAiCmdlet
    {
        private const int MaxFiles = 2000;
        private readonly List<KeyValuePair<string, string>> _pending = new List<KeyValuePair<string, string>>();

        /// <summary>The id of the vector store (vs_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string VectorStoreId { get; set; } = string.Empty;

        /// <summary>Ids of the uploaded files to add (file-...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] FileId { get; set; } = new string[0];

        /// <summary>Up to 16 attributes (strings, numbers or booleans) given to every file of the batch.</summary>
        [Parameter]
        public Hashtable? Attributes { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var id in FileId) _pending.Add(new KeyValuePair<string, string>(VectorStoreId, id));
        }

        protected override void EndProcessing()
        {
            var service = new VectorStoreService(Client);
            foreach (var group in _pending.GroupBy(p => p.Key))
            {
                var ids = group.Select(p => p.Value).Distinct().ToList();
                for (var start = 0; start < ids.Count; start += MaxFiles)
                {
                    var chunk = ids.Skip(start).Take(MaxFiles).ToList();
                    Try(group.Key, () =>
                    {
                        if (!ShouldProcess($"vector store {group.Key}", $"Add {chunk.Count} file(s) in a batch")) return;
                        var body = new VectorStoreFileBatchCreateRequest { FileIds = chunk, Attributes = VectorStoreCmdletHelpers.ToAttributes(Attributes) };
                        WriteObject(Await(observer => service.CreateFileBatchAsync(group.Key, body, observer, CancellationToken)));
                    });
                }
            }
            base.EndProcessing();
        }
    }
}
