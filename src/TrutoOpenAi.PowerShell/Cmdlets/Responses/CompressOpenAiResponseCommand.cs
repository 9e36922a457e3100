using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Compacts a long exchange into fewer items that carry it on (POST /responses/compact).</summary>
    /// <remarks>
    /// <para>Sends a response to build on (-ResponseId, or responses piped in: their model is used unless -Model says
    /// otherwise) and/or input items (-InputItem, -Message) to POST /responses/compact. The API answers with a compaction:
    /// Output holds the user messages it kept and a compaction item that stands for the rest, and Usage its token count.
    /// Pass Output to Invoke-OpenAiResponse -InputItem (or Add-OpenAiConversationItem) to go on from the compacted
    /// context instead of the whole history. -Model is required; input is checked before any request. Needs an API
    /// key.</para>
    /// </remarks>
    /// <example>
    /// <code>$r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Plan the launch'; $k = $r | Compress-OpenAiResponse; Invoke-OpenAiResponse -Model gpt-4o-mini -InputItem $k.Output -Message 'And the next step?'</code>
    /// <para>Compacts an exchange and continues from the compacted items.</para>
    /// </example>
    [Cmdlet(VerbsData.Compress, "OpenAiResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiCompaction))]
    [OpenAiOperation("", "POST", "/responses/compact")]
    public sealed class CompressOpenAiResponseCommand : OpenAiCmdlet
    {
        /// <summary>The response to compact with everything before it (resp_...); piped responses bind it.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("PreviousResponseId")]
        [ValidateNotNullOrEmpty]
        public string? ResponseId { get; set; }

        /// <summary>Input items to compact (hashtables, JSON object text, or items read from a conversation or a response), after the response's.</summary>
        [Parameter]
        [ValidateNotNull]
        public object[]? InputItem { get; set; }

        /// <summary>A user message to compact with the rest (sent before -InputItem, as Invoke-OpenAiResponse does).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Message { get; set; }

        /// <summary>The model that compacts (required), e.g. gpt-4o-mini; a piped response's model binds it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Model { get; set; }

        /// <summary>System-level instructions for the compaction.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>More body fields, sent as given (prompt_cache_key, service_tier...).</summary>
        [Parameter]
        public Hashtable? AdditionalBody { get; set; }

        protected override void ProcessRecord()
        {
            JsonObject body;
            try
            {
                if (string.IsNullOrWhiteSpace(Model))
                    throw new OpenAiValidationException("Model", "-Model is required: name the model that compacts (for example gpt-4o-mini).", "OpenAiMissingModel");
                body = ResponseInput.Body(Model, Message, InputItem, ResponseId, Instructions, AdditionalBody);
            }
            catch (OpenAiValidationException invalid)
            {
                WriteError(ErrorRecords.From(invalid, ResponseId));
                return;
            }
            Try(ResponseId, () =>
            {
                if (!ShouldProcess(ResponseId is null ? $"{((JsonArray)body["input"]!).Count} input item(s)" : $"response {ResponseId}", "Compact")) return;
                WriteObject(Await(observer => new ResponseService(Client).CompactAsync(body, observer, CancellationToken)));
            });
        }
    }
}
