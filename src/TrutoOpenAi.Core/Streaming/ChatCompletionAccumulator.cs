using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.ChatCompletions;

namespace TrutoOpenAi.Core.Streaming
{
    /// <summary>
    /// Builds the <c>chat.completion</c> a stream of <c>chat.completion.chunk</c> events amounts to, so a streamed call
    /// gives the same object as one without streaming: content and refusal deltas are joined per choice, tool calls are
    /// gathered by their <c>index</c> (the id, type and name arrive once, the arguments in pieces), and the usage comes
    /// from the last chunk when the request asked for <c>stream_options.include_usage</c>.
    /// </summary>
    public sealed class ChatCompletionAccumulator
    {
        private readonly SortedDictionary<int, ChoiceBuilder> _choices = new SortedDictionary<int, ChoiceBuilder>();
        private readonly JsonObject _top = new JsonObject();
        private JsonNode? _usage;

        /// <summary>Chunks added so far.</summary>
        public int Chunks { get; private set; }

        /// <summary>Adds one chunk (the payload of a <c>chat.completion.chunk</c> event).</summary>
        public void Add(JsonElement chunk)
        {
            if (chunk.ValueKind != JsonValueKind.Object) return;
            Chunks++;
            foreach (var name in new[] { "id", "created", "model", "service_tier", "system_fingerprint" })
            {
                if (!_top.ContainsKey(name) && chunk.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
                    _top[name] = JsonNode.Parse(value.GetRawText());
            }
            if (chunk.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object) _usage = JsonNode.Parse(usage.GetRawText());
            if (!chunk.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array) return;
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind != JsonValueKind.Object) continue;
                var index = choice.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;
                if (!_choices.TryGetValue(index, out var builder)) _choices[index] = builder = new ChoiceBuilder();
                if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String) builder.FinishReason = finish.GetString();
                if (choice.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object) builder.Add(delta);
            }
        }

        /// <summary>The completion so far (after the last chunk: the whole completion).</summary>
        public OpenAiChatCompletion ToCompletion()
        {
            var completion = (JsonObject)_top.DeepClone();
            completion["object"] = "chat.completion";
            completion["choices"] = new JsonArray(_choices.Select(pair => (JsonNode?)pair.Value.ToJson(pair.Key)).ToArray());
            if (_usage != null) completion["usage"] = _usage.DeepClone();
            // Not disposed: the completion's extension data may point into the document.
            return OpenAiObject.From<OpenAiChatCompletion>(JsonDocument.Parse(completion.ToJsonString()).RootElement);
        }

        private sealed class ChoiceBuilder
        {
            private readonly SortedDictionary<int, ToolCallBuilder> _toolCalls = new SortedDictionary<int, ToolCallBuilder>();
            private StringBuilder? _content;
            private StringBuilder? _refusal;
            private string _role = "assistant";

            public string? FinishReason { get; set; }

            public void Add(JsonElement delta)
            {
                if (delta.TryGetProperty("role", out var role) && role.ValueKind == JsonValueKind.String) _role = role.GetString()!;
                if (delta.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String) (_content ??= new StringBuilder()).Append(content.GetString());
                if (delta.TryGetProperty("refusal", out var refusal) && refusal.ValueKind == JsonValueKind.String) (_refusal ??= new StringBuilder()).Append(refusal.GetString());
                if (!delta.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array) return;
                foreach (var call in calls.EnumerateArray())
                {
                    if (call.ValueKind != JsonValueKind.Object) continue;
                    var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : _toolCalls.Count;
                    if (!_toolCalls.TryGetValue(index, out var builder)) _toolCalls[index] = builder = new ToolCallBuilder();
                    builder.Add(call);
                }
            }

            public JsonObject ToJson(int index)
            {
                var message = new JsonObject
                {
                    ["role"] = _role,
                    ["content"] = _content?.ToString(),
                    ["refusal"] = _refusal?.ToString(),
                    ["annotations"] = new JsonArray(),
                };
                if (_toolCalls.Count > 0) message["tool_calls"] = new JsonArray(_toolCalls.Values.Select(c => (JsonNode?)c.ToJson()).ToArray());
                return new JsonObject { ["index"] = index, ["message"] = message, ["logprobs"] = null, ["finish_reason"] = FinishReason };
            }
        }

        private sealed class ToolCallBuilder
        {
            private readonly StringBuilder _arguments = new StringBuilder();
            private string? _id;
            private string? _type;
            private string? _name;

            public void Add(JsonElement call)
            {
                if (call.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String) _id = id.GetString();
                if (call.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String) _type = type.GetString();
                if (!call.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object) return;
                if (function.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(name.GetString())) _name = name.GetString();
                if (function.TryGetProperty("arguments", out var arguments) && arguments.ValueKind == JsonValueKind.String) _arguments.Append(arguments.GetString());
            }

            public JsonObject ToJson() => new JsonObject
            {
                ["id"] = _id,
                ["type"] = _type ?? "function",
                ["function"] = new JsonObject { ["name"] = _name, ["arguments"] = _arguments.ToString() },
            };
        }
    }
}
