using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Threading;

namespace TrutoOpenAi.Core.Models.Platform
{
    /// <summary>
    /// One line of a batch input file (the spec's BatchRequestInput: custom_id, method, url, body), with the object it was
    /// made for attached, so the result of the line can be matched back to it. Made by the model cmdlets' -AsBatchRequest
    /// (<see cref="For"/>) and run by Invoke-OpenAiBatch.
    /// </summary>
    public sealed class OpenAiBatchRequest
    {
        private static readonly string SessionPrefix = "req-" + Guid.NewGuid().ToString("N").Substring(0, 8) + "-";
        private static long _counter;

        /// <summary>The id that matches the line's result to it; unique within a batch (default: req-&lt;session&gt;-&lt;n&gt;).</summary>
        public string CustomId { get; set; } = string.Empty;

        /// <summary>The HTTP method; the Batch API takes POST.</summary>
        public string Method { get; set; } = "POST";

        /// <summary>The endpoint, e.g. <c>/v1/responses</c>, <c>/v1/chat/completions</c>, <c>/v1/embeddings</c>.</summary>
        public string Url { get; set; } = string.Empty;

        /// <summary>The request body, as the endpoint takes it.</summary>
        public JsonObject? Body { get; set; }

        /// <summary>The object the request was made for (a piped string, a row...); never sent, carried to the result.</summary>
        [JsonIgnore]
        public object? InputObject { get; set; }

        /// <summary>A new line for <paramref name="url"/> with a fresh custom id (unique in this session).</summary>
        public static OpenAiBatchRequest For(string url, JsonObject body, object? inputObject) => new OpenAiBatchRequest
        {
            CustomId = NewCustomId(),
            Url = url,
            Body = body,
            InputObject = inputObject,
        };

        /// <summary>req-&lt;8 random hex digits of this session&gt;-&lt;counter&gt;.</summary>
        public static string NewCustomId() =>
            SessionPrefix + Interlocked.Increment(ref _counter).ToString("D6", CultureInfo.InvariantCulture);

        /// <summary>The line as the Batch API reads it: <c>{"custom_id":...,"method":...,"url":...,"body":{...}}</c>, no newline.</summary>
        public string ToJsonLine()
        {
            using var buffer = new System.IO.MemoryStream();
            WriteJsonLine(buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>Writes <see cref="ToJsonLine"/> as UTF-8 to <paramref name="stream"/>.</summary>
        public void WriteJsonLine(System.IO.Stream stream)
        {
            using var writer = new Utf8JsonWriter(stream);
            writer.WriteStartObject();
            writer.WriteString("custom_id", CustomId);
            writer.WriteString("method", Method);
            writer.WriteString("url", Url);
            writer.WritePropertyName("body");
            if (Body is null) writer.WriteStartObject();
            else Body.WriteTo(writer);
            if (Body is null) writer.WriteEndObject();
            writer.WriteEndObject();
        }

        public override string ToString() => $"{CustomId}: {Method} {Url}";
    }

    /// <summary>
    /// The result of one batch request line, matched through its custom_id and carrying the input object it was made for.
    /// <see cref="Succeeded"/> is false for a line that failed (an error status, an error, a failed or incomplete response,
    /// or no result because its batch failed, expired, was cancelled or is still running): <see cref="ErrorCode"/> and
    /// <see cref="ErrorMessage"/> say why.
    /// </summary>
    public sealed class OpenAiBatchResult
    {
        /// <summary>The position of the input among those given (0-based).</summary>
        public int Index { get; set; }

        public string CustomId { get; set; } = string.Empty;

        /// <summary>The object the request was made for.</summary>
        public object? InputObject { get; set; }

        /// <summary>True when the request answered 2xx with a usable result.</summary>
        public bool Succeeded { get; set; }

        /// <summary>The result's text: a response's OutputText, a chat completion's first message content, or an embedding's vector.</summary>
        public object? Output { get; set; }

        /// <summary>The typed answer where the module has a type for it (OpenAiResponse, OpenAiEmbedding...), else the raw body.</summary>
        public object? Response { get; set; }

        /// <summary>The HTTP status the request got (null when it never ran).</summary>
        public int? StatusCode { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        /// <summary>The batch that ran the request.</summary>
        public string? BatchId { get; set; }

        /// <summary>The API's request id of the line (quote it to OpenAI support).</summary>
        public string? RequestId { get; set; }

        /// <summary>The endpoint, e.g. /v1/responses.</summary>
        public string? Url { get; set; }

        /// <summary>The response body as the API returned it (null when the request never ran).</summary>
        public JsonElement? Body { get; set; }

        public override string ToString() => Succeeded ? $"{CustomId}: {Output}" : $"{CustomId}: {ErrorCode}: {ErrorMessage}";
    }
}
