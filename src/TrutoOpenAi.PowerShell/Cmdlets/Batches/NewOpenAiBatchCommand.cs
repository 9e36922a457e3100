using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.BatchJobs // not "Batches": that name is Core.Models.Access.Batches, used by the certificate cmdlets
{
    /// <summary>Creates a batch from an uploaded JSONL file of requests.</summary>
    /// <remarks>
    /// <para>Starts a batch over the input file (uploaded with New-OpenAiFile -Purpose batch; each line one request whose
    /// url is the batch's -Endpoint). The batch starts in status validating and runs within the 24-hour completion
    /// window; follow it with Get-OpenAiBatch and download its OutputFileId with Save-OpenAiFileContent. The input file can
    /// be piped in (its FileId binds -InputFileId). Writes the new batch. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiFile -Path ./requests.jsonl -Purpose batch | New-OpenAiBatch -Endpoint /v1/chat/completions -Metadata @{ job = 'nightly' }</code>
    /// <para>Uploads the requests and starts a batch over them.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiBatch -InputFileId file-abc123 -Endpoint /v1/embeddings -CompletionWindow 24h</code>
    /// <para>Starts an embeddings batch over an uploaded file.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiBatch", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiBatch))]
    [OpenAiOperation("create_a_openai_batch", "POST", "/batches")]
    public sealed class NewOpenAiBatchCommand : OpenAiCmdlet
    {
        /// <summary>The uploaded input file (file-...), of purpose batch.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string InputFileId { get; set; } = string.Empty;

        /// <summary>The endpoint every request of the file calls.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations",
            "/v1/images/generations", "/v1/images/edits", "/v1/videos")]
        public string Endpoint { get; set; } = string.Empty;

        /// <summary>How long the batch may run; 24h is the only window the API offers.</summary>
        [Parameter]
        [ValidateSet("24h")]
        public string CompletionWindow { get; set; } = "24h";

        /// <summary>Up to 16 key/value pairs to tag the batch with (keys up to 64 characters, values up to 512).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(InputFileId, () =>
            {
                Dictionary<string, string>? metadata = null;
                if (Metadata != null)
                {
                    metadata = new Dictionary<string, string>();
                    foreach (DictionaryEntry entry in Metadata) metadata[entry.Key.ToString()] = entry.Value?.ToString() ?? string.Empty;
                }
                if (!ShouldProcess($"file {InputFileId}", $"Start a {CompletionWindow} batch on {Endpoint}")) return;
                var body = new BatchCreateRequest { InputFileId = InputFileId, Endpoint = Endpoint, CompletionWindow = CompletionWindow, Metadata = metadata };
                WriteObject(Await(observer => new BatchService(Client).CreateAsync(body, observer, CancellationToken)));
            });
        }
    }
}
