using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Models.Responses;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>The requests of one batch to create: one endpoint, the inputs' positions, their JSONL lines.</summary>
    public sealed class BatchChunk
    {
        internal BatchChunk(string endpoint) => Endpoint = endpoint;

        /// <summary>The endpoint every line of the chunk calls, e.g. /v1/responses.</summary>
        public string Endpoint { get; }

        /// <summary>The positions of the chunk's requests among all the inputs, ascending.</summary>
        public List<int> Indexes { get; } = new List<int>();

        /// <summary>The UTF-8 JSON line of each request (no newline), in the order of <see cref="Indexes"/>.</summary>
        public List<byte[]> Lines { get; } = new List<byte[]>();

        /// <summary>The size of the JSONL file the chunk makes, newlines included.</summary>
        public long Bytes { get; internal set; }
    }

    /// <summary>What the output or error file says about one request.</summary>
    public sealed class BatchLineOutcome
    {
        public int? StatusCode { get; set; }
        public string? RequestId { get; set; }
        public JsonElement? Body { get; set; }
        public string? ErrorCode { get; set; }
        public string? ErrorMessage { get; set; }
    }

    /// <summary>
    /// The pure parts of the batch workflow (Invoke-OpenAiBatch): cutting request lines into batches within the API's
    /// limits, writing the JSONL input file, reading the output and error files, and turning each line's outcome into a
    /// typed <see cref="OpenAiBatchResult"/>. The HTTP calls are the existing File and Batch services.
    /// </summary>
    public static class BatchWorkflow
    {
        /// <summary>The endpoints a batch can call (the spec's enum of create-batch's endpoint).</summary>
        public static readonly IReadOnlyList<string> Endpoints = new[]
        {
            "/v1/responses", "/v1/chat/completions", "/v1/embeddings", "/v1/completions", "/v1/moderations",
            "/v1/images/generations", "/v1/images/edits", "/v1/videos",
        };

        /// <summary>The API's limit of requests in one batch input file.</summary>
        public const int MaxRequestsPerBatch = 50_000;

        /// <summary>The API's limit of a batch input file's size ("200 MB", read as 200,000,000 bytes to be safe either way).</summary>
        public const long MaxBytesPerBatch = 200_000_000;

        private static readonly Dictionary<string, Func<JsonElement, OpenAiBatchRequest, int, Converted>> Converters =
            new Dictionary<string, Func<JsonElement, OpenAiBatchRequest, int, Converted>>(StringComparer.Ordinal)
            {
                ["/v1/responses"] = ConvertResponse,
                ["/v1/embeddings"] = ConvertEmbedding,
                ["/v1/chat/completions"] = ConvertChatCompletion,
                ["/v1/moderations"] = ConvertModeration,
            };

        /// <summary>What a result body means: the typed answer, its output, and for a failed answer the error.</summary>
        public readonly struct Converted
        {
            public Converted(object? response, object? output, string? errorCode = null, string? errorMessage = null)
            {
                Response = response;
                Output = output;
                ErrorCode = errorCode;
                ErrorMessage = errorMessage;
            }

            public object? Response { get; }
            public object? Output { get; }
            public string? ErrorCode { get; }
            public string? ErrorMessage { get; }
        }

        /// <summary>
        /// Sets how successful bodies of <paramref name="url"/> become typed results (the body, the request, the input's
        /// position); e.g. the chat cmdlets register /v1/chat/completions with their own type.
        /// </summary>
        public static void RegisterConverter(string url, Func<JsonElement, OpenAiBatchRequest, int, Converted> converter)
        {
            lock (Converters) Converters[url] = converter;
        }

        /// <summary>
        /// Groups the requests by endpoint (a batch has one) in order of first appearance and cuts each group into batches
        /// of at most <paramref name="maxRequests"/> lines and <paramref name="maxBytes"/> bytes, keeping input order inside
        /// each. A single line above <paramref name="maxBytes"/> cannot go in any batch: OpenAiBatchRequestTooLarge.
        /// </summary>
        public static List<BatchChunk> Split(IReadOnlyList<OpenAiBatchRequest> requests, int maxRequests = MaxRequestsPerBatch, long maxBytes = MaxBytesPerBatch)
        {
            if (maxRequests < 1) throw new ArgumentOutOfRangeException(nameof(maxRequests));
            var chunks = new List<BatchChunk>();
            var open = new Dictionary<string, BatchChunk>(StringComparer.Ordinal);
            for (var i = 0; i < requests.Count; i++)
            {
                var request = requests[i];
                byte[] line;
                using (var buffer = new MemoryStream())
                {
                    request.WriteJsonLine(buffer);
                    line = buffer.ToArray();
                }
                if (line.Length + 1 > maxBytes)
                    throw new OpenAiValidationException("InputObject",
                        $"The request '{request.CustomId}' is {line.Length + 1:N0} bytes as a JSONL line; a batch input file can hold at most {maxBytes:N0} bytes.",
                        "OpenAiBatchRequestTooLarge");
                if (!open.TryGetValue(request.Url, out var chunk) || chunk.Indexes.Count >= maxRequests || chunk.Bytes + line.Length + 1 > maxBytes)
                {
                    chunk = new BatchChunk(request.Url);
                    chunks.Add(chunk);
                    open[request.Url] = chunk;
                }
                chunk.Indexes.Add(i);
                chunk.Lines.Add(line);
                chunk.Bytes += line.Length + 1;
            }
            return chunks;
        }

        /// <summary>Writes the chunk as a JSONL file: each line followed by a newline.</summary>
        public static void WriteJsonl(BatchChunk chunk, Stream destination)
        {
            foreach (var line in chunk.Lines)
            {
                destination.Write(line, 0, line.Length);
                destination.WriteByte((byte)'\n');
            }
        }

        /// <summary>
        /// Reads an output or error file (BatchRequestOutput lines: id, custom_id, response {status_code, request_id, body},
        /// error {code, message}) into <paramref name="into"/> by custom_id. Lines that are not JSON objects with a custom_id
        /// are skipped and counted in the return value.
        /// </summary>
        public static int ReadOutcomes(Stream jsonl, IDictionary<string, BatchLineOutcome> into)
        {
            var skipped = 0;
            using var reader = new StreamReader(jsonl, new UTF8Encoding(false), false, 81920, leaveOpen: true);
            string? text;
            while ((text = reader.ReadLine()) != null)
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                JsonElement root;
                try
                {
                    using var document = JsonDocument.Parse(text);
                    root = document.RootElement.Clone();
                }
                catch (JsonException)
                {
                    skipped++;
                    continue;
                }
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("custom_id", out var id) || id.ValueKind != JsonValueKind.String)
                {
                    skipped++;
                    continue;
                }
                var outcome = new BatchLineOutcome();
                if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
                {
                    if (response.TryGetProperty("status_code", out var status) && status.ValueKind == JsonValueKind.Number) outcome.StatusCode = status.GetInt32();
                    if (response.TryGetProperty("request_id", out var requestId) && requestId.ValueKind == JsonValueKind.String) outcome.RequestId = requestId.GetString();
                    if (response.TryGetProperty("body", out var body) && body.ValueKind != JsonValueKind.Null) outcome.Body = body;
                    var failedStatus = !(outcome.StatusCode is int code && code >= 200 && code < 300);
                    if (failedStatus && outcome.Body is { ValueKind: JsonValueKind.Object } b && b.TryGetProperty("error", out var bodyError) && bodyError.ValueKind == JsonValueKind.Object)
                    {
                        outcome.ErrorCode = Text(bodyError, "code") ?? Text(bodyError, "type");
                        outcome.ErrorMessage = Text(bodyError, "message");
                    }
                }
                if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    outcome.ErrorCode = Text(error, "code") ?? outcome.ErrorCode;
                    outcome.ErrorMessage = Text(error, "message") ?? outcome.ErrorMessage;
                }
                into[id.GetString()!] = outcome;
            }
            return skipped;
        }

        /// <summary>
        /// The result of input <paramref name="index"/>: from its line's outcome when there is one, else an error result
        /// with <paramref name="missingCode"/> and <paramref name="missingMessage"/> (its batch failed, expired...).
        /// </summary>
        public static OpenAiBatchResult ToResult(int index, OpenAiBatchRequest request, BatchLineOutcome? outcome, string? batchId,
            string missingCode, string missingMessage)
        {
            var result = new OpenAiBatchResult
            {
                Index = index,
                CustomId = request.CustomId,
                InputObject = request.InputObject,
                BatchId = batchId,
                Url = request.Url,
            };
            if (outcome is null)
            {
                result.ErrorCode = missingCode;
                result.ErrorMessage = missingMessage;
                return result;
            }
            result.StatusCode = outcome.StatusCode;
            result.RequestId = outcome.RequestId;
            result.Body = outcome.Body;
            result.Response = outcome.Body;
            var ok = outcome.StatusCode is int status && status >= 200 && status < 300 && outcome.ErrorCode is null && outcome.ErrorMessage is null;
            if (!ok)
            {
                result.ErrorCode = outcome.ErrorCode ?? (outcome.StatusCode is int code ? "http_" + code : "no_response");
                result.ErrorMessage = outcome.ErrorMessage ?? (outcome.StatusCode is int s ? $"The request answered HTTP {s}." : "The request has no response.");
                return result;
            }
            Func<JsonElement, OpenAiBatchRequest, int, Converted>? converter;
            lock (Converters) Converters.TryGetValue(request.Url, out converter);
            if (converter is null || outcome.Body is not JsonElement body || body.ValueKind != JsonValueKind.Object)
            {
                result.Succeeded = true;
                return result;
            }
            try
            {
                var converted = converter(body, request, index);
                result.Response = converted.Response;
                result.Output = converted.Output;
                result.ErrorCode = converted.ErrorCode;
                result.ErrorMessage = converted.ErrorMessage;
                result.Succeeded = converted.ErrorCode is null && converted.ErrorMessage is null;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is KeyNotFoundException || ex is FormatException)
            {
                result.ErrorCode = "unreadable_response";
                result.ErrorMessage = $"The response body is not the shape {request.Url} answers: {ex.Message}";
            }
            return result;
        }

        private static Converted ConvertResponse(JsonElement body, OpenAiBatchRequest request, int index)
        {
            var response = OpenAiObject.From<OpenAiResponse>(body);
            switch (response.Status)
            {
                case "failed":
                    return new Converted(response, response.OutputText, response.Error?.Code ?? "response_failed", response.Error?.Message ?? "The response failed.");
                case "incomplete":
                    var reason = response.IncompleteDetails is { ValueKind: JsonValueKind.Object } details ? Text(details, "reason") : null;
                    return new Converted(response, response.OutputText, "response_incomplete", $"The response is incomplete ({reason ?? "no reason given"}).");
                case "cancelled":
                    return new Converted(response, response.OutputText, "response_cancelled", "The response was cancelled.");
                default:
                    return new Converted(response, response.OutputText);
            }
        }

        private static Converted ConvertEmbedding(JsonElement body, OpenAiBatchRequest request, int index)
        {
            var data = body.GetProperty("data");
            var vectors = data.EnumerateArray().Select(item =>
            {
                var embedding = item.GetProperty("embedding");
                return embedding.ValueKind == JsonValueKind.String
                    ? ResponseService.DecodeEmbedding(embedding.GetString()!)
                    : embedding.EnumerateArray().Select(v => v.GetSingle()).ToArray();
            }).ToList();
            var model = body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var input = request.Body?["input"];
            if (vectors.Count == 1)
            {
                var text = input is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var s) ? s : input?.ToJsonString() ?? string.Empty;
                var embedding = new OpenAiEmbedding { Index = index, Text = text, Vector = vectors[0], Model = model };
                return new Converted(embedding, embedding.Vector);
            }
            var texts = input as System.Text.Json.Nodes.JsonArray;
            var embeddings = vectors.Select((vector, i) => new OpenAiEmbedding
            {
                Index = i,
                Text = texts != null && i < texts.Count ? texts[i]?.ToString() ?? string.Empty : string.Empty,
                Vector = vector,
                Model = model,
            }).ToArray();
            return new Converted(embeddings, embeddings.Select(e => e.Vector).ToArray());
        }

        private static Converted ConvertChatCompletion(JsonElement body, OpenAiBatchRequest request, int index)
        {
            var completion = OpenAiObject.From<Models.ChatCompletions.OpenAiChatCompletion>(body);
            return new Converted(completion, completion.Content);
        }

        /// <summary>A moderation line: one OpenAiModeration per input (its Output whether it was flagged), or an array of them for a list input.</summary>
        private static Converted ConvertModeration(JsonElement body, OpenAiBatchRequest request, int index)
        {
            var input = request.Body?["input"];
            var texts = input is System.Text.Json.Nodes.JsonArray list
                ? list.Select(t => t is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var s) ? s : t?.ToJsonString() ?? string.Empty).ToList()
                : new List<string> { input is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : input?.ToJsonString() ?? string.Empty };
            var results = ResponseService.ReadModerations(body, texts, null);
            return results.Count == 1 ? new Converted(results[0], results[0].Flagged) : new Converted(results.ToArray(), results.Select(r => r.Flagged).ToArray());
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
