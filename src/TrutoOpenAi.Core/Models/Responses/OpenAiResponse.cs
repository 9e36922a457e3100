using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Responses
{
    /// <summary>A model response (Responses API). <see cref="OutputText"/> joins the output text of every message item.</summary>
    public sealed class OpenAiResponse : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;
        public DateTimeOffset CreatedAt { get; set; }
        /// <summary>completed, failed, in_progress, cancelled, queued or incomplete.</summary>
        public string? Status { get; set; }
        public string? Model { get; set; }
        public bool? Background { get; set; }
        public string? Instructions { get; set; }
        public string? PreviousResponseId { get; set; }
        public List<JsonElement> Output { get; set; } = new List<JsonElement>();
        public OpenAiResponseUsage? Usage { get; set; }
        public OpenAiResponseError? Error { get; set; }
        public JsonElement? IncompleteDetails { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        /// <summary>The response's id under the name parents bind by (Get-OpenAiResponseInputItem -ResponseId).</summary>
        [JsonIgnore]
        public string ResponseId => Id;

        /// <summary>The text of every output message, joined.</summary>
        [JsonIgnore]
        public string OutputText { get; private set; } = string.Empty;

        /// <summary>The function calls the model asked for.</summary>
        [JsonIgnore]
        public IReadOnlyList<OpenAiFunctionCall> FunctionCalls { get; private set; } = Array.Empty<OpenAiFunctionCall>();

        /// <summary>True while a background response is queued or in progress.</summary>
        [JsonIgnore]
        public bool IsRunning => Status == "queued" || Status == "in_progress";

        protected override void OnDeserialized()
        {
            var text = new StringBuilder();
            var calls = new List<OpenAiFunctionCall>();
            foreach (var item in Output.Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var type = item.TryGetProperty("type", out var t) ? t.GetString() : null;
                if (type == "message" && item.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
                {
                    foreach (var part in content.EnumerateArray())
                    {
                        if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var pt) && pt.GetString() == "output_text"
                            && part.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                            text.Append(value.GetString());
                    }
                }
                else if (type == "function_call")
                {
                    calls.Add(new OpenAiFunctionCall(Text(item, "call_id"), Text(item, "name"), Text(item, "arguments")));
                }
            }
            OutputText = text.ToString();
            FunctionCalls = calls;
        }

        private static string Text(JsonElement item, string name) =>
            item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

        public override string ToString() => OutputText.Length > 0 ? OutputText : $"{Id} ({Status})";
    }

    /// <summary>A function call requested by the model: run it, send its output back with the call id.</summary>
    public sealed class OpenAiFunctionCall
    {
        public OpenAiFunctionCall(string callId, string name, string arguments)
        {
            CallId = callId;
            Name = name;
            Arguments = arguments;
        }

        public string CallId { get; }
        public string Name { get; }
        /// <summary>The arguments as the JSON object text the model wrote.</summary>
        public string Arguments { get; }

        public override string ToString() => $"{Name}({Arguments})";
    }

    public sealed class OpenAiResponseUsage
    {
        public long InputTokens { get; set; }
        public long OutputTokens { get; set; }
        public long TotalTokens { get; set; }
        public override string ToString() => $"{InputTokens} in, {OutputTokens} out";
    }

    public sealed class OpenAiResponseError
    {
        public string? Code { get; set; }
        public string? Message { get; set; }
        public override string ToString() => $"{Code}: {Message}";
    }

    /// <summary>The result of POST /responses/input_tokens.</summary>
    public sealed class OpenAiResponseInputTokens : OpenAiObject
    {
        public long InputTokens { get; set; }
        public override string ToString() => $"{InputTokens} input tokens";
    }

    /// <summary>An input item of a response, or an item of a conversation (message, function call, function output...).</summary>
    public sealed class OpenAiResponseItem : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;
        public string? Type { get; set; }
        public string? Role { get; set; }
        public string? Status { get; set; }
        public JsonElement? Content { get; set; }
        /// <summary>Function calls and their outputs: the call's id.</summary>
        public string? CallId { get; set; }
        /// <summary>Function calls: the function's name.</summary>
        public string? Name { get; set; }
        /// <summary>Function calls: the arguments as the JSON text the model wrote.</summary>
        public string? Arguments { get; set; }

        /// <summary>The conversation the item belongs to (set by the conversation cmdlets; not in the API object), so items
        /// pipe into Remove-OpenAiConversationItem.</summary>
        [JsonIgnore]
        public string? ConversationId { get; set; }

        /// <summary>The response the item is an input of (set by Get-OpenAiResponseInputItem; not in the API object).</summary>
        [JsonIgnore]
        public string? ResponseId { get; set; }

        /// <summary>The text parts of a message item, joined.</summary>
        [JsonIgnore]
        public string Text
        {
            get
            {
                if (Content is not { ValueKind: JsonValueKind.Array } parts) return string.Empty;
                var text = new StringBuilder();
                foreach (var part in parts.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var value) && value.ValueKind == JsonValueKind.String)
                        text.Append(value.GetString());
                }
                return text.ToString();
            }
        }

        public override string ToString() => Text.Length > 0 ? $"{Role}: {Text}" : $"{Type} {Id}";
    }

    /// <summary>One embedding: the input's position, the text, and the vector.</summary>
    public sealed class OpenAiEmbedding
    {
        public int Index { get; set; }
        public string Text { get; set; } = string.Empty;
        public float[] Vector { get; set; } = Array.Empty<float>();
        public string? Model { get; set; }
        public override string ToString() => $"{Index}: {Vector.Length} dimensions";
    }

    /// <summary>A moderation verdict for one input.</summary>
    public sealed class OpenAiModeration
    {
        public string Input { get; set; } = string.Empty;
        public bool Flagged { get; set; }
        /// <summary>The categories that were flagged.</summary>
        public string[] Categories { get; set; } = Array.Empty<string>();
        public Dictionary<string, double> CategoryScores { get; set; } = new Dictionary<string, double>();
        public string? Model { get; set; }

        public override string ToString() =>
            Flagged ? $"flagged ({string.Join(", ", Categories)}): {Input}" : $"not flagged: {Input}";
    }
}
