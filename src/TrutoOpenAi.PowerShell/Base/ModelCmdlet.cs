using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Platform;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// The parameters the model-calling cmdlets (Invoke-OpenAiResponse, Invoke-OpenAiChatCompletion) share, with their
    /// meaning in one place: the model, images, tools and PowerShell functions and the function loop's consent and round
    /// limit, the tool choice, structured output, streaming, metadata, extra body fields, and the batch request line
    /// (-AsBatchRequest with the piped -InputObject). The derived cmdlet declares its message and the fields of its own API,
    /// builds the request body, and runs the loop (<see cref="FunctionRunner"/>); this class reads the shared fields into it.
    /// </summary>
    public abstract class ModelCmdlet : OpenAiCmdlet
    {
        /// <summary>The model, e.g. gpt-4o-mini (required; a piped chat completion gives its own).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>Images to include: local paths (sent inline, at most 20 MB), URLs, or for Invoke-OpenAiResponse file ids (file-...).</summary>
        [Parameter]
        public string[]? Image { get; set; }

        /// <summary>Tools: OpenAiTool objects from New-OpenAiTool (a PowerShell command among them runs like -Function), or hashtables or JSON text. Chat completions take function tools only (also in their chat shape, @{ type = 'function'; function = @{ name; parameters } }); responses also take the built-in tools (file_search, web_search, mcp, ...).</summary>
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
        [ValidateNotNullOrEmpty]
        public string SchemaName { get; set; } = "output";

        /// <summary>Show the text as it arrives, then write the same object as without -Stream.</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        /// <summary>Write every typed stream event (instead of the final object).</summary>
        [Parameter]
        public SwitchParameter StreamEvent { get; set; }

        /// <summary>Up to 16 string pairs stored with the answer (keys up to 64 characters, values up to 512).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        /// <summary>More body fields, sent as given (temperature, top_p, reasoning, seed, ...); they win over the cmdlet's own.</summary>
        [Parameter]
        public Hashtable? AdditionalBody { get; set; }

        /// <summary>Write the request as a batch request line (OpenAiBatchRequest) for Invoke-OpenAiBatch instead of sending it.</summary>
        [Parameter]
        public SwitchParameter AsBatchRequest { get; set; }

        /// <summary>The object this request is for, attached to its batch request line (-AsBatchRequest) and so to its Invoke-OpenAiBatch result; a piped object binds it as it is (a FileInfo stays a FileInfo), while -Message gets its text.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>The function loop of this call: -InvokeFunction and -MaxToolRound.</summary>
        private protected FunctionRunner NewFunctionRunner() => new FunctionRunner(this, InvokeFunction, MaxToolRound);

        /// <summary>-Tool (read by <paramref name="readTool"/> in the API's shape) then -Function (made into that shape by <paramref name="shape"/>): the body's tools, or null when there are none.</summary>
        private protected JsonArray? Tools(FunctionRunner functions, Func<object, FunctionRunner, JsonObject> readTool, Func<JsonObject, JsonObject> shape)
        {
            var tools = new JsonArray();
            foreach (var tool in Tool ?? Array.Empty<object>()) tools.Add(readTool(tool, functions));
            foreach (var function in functions.Offer(Function)) tools.Add(shape(function));
            return tools.Count > 0 ? tools : null;
        }

        /// <summary>-ToolChoice in the API's shape: auto, none and required as they are, a function name through <paramref name="named"/>.</summary>
        private protected JsonNode? ToolChoiceNode(Func<string, JsonObject> named) =>
            ToolChoice is null ? null : ToolChoice is "auto" or "none" or "required" ? (JsonNode)ToolChoice : named(ToolChoice);

        /// <summary>-Metadata checked as the API checks it, as a JSON object; null when not given.</summary>
        private protected JsonObject? MetadataNode() =>
            ModelInput.Metadata(Metadata) is { } metadata ? new JsonObject(metadata.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))) : null;

        /// <summary>-JsonSchema as the json_schema format of the Responses API ({type: json_schema, name, schema, strict: false}, the schema checked); null when not given.</summary>
        private protected JsonObject? SchemaFormat() =>
            JsonSchema is null ? null : new JsonObject { ["type"] = "json_schema", ["name"] = SchemaName, ["schema"] = FunctionTool.ReadSchema(JsonSchema), ["strict"] = false };

        /// <summary>
        /// The batch request line of this call for <paramref name="url"/>: attached to the piped object (or -InputObject), else
        /// <paramref name="fallback"/>; the streaming and function-loop switches need a live call and are refused.
        /// </summary>
        private protected OpenAiBatchRequest BatchLine(string url, JsonObject body, object? fallback, params (string Name, bool Given)[] refused) =>
            Cmdlets.BatchJobs.BatchRequestLine.Create(url, body, Cmdlets.BatchJobs.BatchRequestLine.InputOf(InputObject, fallback),
                new[] { ("Stream", Stream.IsPresent), ("StreamEvent", StreamEvent.IsPresent) }.Concat(refused).Concat(new[] { ("InvokeFunction", InvokeFunction != "None") }).ToArray());
    }
}
