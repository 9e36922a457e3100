using System.Text.Json;

namespace TrutoOpenAi.Core.Streaming
{
    /// <summary>How the events of a stream are named and how the stream ends.</summary>
    public enum OpenAiStreamFormat
    {
        /// <summary>Responses API: the type is the data's <c>type</c>; the stream ends with <c>response.completed</c>,
        /// <c>response.failed</c>, <c>response.incomplete</c> or <c>error</c> (no <c>[DONE]</c>).</summary>
        Responses,
        /// <summary>Chat completions: <c>data:</c>-only <c>chat.completion.chunk</c> objects ending with <c>data: [DONE]</c>.</summary>
        ChatCompletions,
        /// <summary>Assistants runs: the type is the <c>event:</c> line (<c>thread.run.created</c>, ...); ends with <c>event: done</c> / <c>[DONE]</c>.</summary>
        Assistants,
        /// <summary>Other typed streams (audio, images): the type is the data's <c>type</c>; the end of the body is a normal end.</summary>
        Typed,
    }

    /// <summary>
    /// One typed event of a stream. The common fields are lifted out (<see cref="Type"/>, <see cref="SequenceNumber"/>,
    /// <see cref="Delta"/>, <see cref="ItemId"/>, <see cref="OutputIndex"/>); everything else is in <see cref="Payload"/>.
    /// </summary>
    public sealed class OpenAiStreamEvent
    {
        public OpenAiStreamEvent(string type, string? eventName, JsonElement payload, string rawJson, int frameNumber, bool isTerminal)
        {
            Type = type;
            EventName = eventName;
            Payload = payload;
            RawJson = rawJson;
            FrameNumber = frameNumber;
            IsTerminal = isTerminal;
            SequenceNumber = ReadInt(payload, "sequence_number");
            ItemId = ReadString(payload, "item_id");
            OutputIndex = ReadInt(payload, "output_index");
            ContentIndex = ReadInt(payload, "content_index");
            Delta = ReadDelta(type, payload);
        }

        /// <summary>The event type: <c>response.output_text.delta</c>, <c>chat.completion.chunk</c>, <c>thread.message.delta</c>, ...</summary>
        public string Type { get; }

        /// <summary>The <c>event:</c> line, when the frame had one.</summary>
        public string? EventName { get; }

        /// <summary>The Responses API's <c>sequence_number</c> (resume point), when present.</summary>
        public int? SequenceNumber { get; }

        /// <summary>The text this event adds: a Responses delta (text, refusal, reasoning, arguments), a chat chunk's
        /// first choice content, or an assistants message delta's text.</summary>
        public string? Delta { get; }

        public string? ItemId { get; }
        public int? OutputIndex { get; }
        public int? ContentIndex { get; }

        /// <summary>True for the event that ends the stream (<c>response.completed</c>, <c>response.failed</c>, ...).</summary>
        public bool IsTerminal { get; }

        /// <summary>1-based frame position in the stream.</summary>
        public int FrameNumber { get; }

        /// <summary>The event's data as JSON.</summary>
        public JsonElement Payload { get; }

        /// <summary>The event's data exactly as sent.</summary>
        public string RawJson { get; }

        /// <summary>True for an output-text delta (Responses <c>response.output_text.delta</c>, a chat chunk's content,
        /// an assistants <c>thread.message.delta</c>, <c>transcript.text.delta</c>): the text a user reads live.</summary>
        public bool IsTextDelta =>
            Delta != null && (Type == "response.output_text.delta" || Type == "chat.completion.chunk"
                              || Type == "thread.message.delta" || Type == "transcript.text.delta" || Type == "response.refusal.delta");

        /// <summary>The Response object carried by lifecycle events (<c>response.created</c> ... <c>response.completed</c>).</summary>
        public JsonElement? Response =>
            Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;

        /// <summary>For <c>error</c> events (and failed responses): the error message.</summary>
        public string? ErrorMessage => ErrorField("message");

        /// <summary>For <c>error</c> events (and failed responses): the error code.</summary>
        public string? ErrorCode => ErrorField("code");

        private string? ErrorField(string name)
        {
            if (Payload.ValueKind != JsonValueKind.Object) return null;
            if (Payload.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object) return ReadString(e, name);
            if (Type == "error") return ReadString(Payload, name);
            if (Response is { } response && response.TryGetProperty("error", out var re) && re.ValueKind == JsonValueKind.Object) return ReadString(re, name);
            return null;
        }

        public override string ToString() => SequenceNumber is { } n ? $"{n} {Type}" : Type;

        private static string? ReadDelta(string type, JsonElement payload)
        {
            if (payload.ValueKind != JsonValueKind.Object) return null;
            if (payload.TryGetProperty("delta", out var delta))
            {
                if (delta.ValueKind == JsonValueKind.String) return delta.GetString();
                // thread.message.delta: {delta: {content: [{type: text, text: {value}}]}}
                if (delta.ValueKind == JsonValueKind.Object && delta.TryGetProperty("content", out var parts) && parts.ValueKind == JsonValueKind.Array)
                {
                    string? text = null;
                    foreach (var part in parts.EnumerateArray())
                    {
                        if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var t)
                            && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
                            text += v.GetString();
                    }
                    return text;
                }
                return null;
            }
            // chat.completion.chunk: {choices: [{index: 0, delta: {content}}]}
            if (type == "chat.completion.chunk" && payload.TryGetProperty("choices", out var choices) && choices.ValueKind == JsonValueKind.Array)
            {
                foreach (var choice in choices.EnumerateArray())
                {
                    if (choice.ValueKind == JsonValueKind.Object && choice.TryGetProperty("delta", out var d) && d.ValueKind == JsonValueKind.Object
                        && d.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String)
                        return c.GetString();
                }
            }
            return null;
        }

        internal static int? ReadInt(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number) ? number : (int?)null;

        internal static string? ReadString(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
    }
}
