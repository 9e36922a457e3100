using System.Collections;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.VectorStores;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.VectorStores
{
    /// <summary>Creates a vector store.</summary>
    /// <remarks>
    /// <para>Creates a vector store named -Name, optionally with files already uploaded (-FileId, e.g. from New-OpenAiFile
    /// -Purpose assistants), an expiration policy (-ExpiresAfterDays: the store expires that many days after it was last
    /// active) and metadata. The store is in_progress while its files are processed, then completed. Writes the new
    /// store. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiVectorStore -Name 'support docs' -ExpiresAfterDays 30 -Metadata @{ team = 'support' }</code>
    /// <para>Creates an empty store that expires after 30 idle days.</para>
    /// </example>
    /// <example>
    /// <code>$ids = (Get-OpenAiFile -Purpose assistants).Id; New-OpenAiVectorStore -Name 'all docs' -FileId $ids</code>
    /// <para>Creates a store over every assistants file.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiVectorStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiVectorStore))]
    [OpenAiOperation("create_a_openai_vector_store", "POST", "/vector_stores")]
    public sealed class NewOpenAiVectorStoreCommand : OpenAiCmdlet
    {
        /// <summary>The name of the vector store.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>A description of the store.</summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary>Ids of uploaded files (file-...) to add to the store at once.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? FileId { get; set; }

        /// <summary>The store expires this many days (1 to 365) after it was last active.</summary>
        [Parameter]
        [ValidateRange(1, 365)]
        public int? ExpiresAfterDays { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the store with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(Name, () =>
            {
                if (!ShouldProcess($"vector store '{Name}'", "Create")) return;
                var body = new VectorStoreCreateRequest
                {
                    Name = Name,
                    Description = Description,
                    FileIds = FileId?.ToList(),
                    ExpiresAfter = ExpiresAfterDays is int days ? new VectorStoreExpiresAfterBody { Days = days } : null,
                    Metadata = VectorStoreCmdletHelpers.ToMetadata(Metadata),
                };
                WriteObject(Await(observer => new VectorStoreService(Client).CreateAsync(body, observer, CancellationToken)));
            });
        }
    }
}
