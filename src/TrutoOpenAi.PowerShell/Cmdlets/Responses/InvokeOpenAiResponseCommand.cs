using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Asks a model for a response (POST /responses), optionally streaming it and running PowerShell commands as its tools.</summary>
    /// <remarks>
    /// <para>Sends -Message (or -InputItem items) with -Instructions, images (-Image: a path, URL or file id), tools
    /// (-Tool: tools built with New-OpenAiTool, or hashtables; -Function: PowerShell commands offered as function tools, their
    /// parameters described from the command's metadata) and structured output (-JsonSchema). Piping a response in
    /// continues it on the server (previous_response_id); -ConversationId adds to a conversation.</para>
    /// <para>-Stream shows the text on the host as it arrives (information tagged PSHOST) and writes the same typed
    /// OpenAiResponse as without -Stream; -StreamEvent writes every typed event instead. Ctrl+C closes the connection at
    /// once. A dropped stream of a -Background response is resumed from its last sequence number.</para>
    /// <para>Function calls: with -InvokeFunction Auto the requested -Function commands run and their output goes back
    /// to the model until it answers in text; Confirm asks before each call; None (the default) writes the response with
    /// its FunctionCalls. A command that throws sends its error message as the output and writes a warning. After
    /// -MaxToolRound rounds (default 8) the loop stops with an OpenAiToolLoopLimit error.</para>
    /// <para>A failed or incomplete response is an ErrorRecord (OpenAiResponseFailed, OpenAiResponseIncomplete) whose
    /// TargetObject is the response. Bad input (no model, a tool without a type, a schema that is not a JSON Schema
    /// object, a missing image) is refused before any request. Needs an API key.</para>
    /// <para>-AsBatchRequest writes the request as a batch request line (OpenAiBatchRequest, its InputObject the object as
    /// piped, or -InputObject) instead of sending it, for Invoke-OpenAiBatch; -Stream, -Background and -InvokeFunction need a
    /// live call and are refused with it.</para>
    /// </remarks>
    /// <example>
    /// <code>Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Say hello' | Select-Object OutputText, Status</code>
    /// <para>Asks once and shows the answer's text.</para>
    /// </example>
    /// <example>
    /// <code>function Get-Weather { param([string] $City) "Sunny in $City" }
    /// Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Get-Weather City=Paris' -Function Get-Weather -InvokeFunction Auto -Stream</code>
    /// <para>Offers a PowerShell function as a tool, runs it when the model asks, and streams the final answer.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "OpenAiResponse", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiResponse), typeof(OpenAiStreamEvent), typeof(Core.Models.Platform.OpenAiBatchRequest))]
    [OpenAiOperation("create_a_openai_response", "POST", "/responses")]
    public sealed class InvokeOpenAiResponseCommand : ModelCmdlet
    {
        /// <summary>The user's message.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("Input", "Prompt")]
        public string? Message { get; set; }

        /// <summary>Input items (hashtables or JSON text), sent after -Message, such as function_call_output items.</summary>
        [Parameter]
        public object[]? InputItem { get; set; }

        /// <summary>System-level instructions for this response.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>A response to continue on the server (previous_response_id); piping a response binds it.</summary>
        [Parameter(ValueFromPipeline = true)]
        public OpenAiResponse? PreviousResponse { get; set; }

        /// <summary>The id of a response to continue.</summary>
        [Parameter]
        public string? PreviousResponseId { get; set; }

        /// <summary>A conversation to read from and add to (conv_...).</summary>
        [Parameter]
        public string? ConversationId { get; set; }

        /// <summary>The most output tokens.</summary>
        [Parameter]
        [ValidateRange(16, int.MaxValue)]
        public int? MaxOutputTokens { get; set; }

        /// <summary>Run the response in the background (returns at once; see Wait-OpenAiResponse).</summary>
        [Parameter]
        public SwitchParameter Background { get; set; }

        /// <summary>Whether the response is stored (default: the API's, true).</summary>
        [Parameter]
        public SwitchParameter NoStore { get; set; }

        protected override void ProcessRecord()
        {
            JsonObject body;
            var functions = NewFunctionRunner();
            try
            {
                body = BuildBody(functions);
            }
            catch (OpenAiValidationException ex)
            {
                WriteError(ErrorRecords.From(ex, Message));
                return;
            }
            if (AsBatchRequest)
            {
                Try(Message, () => WriteObject(BatchLine("/v1/responses", body, (object?)PreviousResponse ?? Message, ("Background", Background))));
                return;
            }
            if (!ShouldProcess($"model {Model}", "Create a response")) return;
            Try(Message, () => Run(body, functions));
        }

        private void Run(JsonObject body, FunctionRunner functions)
        {
            var service = new ResponseService(Client);
            for (var round = 0; ; round++)
            {
                var response = Send(service, body);
                if (response is null) return;
                var calls = response.FunctionCalls;
                if (response.Status != "completed" || !functions.WillRun(calls))
                {
                    if (!StreamEvent) Output.WriteResponse(response);
                    return;
                }
                if (functions.LimitReached(round, response) is { } limit)
                {
                    WriteError(limit);
                    return;
                }
                var results = functions.Run(calls);
                var outputs = new JsonArray(calls.Select((call, i) => (JsonNode?)CallOutput(call, results[i])).ToArray());
                body = Continue(body, response, outputs);
            }
        }

        private OpenAiResponse? Send(ResponseService service, JsonObject body)
        {
            if (!Stream && !StreamEvent) return Await(observer => service.CreateAsync(body, observer, CancellationToken));
            var stream = Await(observer => service.StreamAsync(body, new OpenAiStreamOptions(), observer, CancellationToken));
            return Output.Consume(stream, StreamEvent);
        }

        private ResponseOutput Output => new ResponseOutput(this, stream => Await(_ => stream.MoveNextAsync(CancellationToken)), WriteHostText, CancellationToken);

        private JsonObject Continue(JsonObject body, OpenAiResponse response, JsonArray outputs)
        {
            var next = (JsonObject)body.DeepClone();
            next["input"] = outputs;
            next.Remove("instructions");
            if (next.ContainsKey("conversation")) return next;
            next["previous_response_id"] = response.Id;
            if (response.Instructions != null) next["instructions"] = response.Instructions;
            return next;
        }

        private static JsonObject CallOutput(OpenAiFunctionCall call, string output) =>
            new JsonObject { ["type"] = "function_call_output", ["call_id"] = call.CallId, ["output"] = output };

        private JsonObject BuildBody(FunctionRunner functions)
        {
            if (string.IsNullOrWhiteSpace(Model))
                throw new OpenAiValidationException("Model", "-Model is required: name the model to answer (for example gpt-4o-mini).", "OpenAiMissingModel");
            var input = new JsonArray();
            if (!string.IsNullOrEmpty(Message) || Image is { Length: > 0 })
            {
                var content = new JsonArray();
                if (!string.IsNullOrEmpty(Message)) content.Add(new JsonObject { ["type"] = "input_text", ["text"] = Message });
                foreach (var image in Image ?? Array.Empty<string>()) content.Add(ImagePart(image));
                input.Add(new JsonObject { ["role"] = "user", ["content"] = content });
            }
            foreach (var item in InputItem ?? Array.Empty<object>()) input.Add(ToJsonObject(item, "InputItem", "OpenAiInvalidInputItem"));
            var previous = PreviousResponseId ?? PreviousResponse?.Id;
            if (input.Count == 0 && previous is null)
                throw new OpenAiValidationException("Message", "Nothing to send: give -Message, -InputItem or -Image.", "OpenAiMissingInput");
            if (previous != null && ConversationId != null)
                throw new OpenAiValidationException("ConversationId", "-ConversationId cannot be combined with a previous response (the API refuses previous_response_id with conversation).", "OpenAiInvalidArgument");

            var body = new JsonObject { ["model"] = Model, ["input"] = input };
            if (Instructions != null) body["instructions"] = Instructions;
            if (previous != null) body["previous_response_id"] = previous;
            if (ConversationId != null) body["conversation"] = ConversationId;
            if (MaxOutputTokens != null) body["max_output_tokens"] = MaxOutputTokens;
            if (Background) body["background"] = true;
            if (NoStore) body["store"] = false;
            if (ToolChoiceNode(name => new JsonObject { ["type"] = "function", ["name"] = name }) is { } choice) body["tool_choice"] = choice;
            if (MetadataNode() is { } metadata) body["metadata"] = metadata;
            if (Tools(functions, ToolDefinition.ForResponses, tool => tool) is { } tools) body["tools"] = tools;
            if (SchemaFormat() is { } format) body["text"] = new JsonObject { ["format"] = format };
            ModelInput.Merge(body, AdditionalBody);
            return body;
        }

        private JsonObject ImagePart(string image) =>
            image.StartsWith("file-", StringComparison.Ordinal)
                ? new JsonObject { ["type"] = "input_image", ["file_id"] = image }
                : new JsonObject { ["type"] = "input_image", ["image_url"] = ModelInput.ImageUrl(this, image) };

        /// <summary>Kept for callers in this area: <see cref="ModelInput.ToJsonObject"/>.</summary>
        internal static JsonObject ToJsonObject(object value, string parameter, string errorId) => ModelInput.ToJsonObject(value, parameter, errorId);
    }
}
