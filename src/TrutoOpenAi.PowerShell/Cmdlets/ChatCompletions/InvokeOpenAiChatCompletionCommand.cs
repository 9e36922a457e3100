using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.ChatCompletions;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.PowerShell.Cmdlets.ChatCompletions
{
    /// <summary>Asks a model for a chat completion (POST /chat/completions), optionally streaming it and running PowerShell commands as its tools.</summary>
    /// <remarks>
    /// <para>Sends -SystemMessage, the -Messages given (hashtables such as @{ role = 'user'; content = '...' }, JSON text, or
    /// messages of a History) and -Message as the last user message, with -Image attached to it (a local path, sent inline,
    /// or a URL). Chat Completions keep no state on the server: every completion written carries its History (the messages
    /// sent and the answer), and piping a completion in continues that conversation, with the same model unless -Model
    /// says otherwise. A completion from Get-OpenAiChatCompletion continues from its stored messages.</para>
    /// <para>-Stream shows the text on the host as it arrives (information tagged PSHOST) and writes the same typed
    /// OpenAiChatCompletion as without -Stream: the chunks' content, tool calls (gathered by index) and usage (the cmdlet
    /// asks for stream_options.include_usage) are put together. -StreamEvent writes every chunk as a typed event instead.
    /// Ctrl+C closes the connection at once. A stream that stops early is an OpenAiStreamInterrupted error whose
    /// TargetObject is the completion as far as it arrived.</para>
    /// <para>Function calls: with -InvokeFunction Auto the -Function commands the model asks for run and their output goes
    /// back as tool messages until it answers in text; Confirm asks before each call; None (the default) writes the
    /// completion with its FunctionCalls. A command that throws sends its error message as the output and writes a warning.
    /// After -MaxToolRound rounds (default 8) the loop stops with an OpenAiToolLoopLimit error. -Tool adds function tools:
    /// those of New-OpenAiTool (a PowerShell command among them runs like -Function), or hashtables in the chat shape
    /// (@{ type = 'function'; function = @{ name; parameters } }) or the flat shape of Invoke-OpenAiResponse. Chat
    /// completions take no built-in tools (file_search, web_search...): such a tool is an OpenAiInvalidTool error.</para>
    /// <para>A completion cut at -MaxCompletionTokens (finish reason length) is an OpenAiChatCompletionIncomplete error,
    /// one withheld by the content filter an OpenAiChatCompletionFiltered error; both carry the completion as TargetObject.
    /// Bad input (no model, a message without a known role, a tool without a known type, a schema that is not a JSON
    /// Schema object, a missing image) is refused before any request. -Store keeps the completion for
    /// Get-OpenAiChatCompletion. Needs an API key.</para>
    /// <para>-AsBatchRequest writes the request as a batch request line (OpenAiBatchRequest for /v1/chat/completions, its
    /// InputObject the object as piped, or -InputObject) instead of sending it, for Invoke-OpenAiBatch, whose results carry
    /// the completions; -Stream, -StreamEvent and -InvokeFunction need a live call and are refused with it.</para>
    /// </remarks>
    /// <example>
    /// <code>Invoke-OpenAiChatCompletion -Model gpt-4o-mini -SystemMessage 'Answer briefly.' -Message 'Say hello' | Select-Object Content, FinishReason</code>
    /// <para>Asks once and shows the answer's text.</para>
    /// </example>
    /// <example>
    /// <code>$chat = Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'Name a color' -Stream
    /// $chat | Invoke-OpenAiChatCompletion -Message 'And another one' | Select-Object -ExpandProperty History</code>
    /// <para>Streams an answer, then continues the conversation by piping the completion back in, and shows the whole history.</para>
    /// </example>
    /// <example>
    /// <code>function Get-Weather { param([string] $City) "Sunny in $City" }
    /// Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message 'Get-Weather City=Paris' -Function Get-Weather -InvokeFunction Auto -Stream</code>
    /// <para>Offers a PowerShell function as a tool, runs it when the model asks, and streams the final answer.</para>
    /// </example>
    /// <example>
    /// <code>'Paris', 'Lima' | ForEach-Object { [pscustomobject]@{ City = $_ } } | ForEach-Object { Invoke-OpenAiChatCompletion -Model gpt-4o-mini -Message "Which country is $($_.City) in?" -InputObject $_ -AsBatchRequest } | Invoke-OpenAiBatch -PollInterval 0.5 | Select-Object @{ n = 'City'; e = { $_.InputObject.City } }, Output</code>
    /// <para>Asks through the Batch API (half the price) and shows each answer next to the row it was asked for.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Invoke, "OpenAiChatCompletion", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiChatCompletion), typeof(OpenAiStreamEvent), typeof(Core.Models.Platform.OpenAiBatchRequest))]
    [OpenAiOperation("create_a_openai_chat_completion", "POST", "/chat/completions")]
    public sealed class InvokeOpenAiChatCompletionCommand : ModelCmdlet
    {
        private static readonly string[] Roles = { "system", "developer", "user", "assistant", "tool", "function" };

        /// <summary>The user's message, sent last.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("Prompt")]
        public string? Message { get; set; }

        /// <summary>A system message sent first (it replaces the system message of a continued History).</summary>
        [Parameter]
        public string? SystemMessage { get; set; }

        /// <summary>Messages sent after the History and before -Message: hashtables (@{ role = 'user'; content = '...' }), JSON text or OpenAiChatMessage objects.</summary>
        [Parameter]
        public object[]? Messages { get; set; }

        /// <summary>A completion whose History this call continues; piping a completion binds it.</summary>
        [Parameter(ValueFromPipeline = true)]
        public OpenAiChatCompletion? PreviousCompletion { get; set; }

        /// <summary>Sampling temperature, 0 to 2.</summary>
        [Parameter]
        [ValidateRange(0.0, 2.0)]
        public double? Temperature { get; set; }

        /// <summary>The most tokens the answer may have (reasoning tokens included).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? MaxCompletionTokens { get; set; }

        /// <summary>How many choices to generate (1 to 128); Content, FinishReason and FunctionCalls read the first.</summary>
        [Parameter]
        [ValidateRange(1, 128)]
        public int? N { get; set; }

        /// <summary>Reasoning effort for reasoning models.</summary>
        [Parameter]
        [ValidateSet("none", "minimal", "low", "medium", "high", "xhigh", "max")]
        public string? ReasoningEffort { get; set; }

        /// <summary>Stores the completion (store: true), so Get-OpenAiChatCompletion and Get-OpenAiChatCompletionMessage find it.</summary>
        [Parameter]
        public SwitchParameter Store { get; set; }

        protected override void ProcessRecord()
        {
            JsonObject body;
            List<JsonObject> turn;
            var functions = NewFunctionRunner();
            try
            {
                (body, turn) = BuildBody(functions);
            }
            catch (OpenAiValidationException ex)
            {
                WriteError(ErrorRecords.From(ex, Message));
                return;
            }
            if (AsBatchRequest)
            {
                Try(Message, () =>
                {
                    var messages = History(new ChatCompletionService(Client));
                    messages.AddRange(turn);
                    body["messages"] = new JsonArray(messages.Select(m => (JsonNode?)m).ToArray());
                    WriteObject(BatchLine("/v1/chat/completions", body, (object?)PreviousCompletion ?? Message));
                });
                return;
            }
            if (!ShouldProcess($"model {(string?)body["model"]}", "Create a chat completion")) return;
            Try(Message, () => Run(body, turn, functions));
        }

        private void Run(JsonObject body, List<JsonObject> turn, FunctionRunner functions)
        {
            var service = new ChatCompletionService(Client);
            var messages = History(service);
            messages.AddRange(turn);
            for (var round = 0; ; round++)
            {
                body["messages"] = new JsonArray(messages.Select(m => (JsonNode?)m.DeepClone()).ToArray());
                var completion = Send(service, body);
                if (completion is null) return;
                completion.History = messages.Select(OpenAiChatMessage.FromRequest).Concat(completion.Message is { } answer ? new[] { answer } : Array.Empty<OpenAiChatMessage>()).ToList();
                var calls = completion.FunctionCalls;
                if (completion.FinishReason is "length" or "content_filter" || !functions.WillRun(calls))
                {
                    if (!StreamEvent) WriteCompletion(completion);
                    return;
                }
                if (functions.LimitReached(round, completion) is { } limit)
                {
                    WriteError(limit);
                    return;
                }
                var outputs = functions.Run(calls);
                messages.Add(completion.Message!.ToRequest());
                messages.AddRange(calls.Select((call, i) => new JsonObject { ["role"] = "tool", ["tool_call_id"] = call.CallId, ["content"] = outputs[i] }));
            }
        }

        private OpenAiChatCompletion? Send(ChatCompletionService service, JsonObject body)
        {
            if (!Stream && !StreamEvent) return Await(observer => service.CreateAsync(body, observer, CancellationToken));
            var stream = Await(observer => service.StreamAsync(body, new OpenAiStreamOptions(), observer, CancellationToken));
            var chunks = new ChatCompletionAccumulator();
            var wroteText = false;
            try
            {
                while (Await(_ => stream.MoveNextAsync(CancellationToken)))
                {
                    var item = stream.Current!;
                    if (item.Type == "error")
                        throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"the server sent an error event: {item.ErrorCode} {item.ErrorMessage}");
                    chunks.Add(item.Payload);
                    if (FirstChoiceText(item.Payload) is { Length: > 0 } text)
                    {
                        WriteHostText(text);
                        wroteText = true;
                    }
                    if (StreamEvent) WriteObject(item);
                }
            }
            catch (OpenAiStreamException ex)
            {
                // A chat stream cannot be resumed: the error carries what arrived.
                WriteError(ErrorRecords.From(ex, chunks.Chunks > 0 ? chunks.ToCompletion() : (object?)Message));
                return null;
            }
            finally
            {
                // Close the connection first: after Ctrl+C, writing throws (PipelineStoppedException).
                stream.Dispose();
                if (wroteText && !CancellationToken.IsCancellationRequested) WriteHostText(string.Empty, endLine: true);
            }
            return chunks.ToCompletion();
        }

        /// <summary>The content delta of the chunk's first choice (index 0): the text shown live.</summary>
        private static string? FirstChoiceText(JsonElement chunk)
        {
            if (!chunk.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array) return null;
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind != JsonValueKind.Object || !choice.TryGetProperty("index", out var index) || index.ValueKind != JsonValueKind.Number || index.GetInt32() != 0) continue;
                if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object
                    && delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                    return content.GetString();
            }
            return null;
        }

        private void WriteCompletion(OpenAiChatCompletion completion)
        {
            switch (completion.FinishReason)
            {
                case "length":
                    WriteError(new ErrorRecord(new InvalidOperationException(
                            $"Chat completion {completion.Id} stopped at the token limit (finish reason length); the partial completion is the error's TargetObject."),
                        "OpenAiChatCompletionIncomplete", ErrorCategory.LimitsExceeded, completion));
                    return;
                case "content_filter":
                    WriteError(new ErrorRecord(new InvalidOperationException(
                            $"Chat completion {completion.Id} was withheld by the content filter (finish reason content_filter); the completion is the error's TargetObject."),
                        "OpenAiChatCompletionFiltered", ErrorCategory.InvalidResult, completion));
                    return;
                default:
                    WriteObject(completion);
                    return;
            }
        }

        /// <summary>The conversation a piped completion continues: its History, or for a stored one (from Get-OpenAiChatCompletion) its messages and answer.</summary>
        private List<JsonObject> History(ChatCompletionService service)
        {
            var history = new List<JsonObject>();
            var previous = PreviousCompletion;
            if (previous != null && previous.History.Count > 0) history.AddRange(previous.History.Select(m => m.ToRequest()));
            else if (previous != null)
            {
                var pager = service.ListMessages(previous.Id, 100, "asc");
                while (Await(observer => pager.NextPageAsync(observer, CancellationToken)) is { } page) history.AddRange(page.Select(m => m.ToRequest()));
                if (previous.Message != null) history.Add(previous.Message.ToRequest());
            }
            if (SystemMessage != null)
            {
                history.RemoveAll(m => (string?)m["role"] is "system" or "developer");
                history.Insert(0, new JsonObject { ["role"] = "system", ["content"] = SystemMessage });
            }
            return history;
        }

        /// <summary>The request body (without messages) and this call's own messages; checks everything the module can check.</summary>
        private (JsonObject, List<JsonObject>) BuildBody(FunctionRunner functions)
        {
            var model = Model ?? PreviousCompletion?.Model;
            if (string.IsNullOrWhiteSpace(model))
                throw new OpenAiValidationException("Model", "-Model is required: name the model to answer (for example gpt-4o-mini).", "OpenAiMissingModel");
            var turn = new List<JsonObject>();
            foreach (var entry in Messages ?? Array.Empty<object>()) turn.Add(ReadMessage(entry));
            if (!string.IsNullOrEmpty(Message) || Image is { Length: > 0 })
            {
                if (Image is { Length: > 0 })
                {
                    var content = new JsonArray();
                    if (!string.IsNullOrEmpty(Message)) content.Add(new JsonObject { ["type"] = "text", ["text"] = Message });
                    foreach (var image in Image) content.Add(ImagePart(image));
                    turn.Add(new JsonObject { ["role"] = "user", ["content"] = content });
                }
                else turn.Add(new JsonObject { ["role"] = "user", ["content"] = Message });
            }
            if (turn.Count == 0 && PreviousCompletion is null && SystemMessage is null)
                throw new OpenAiValidationException("Message", "Nothing to send: give -Message, -Messages or -Image.", "OpenAiMissingInput");

            var body = new JsonObject { ["model"] = model };
            if (Temperature != null) body["temperature"] = Temperature;
            if (MaxCompletionTokens != null) body["max_completion_tokens"] = MaxCompletionTokens;
            if (N != null) body["n"] = N;
            if (ReasoningEffort != null) body["reasoning_effort"] = ReasoningEffort;
            if (Store) body["store"] = true;
            if (MetadataNode() is { } metadata) body["metadata"] = metadata;
            if (ToolChoiceNode(name => new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = name } }) is { } choice) body["tool_choice"] = choice;
            if (Tools(functions, Responses.ToolDefinition.ForChat, Responses.ToolDefinition.ChatShape) is { } tools) body["tools"] = tools;
            if (SchemaFormat() is { } format)
            {
                format.Remove("type"); // chat wraps the format: {type: json_schema, json_schema: {name, schema, strict}}
                body["response_format"] = new JsonObject { ["type"] = "json_schema", ["json_schema"] = format };
            }
            ModelInput.Merge(body, AdditionalBody);
            return (body, turn);
        }

        private JsonObject ImagePart(string image)
        {
            if (image.StartsWith("file-", StringComparison.Ordinal))
                throw new OpenAiValidationException("Image", $"-Image '{image}': chat completions take images as URLs or local files, not file ids (Invoke-OpenAiResponse takes file ids).", "OpenAiInvalidImage");
            return new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = ModelInput.ImageUrl(this, image) } };
        }

        private static JsonObject ReadMessage(object entry)
        {
            var value = entry is PSObject ps ? ps.BaseObject : entry;
            var message = value is OpenAiChatMessage typed ? typed.ToRequest() : ModelInput.ToJsonObject(entry, "Messages", "OpenAiInvalidMessage");
            var role = (message["role"] as JsonValue)?.TryGetValue<string>(out var r) == true ? r : null;
            if (role is null || !Roles.Contains(role))
                throw new OpenAiValidationException("Messages", $"-Messages {message.ToJsonString()} has {(role is null ? "no role" : $"the unknown role '{role}'")}; known roles: {string.Join(", ", Roles)}.", "OpenAiInvalidMessage");
            if (message["content"] is null && !(role == "assistant" && message["tool_calls"] is JsonArray))
                throw new OpenAiValidationException("Messages", $"-Messages {message.ToJsonString()} has no content.", "OpenAiInvalidMessage");
            if (role == "tool" && string.IsNullOrEmpty((string?)message["tool_call_id"]))
                throw new OpenAiValidationException("Messages", "A tool message needs the tool_call_id of the call it answers.", "OpenAiInvalidMessage");
            return message;
        }
    }
}
