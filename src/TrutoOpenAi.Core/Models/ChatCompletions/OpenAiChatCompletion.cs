using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TrutoOpenAi.Core.Models.Responses;

namespace TrutoOpenAi.Core.Models.ChatCompletions
{
    /// <summary>
    /// A chat completion (<c>chat.completion</c>). <see cref="Content"/>, <see cref="FinishReason"/> and
    /// <see cref="FunctionCalls"/> read the first choice; <see cref="History"/> is the conversation so far (the messages
    /// sent and the answer), which a next call continues from: Chat Completions keep no state on the server.
    /// </summary>
    public sealed class OpenAiChatCompletion : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>When the completion was created (the API's <c>created</c>).</summary>
        public DateTimeOffset Created { get; set; }

        public string? Model { get; set; }

        public List<OpenAiChatChoice> Choices { get; set; } = new List<OpenAiChatChoice>();

        public OpenAiChatUsage? Usage { get; set; }

        /// <summary>The metadata of a stored completion (<c>store: true</c>).</summary>
        public Dictionary<string, string>? Metadata { get; set; }

        public string? ServiceTier { get; set; }

        public string? SystemFingerprint { get; set; }

        /// <summary>The completion's id under the name its messages bind by (Get-OpenAiChatCompletionMessage -CompletionId).</summary>
        [JsonIgnore]
        public string CompletionId => Id;

        /// <summary>The first choice's answer message.</summary>
        [JsonIgnore]
        public OpenAiChatMessage? Message => Choices.OrderBy(c => c.Index).FirstOrDefault()?.Message;

        /// <summary>The first choice's text (empty when the model called tools instead).</summary>
        [JsonIgnore]
        public string Content => Message?.Content ?? string.Empty;

        /// <summary>Why the first choice ended: stop, length, tool_calls, content_filter.</summary>
        [JsonIgnore]
        public string? FinishReason => Choices.OrderBy(c => c.Index).FirstOrDefault()?.FinishReason;

        /// <summary>The function calls of the first choice.</summary>
        [JsonIgnore]
        public IReadOnlyList<OpenAiFunctionCall> FunctionCalls => Message?.FunctionCalls ?? Array.Empty<OpenAiFunctionCall>();

        /// <summary>
        /// The conversation: the messages sent (system, earlier turns, tool results, the new user message) followed by the
        /// answer. Set by Invoke-OpenAiChatCompletion; piping the completion into it again continues from here.
        /// </summary>
        [JsonIgnore]
        public IReadOnlyList<OpenAiChatMessage> History { get; set; } = Array.Empty<OpenAiChatMessage>();

        public override string ToString() => Content.Length > 0 ? Content : $"{Id} ({FinishReason})";
    }

    /// <summary>One choice of a chat completion.</summary>
    public sealed class OpenAiChatChoice
    {
        public int Index { get; set; }

        /// <summary>stop, length, tool_calls, content_filter or function_call.</summary>
        public string? FinishReason { get; set; }

        public OpenAiChatMessage? Message { get; set; }

        public JsonElement? Logprobs { get; set; }

        public override string ToString() => $"{Index}: {Message}";
    }

    /// <summary>
    /// A chat message: one the model answered, one of a stored completion (with <see cref="Id"/>), or one of a
    /// conversation's <see cref="OpenAiChatCompletion.History"/>. <see cref="Content"/> is its text; content given as
    /// parts (text and images) is in <see cref="ContentParts"/>.
    /// </summary>
    public sealed class OpenAiChatMessage : OpenAiObject
    {
        /// <summary>The id of a stored completion's message (<c>chatcmpl-...-0</c>).</summary>
        public string? Id { get; set; }

        /// <summary>system, developer, user, assistant or tool.</summary>
        public string Role { get; set; } = string.Empty;

        /// <summary>The text of the message (for content given as parts, their text joined).</summary>
        public string? Content { get; set; }

        /// <summary>The content parts (text, image_url, ...) when the message was sent as parts.</summary>
        public JsonElement? ContentParts { get; set; }

        public string? Name { get; set; }

        public string? Refusal { get; set; }

        /// <summary>The tool calls of an assistant message.</summary>
        public List<OpenAiChatToolCall>? ToolCalls { get; set; }

        /// <summary>The call a tool message answers.</summary>
        public string? ToolCallId { get; set; }

        /// <summary>The completion a listed message belongs to (set by Get-OpenAiChatCompletionMessage).</summary>
        [JsonIgnore]
        public string? CompletionId { get; set; }

        /// <summary>The function calls of an assistant message, in the form the function loop runs.</summary>
        [JsonIgnore]
        public IReadOnlyList<OpenAiFunctionCall> FunctionCalls =>
            ToolCalls?.Where(c => c.Function != null).Select(c => new OpenAiFunctionCall(c.Id, c.Function!.Name, c.Function.Arguments ?? string.Empty)).ToList()
            ?? (IReadOnlyList<OpenAiFunctionCall>)Array.Empty<OpenAiFunctionCall>();

        /// <summary>A message as the request's <c>messages</c> take it (the content parts, when there are any, as content).</summary>
        public JsonObject ToRequest()
        {
            var message = new JsonObject { ["role"] = Role };
            if (ContentParts is { ValueKind: JsonValueKind.Array } parts) message["content"] = JsonNode.Parse(parts.GetRawText());
            else message["content"] = Content;
            if (!string.IsNullOrEmpty(Name)) message["name"] = Name;
            if (!string.IsNullOrEmpty(ToolCallId)) message["tool_call_id"] = ToolCallId;
            if (ToolCalls is { Count: > 0 })
            {
                message["tool_calls"] = new JsonArray(ToolCalls.Select(c => (JsonNode?)new JsonObject
                {
                    ["id"] = c.Id,
                    ["type"] = c.Type ?? "function",
                    ["function"] = new JsonObject { ["name"] = c.Function?.Name, ["arguments"] = c.Function?.Arguments ?? string.Empty },
                }).ToArray());
            }
            return message;
        }

        /// <summary>Reads a request message (content as text or as parts).</summary>
        public static OpenAiChatMessage FromRequest(JsonObject message)
        {
            var element = JsonDocument.Parse(message.ToJsonString()).RootElement;
            var result = From<OpenAiChatMessage>(element);
            if (element.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
            {
                result.ContentParts = content.Clone();
                var text = new StringBuilder();
                foreach (var part in content.EnumerateArray())
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String) text.Append(t.GetString());
                result.Content = text.ToString();
                result.AdditionalProperties?.Remove("content");
            }
            return result;
        }

        public override string ToString()
        {
            if (ToolCalls is { Count: > 0 }) return $"{Role}: " + string.Join(", ", FunctionCalls);
            return $"{Role}: {Content}";
        }
    }

    /// <summary>A tool call of an assistant message.</summary>
    public sealed class OpenAiChatToolCall
    {
        public string Id { get; set; } = string.Empty;
        public string? Type { get; set; }
        public OpenAiChatFunctionCall? Function { get; set; }
        public override string ToString() => Function is null ? $"{Type} {Id}" : $"{Function.Name}({Function.Arguments})";
    }

    /// <summary>The function a tool call names, and its arguments as JSON text.</summary>
    public sealed class OpenAiChatFunctionCall
    {
        public string Name { get; set; } = string.Empty;
        public string? Arguments { get; set; }
    }

    /// <summary>Token usage of a chat completion.</summary>
    public sealed class OpenAiChatUsage
    {
        public long PromptTokens { get; set; }
        public long CompletionTokens { get; set; }
        public long TotalTokens { get; set; }
        public override string ToString() => $"{PromptTokens} in, {CompletionTokens} out";
    }
}
