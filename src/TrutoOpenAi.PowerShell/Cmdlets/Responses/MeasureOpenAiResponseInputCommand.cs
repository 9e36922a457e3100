using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Counts the input tokens a response request would use, without creating a response.</summary>
    /// <remarks>
    /// <para>Sends the input a call to Invoke-OpenAiResponse would send (-Message, -InputItem, -Instructions, -Tool, a
    /// previous response or a conversation to build on) to POST /responses/input_tokens and writes the count the API
    /// gives: for cost estimates before a large run or a batch, and to check that a prompt fits the model's context. Piped
    /// strings are counted one at a time. Items and tools are checked before any request. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Measure-OpenAiResponseInput -Model gpt-4o-mini -Message 'How long is this prompt?' -Instructions 'Answer briefly.'</code>
    /// <para>Counts the tokens of one prompt.</para>
    /// </example>
    /// <example>
    /// <code>'short', 'a somewhat longer prompt to count' | Measure-OpenAiResponseInput -Model gpt-4o-mini | Measure-Object InputTokens -Sum</code>
    /// <para>Adds up the input tokens of several prompts.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Measure, "OpenAiResponseInput")]
    [OutputType(typeof(OpenAiResponseInputTokens))]
    [OpenAiOperation("", "POST", "/responses/input_tokens")]
    public sealed class MeasureOpenAiResponseInputCommand : OpenAiCmdlet
    {
        /// <summary>The user's message (piped strings bind here, each counted on its own).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("Input", "Prompt")]
        public string? Message { get; set; }

        /// <summary>Input items (hashtables, JSON object text, or items read from a conversation or a response), after -Message.</summary>
        [Parameter]
        [ValidateNotNull]
        public object[]? InputItem { get; set; }

        /// <summary>The model whose tokenizer counts, e.g. gpt-4o-mini.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Model { get; set; }

        /// <summary>System-level instructions, counted with the input.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>A previous response whose conversation state is counted too (resp_...); piped responses bind it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("PreviousResponseId")]
        [ValidateNotNullOrEmpty]
        public string? ResponseId { get; set; }

        /// <summary>A conversation whose items are counted too (conv_...).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? ConversationId { get; set; }

        /// <summary>Tools whose definitions are counted (hashtables or JSON text, as Invoke-OpenAiResponse -Tool takes).</summary>
        [Parameter]
        [ValidateNotNull]
        public object[]? Tool { get; set; }

        /// <summary>More body fields, sent as given (text, reasoning, truncation, tool_choice...).</summary>
        [Parameter]
        public Hashtable? AdditionalBody { get; set; }

        protected override void ProcessRecord()
        {
            JsonObject body;
            try
            {
                if (ResponseId != null && ConversationId != null)
                    throw new OpenAiValidationException("ConversationId", "-ConversationId cannot be combined with a previous response (the API refuses previous_response_id with conversation).", "OpenAiInvalidArgument");
                body = ResponseInput.Body(Model, Message, InputItem, ResponseId, Instructions, AdditionalBody, allowEmpty: ConversationId != null);
                if (ConversationId != null) body["conversation"] = ConversationId;
                if (Tool is { Length: > 0 })
                {
                    var tools = new JsonArray();
                    foreach (var tool in Tool) tools.Add(ModelInput.ToJsonObject(tool, "Tool", "OpenAiInvalidTool"));
                    body["tools"] = tools;
                }
            }
            catch (OpenAiValidationException invalid)
            {
                WriteError(ErrorRecords.From(invalid, Message));
                return;
            }
            Try(Message, () => WriteObject(Await(observer => new ResponseService(Client).CountInputTokensAsync(body, observer, CancellationToken))));
        }
    }
}
