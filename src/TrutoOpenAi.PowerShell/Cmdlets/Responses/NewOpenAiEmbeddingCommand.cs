using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Creates embeddings for text, gathering piped text into as few requests as the API's limits allow.</summary>
    /// <remarks>
    /// <para>Piped strings are gathered into requests of at most 2048 inputs and about 300,000 tokens (estimated at four
    /// characters a token), sent with encoding_format base64 and decoded to float arrays. One OpenAiEmbedding (Index,
    /// Text, Vector) is written per input, in input order. Empty strings are refused before any request. Needs an API key.</para>
    /// <para>-AsBatchRequest writes one batch request line per text instead (its InputObject the object as piped, or
    /// -InputObject), for
    /// Invoke-OpenAiBatch: half the price, results within 24 hours.</para>
    /// </remarks>
    /// <example>
    /// <code>'refunds', 'shipping' | New-OpenAiEmbedding -Model text-embedding-3-small -Dimensions 8</code>
    /// <para>Two inputs, one request, two vectors of 8 numbers.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiEmbedding", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OpenAiEmbedding), typeof(Core.Models.Platform.OpenAiBatchRequest))]
    [OpenAiOperation("", "POST", "/embeddings")]
    public sealed class NewOpenAiEmbeddingCommand : OpenAiCmdlet
    {
        private readonly List<string> _texts = new List<string>();

        /// <summary>The text to embed (from the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string[] Text { get; set; } = new string[0];

        /// <summary>The embedding model (default text-embedding-3-small).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string Model { get; set; } = "text-embedding-3-small";

        /// <summary>The vector length (text-embedding-3 models).</summary>
        [Parameter]
        [ValidateRange(1, 3072)]
        public int? Dimensions { get; set; }

        /// <summary>Write one batch request line (OpenAiBatchRequest) per text for Invoke-OpenAiBatch instead of sending requests.</summary>
        [Parameter]
        public SwitchParameter AsBatchRequest { get; set; }

        /// <summary>The object the text is for, attached to its batch request line (-AsBatchRequest) and so to its Invoke-OpenAiBatch result; a piped object binds it as it is, while -Text gets its text.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var text in Text)
            {
                if (string.IsNullOrEmpty(text))
                {
                    WriteError(new ErrorRecord(new System.ArgumentException("An empty string cannot be embedded."), "OpenAiInvalidArgument", ErrorCategory.InvalidArgument, text));
                    continue;
                }
                if (AsBatchRequest)
                {
                    var body = new System.Text.Json.Nodes.JsonObject { ["model"] = Model, ["input"] = text, ["encoding_format"] = "base64" };
                    if (Dimensions != null) body["dimensions"] = Dimensions;
                    WriteObject(BatchJobs.BatchRequestLine.Create("/v1/embeddings", body, BatchJobs.BatchRequestLine.InputOf(InputObject, text)));
                    continue;
                }
                _texts.Add(text);
            }
        }

        protected override void EndProcessing()
        {
            if (_texts.Count == 0 || !ShouldProcess($"{_texts.Count} input(s) with {Model}", "Create embeddings")) return;
            var service = new ResponseService(Client);
            var index = 0;
            foreach (var batch in Batches())
            {
                var start = index;
                Try(null, () =>
                {
                    var vectors = Await(observer => service.EmbedAsync(batch, Model, Dimensions, observer, CancellationToken));
                    for (var i = 0; i < batch.Count; i++)
                        WriteObject(new OpenAiEmbedding { Index = start + i, Text = batch[i], Vector = vectors[i], Model = Model });
                });
                index += batch.Count;
            }
        }

        private IEnumerable<List<string>> Batches()
        {
            var batch = new List<string>();
            var tokens = 0;
            foreach (var text in _texts)
            {
                var estimate = text.Length / 4 + 1;
                if (batch.Count > 0 && (batch.Count >= ResponseService.MaxEmbeddingInputs || tokens + estimate > ResponseService.MaxEmbeddingTokens))
                {
                    yield return batch;
                    batch = new List<string>();
                    tokens = 0;
                }
                batch.Add(text);
                tokens += estimate;
            }
            if (batch.Count > 0) yield return batch;
        }
    }
}
