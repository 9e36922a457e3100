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
    /// (-Tool hashtables such as those of New-OpenAiTool, and -Function: PowerShell commands offered as function tools, their
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
    /// <para>-AsBatchRequest writes the request as a batch request line (OpenAiBatchRequest, its InputObject the message or
    /// the piped response) instead of sending it, for Invoke-OpenAiBatch; -Stream, -Background and -InvokeFunction need a
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
    public sealed class InvokeOpenAiResponseCommand : ResponseCmdletBase
    {
        private static readonly HashSet<string> ToolTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "function", "file_search", "web_search", "web_search_preview", "code_interpreter", "mcp", "image_generation",
            "computer_use_preview", "local_shell", "shell", "apply_patch", "custom",
        };

        /// <summary>The user's message.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [Alias("Input", "Prompt")]
        public string? Message { get; set; }

        /// <summary>Input items (hashtables or JSON text), sent after -Message, such as function_call_output items.</summary>
        [Parameter]
        public object[]? InputItem { get; set; }

        /// <summary>The model (required), e.g. gpt-4o-mini.</summary>
        [Parameter]
        public string? Model { get; set; }

        /// <summary>System-level instructions for this response.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>Images to include: local paths (sent inline), URLs, or file ids (file-...).</summary>
        [Parameter]
        public string[]? Image { get; set; }

        /// <summary>A response to continue on the server (previous_response_id); piping a response binds it.</summary>
        [Parameter(ValueFromPipeline = true)]
        public OpenAiResponse? PreviousResponse { get; set; }

        /// <summary>The id of a response to continue.</summary>
        [Parameter]
        public string? PreviousResponseId { get; set; }

        /// <summary>A conversation to read from and add to (conv_...).</summary>
        [Parameter]
        public string? ConversationId { get; set; }

        /// <summary>Tools as hashtables or JSON text (each needs a known type: function, file_search, web_search, mcp, ...).</summary>
        [Parameter]
        public object[]? Tool { get; set; }

        /// <summary>PowerShell commands (names or CommandInfo) offered to the model as function tools.</summary>
        [Parameter]
        public object[]? Function { get; set; }

        /// <summary>Whether to run the functions the model calls: None (default), Confirm (ask per call) or Auto.</summary>
        [Parameter]
        [ValidateSet("None", "Confirm", "Auto")]
        public string InvokeFunction { get; set; } = "None";

        /// <summary>The most function-call rounds before the loop stops with an error (default 8).</summary>
        [Parameter]
        [ValidateRange(1, 100)]
        public int MaxToolRound { get; set; } = 8;

        /// <summary>auto, none, required, or the name of a function to force.</summary>
        [Parameter]
        public string? ToolChoice { get; set; }

        /// <summary>A JSON Schema (JSON text or hashtable) the answer must follow (structured output).</summary>
        [Parameter]
        public object? JsonSchema { get; set; }

        /// <summary>The schema's name (default 'output').</summary>
        [Parameter]
        public string SchemaName { get; set; } = "output";

        /// <summary>The most output tokens.</summary>
        [Parameter]
        [ValidateRange(16, int.MaxValue)]
        public int? MaxOutputTokens { get; set; }

        /// <summary>Run the response in the background (returns at once; see Wait-OpenAiResponse).</summary>
        [Parameter]
        public SwitchParameter Background { get; set; }

        /// <summary>Show the text as it arrives, then write the response.</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        /// <summary>Write every typed stream event.</summary>
        [Parameter]
        public SwitchParameter StreamEvent { get; set; }

        /// <summary>Up to 16 string pairs stored with the response.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        /// <summary>Whether the response is stored (default: the API's, true).</summary>
        [Parameter]
        public SwitchParameter NoStore { get; set; }

        /// <summary>More body fields, sent as given (temperature, reasoning, ...).</summary>
        [Parameter]
        public Hashtable? AdditionalBody { get; set; }

        /// <summary>Write the request as a batch request line (OpenAiBatchRequest) for Invoke-OpenAiBatch instead of sending it.</summary>
        [Parameter]
        public SwitchParameter AsBatchRequest { get; set; }

        protected override void ProcessRecord()
        {
            JsonObject body;
            Dictionary<string, CommandInfo> functions;
            try
            {
                (body, functions) = BuildBody();
            }
            catch (OpenAiValidationException ex)
            {
                WriteError(ErrorRecords.From(ex, Message));
                return;
            }
            if (AsBatchRequest)
            {
                Try(Message, () => WriteObject(BatchJobs.BatchRequestLine.Create("/v1/responses", body, (object?)PreviousResponse ?? Message,
                    ("Stream", Stream), ("StreamEvent", StreamEvent), ("Background", Background), ("InvokeFunction", InvokeFunction != "None"))));
                return;
            }
            if (!ShouldProcess($"model {Model}", "Create a response")) return;
            Try(Message, () => Run(body, functions));
        }

        private void Run(JsonObject body, Dictionary<string, CommandInfo> functions)
        {
            var service = new ResponseService(Client);
            for (var round = 0; ; round++)
            {
                var response = Send(service, body);
                if (response is null) return;
                var calls = response.FunctionCalls;
                if (calls.Count == 0 || InvokeFunction == "None" || response.Status != "completed" || !calls.All(c => functions.ContainsKey(c.Name)))
                {
                    if (!StreamEvent) WriteResponse(response);
                    return;
                }
                if (round + 1 >= MaxToolRound)
                {
                    WriteError(new ErrorRecord(new InvalidOperationException(
                            $"The model still asked for functions after {MaxToolRound} rounds (-MaxToolRound); the last response is the TargetObject."),
                        "OpenAiToolLoopLimit", ErrorCategory.LimitsExceeded, response));
                    return;
                }
                var outputs = new JsonArray();
                foreach (var call in calls)
                {
                    if (InvokeFunction == "Confirm" && !ShouldContinue($"{call.Name} {call.Arguments}", "Run this function for the model?"))
                    {
                        outputs.Add(Output(call, "The user declined to run this function."));
                        continue;
                    }
                    outputs.Add(Output(call, RunFunction(functions[call.Name], call)));
                }
                body = Continue(body, response, outputs);
            }
        }

        private OpenAiResponse? Send(ResponseService service, JsonObject body)
        {
            if (!Stream && !StreamEvent) return Await(observer => service.CreateAsync(body, observer, CancellationToken));
            var stream = Await(observer => service.StreamAsync(body, new OpenAiStreamOptions(), observer, CancellationToken));
            return Consume(stream, StreamEvent);
        }

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

        private static JsonObject Output(OpenAiFunctionCall call, string output) =>
            new JsonObject { ["type"] = "function_call_output", ["call_id"] = call.CallId, ["output"] = output };

        private string RunFunction(CommandInfo command, OpenAiFunctionCall call)
        {
            var arguments = new Hashtable(StringComparer.OrdinalIgnoreCase);
            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(call.Arguments) ? "{}" : call.Arguments);
                foreach (var property in document.RootElement.EnumerateObject()) arguments[property.Name] = ToPlain(property.Value);
                WriteVerbose($"Running {command.Name} for the model ({call.CallId}).");
                var results = InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($__command, $__arguments) & $__command @__arguments"), null, command, arguments);
                var texts = results.Select(r => r?.BaseObject is string s ? s : r is null ? string.Empty
                    : InvokeCommand.InvokeScript(false, ScriptBlock.Create("param($o) $o | ConvertTo-Json -Depth 6 -Compress"), null, r).FirstOrDefault()?.ToString() ?? string.Empty);
                return string.Join("\n", texts);
            }
            catch (Exception ex) when (ex is RuntimeException || ex is JsonException || ex is ArgumentException || ex is InvalidOperationException)
            {
                var message = (ex as RuntimeException)?.ErrorRecord?.Exception?.Message ?? ex.Message;
                WriteWarning($"{command.Name} failed for the model ({call.CallId}): {message}");
                return "Error: " + message;
            }
        }

        private static object? ToPlain(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToArray(),
            JsonValueKind.Object => value.EnumerateObject().Aggregate(new Hashtable(), (h, p) => { h[p.Name] = ToPlain(p.Value); return h; }),
            _ => null,
        };

        private (JsonObject, Dictionary<string, CommandInfo>) BuildBody()
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
            if (ToolChoice != null) body["tool_choice"] = ToolChoice is "auto" or "none" or "required" ? (JsonNode)ToolChoice : new JsonObject { ["type"] = "function", ["name"] = ToolChoice };
            if (Metadata != null) body["metadata"] = ToJsonObject(Metadata, "Metadata", "OpenAiInvalidArgument");

            var tools = new JsonArray();
            foreach (var tool in Tool ?? Array.Empty<object>())
            {
                var definition = ToJsonObject(tool, "Tool", "OpenAiInvalidTool");
                var type = (definition["type"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
                if (type is null || !ToolTypes.Contains(type))
                    throw new OpenAiValidationException("Tool", $"-Tool {definition.ToJsonString()} has {(type is null ? "no type" : $"the unknown type '{type}'")}; known types: {string.Join(", ", ToolTypes)}.", "OpenAiInvalidTool");
                if (type == "function" && string.IsNullOrEmpty((string?)definition["name"]))
                    throw new OpenAiValidationException("Tool", "A function tool needs a name.", "OpenAiInvalidTool");
                tools.Add(definition);
            }
            var functions = new Dictionary<string, CommandInfo>(StringComparer.Ordinal);
            foreach (var entry in Function ?? Array.Empty<object>())
            {
                var command = ResolveCommand(entry);
                functions[command.Name] = command;
                tools.Add(FunctionTool.Describe(command));
            }
            if (tools.Count > 0) body["tools"] = tools;
            if (JsonSchema != null)
            {
                var schema = FunctionTool.ReadSchema(JsonSchema);
                body["text"] = new JsonObject { ["format"] = new JsonObject { ["type"] = "json_schema", ["name"] = SchemaName, ["schema"] = schema, ["strict"] = false } };
            }
            if (AdditionalBody != null)
                foreach (DictionaryEntry entry in AdditionalBody) body[entry.Key.ToString()!] = JsonNode.Parse(Core.Json.OpenAiJson.Serialize(entry.Value ?? ""));
            return (body, functions);
        }

        private CommandInfo ResolveCommand(object entry)
        {
            var value = entry is PSObject ps ? ps.BaseObject : entry;
            if (value is CommandInfo info) return info;
            var name = value?.ToString() ?? string.Empty;
            var found = InvokeCommand.GetCommand(name, CommandTypes.Function | CommandTypes.Cmdlet | CommandTypes.ExternalScript | CommandTypes.Alias);
            if (found is AliasInfo alias && alias.ResolvedCommand != null) found = alias.ResolvedCommand;
            return found ?? throw new OpenAiValidationException("Function", $"-Function '{name}' is not a command in this session.", "OpenAiFunctionNotFound");
        }

        private JsonObject ImagePart(string image)
        {
            if (image.StartsWith("file-", StringComparison.Ordinal)) return new JsonObject { ["type"] = "input_image", ["file_id"] = image };
            if (image.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || image.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || image.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                return new JsonObject { ["type"] = "input_image", ["image_url"] = image };
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(image);
            if (!File.Exists(path)) throw new OpenAiValidationException("Image", $"-Image '{image}' does not exist.", "OpenAiImageNotFound");
            var length = new FileInfo(path).Length;
            if (length > 20 * 1024 * 1024)
                throw new OpenAiValidationException("Image", $"-Image '{image}' is {length / 1048576.0:0.#} MB; inline images can be at most 20 MB (upload it with New-OpenAiFile and pass its id).", "OpenAiFileTooLarge");
            var extension = Path.GetExtension(path).ToLowerInvariant();
            var mime = extension switch { ".png" => "image/png", ".gif" => "image/gif", ".webp" => "image/webp", _ => "image/jpeg" };
            return new JsonObject { ["type"] = "input_image", ["image_url"] = $"data:{mime};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}" };
        }

        internal static JsonObject ToJsonObject(object value, string parameter, string errorId)
        {
            var raw = value is PSObject ps ? ps.BaseObject : value;
            try
            {
                var text = raw is string s ? s : Core.Json.OpenAiJson.Serialize(FunctionTool.ToPlainObject(raw));
                return JsonNode.Parse(text) as JsonObject ?? throw new OpenAiValidationException(parameter, $"-{parameter} must be an object (a hashtable or JSON object text).", errorId);
            }
            catch (JsonException ex)
            {
                throw new OpenAiValidationException(parameter, $"-{parameter} is not valid JSON: {ex.Message}", errorId);
            }
        }
    }
}
