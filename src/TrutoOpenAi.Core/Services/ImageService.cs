using System;
using System.Buffers;
using System.Buffers.Text;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Images: generate (JSON body), edit and vary (multipart, files streamed from disk); answers as <see cref="ImagesAnswer"/> or an event stream.</summary>
    public sealed class ImageService
    {
        private readonly OpenAiClient _client;

        public ImageService(OpenAiClient client) => _client = client;

        public static OpenAiRequest GenerateRequest(JsonObject body) =>
            new OpenAiRequest(HttpMethod.Post, "images/generations").WithJsonBody(body.ToJsonString());

        public static OpenAiRequest EditRequest(MultipartBody form) => form.ToRequest("images/edits");

        public static OpenAiRequest VariationRequest(MultipartBody form) => form.ToRequest("images/variations");

        /// <summary>Sends an image request and keeps its answer (the images stay base64 in the answer until written).</summary>
        public async Task<ImagesAnswer> SendAsync(OpenAiRequest request, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            using var response = await _client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            try
            {
                return new ImagesAnswer(bytes);
            }
            catch (JsonException ex)
            {
                throw new OpenAiResponseException($"{request.Method} /{request.Path} answered with a body that is not an images answer: {ex.Message}", ex);
            }
        }

        /// <summary>Sends a streaming image request (<c>stream: true</c> already in the body) and opens its event stream.</summary>
        public Task<OpenAiEventStream> StreamAsync(OpenAiRequest request, IOpenAiCallObserver? observer, CancellationToken cancellationToken) =>
            OpenAiEventStream.OpenAsync(_client, request, OpenAiStreamFormat.Typed, null, observer, cancellationToken);

        /// <summary>Decodes the base64 image of a stream event (partial_image, completed) into <paramref name="destination"/>; returns the bytes written.</summary>
        public static long WriteEventImage(OpenAiStreamEvent item, Stream destination)
        {
            var bytes = Convert.FromBase64String(OpenAiStreamEvent.ReadString(item.Payload, "b64_json") ?? string.Empty);
            destination.Write(bytes, 0, bytes.Length);
            return bytes.Length;
        }

        /// <summary>A text field of a stream event's payload (size, quality, background...), or null.</summary>
        public static string? EventText(OpenAiStreamEvent item, string name) => OpenAiStreamEvent.ReadString(item.Payload, name);

        /// <summary>The usage object of an answer or a completed event, typed.</summary>
        public static OpenAiImageUsage? ReadUsage(JsonElement parent)
        {
            if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object) return null;
            int Read(string name) => usage.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
            return new OpenAiImageUsage { InputTokens = Read("input_tokens"), OutputTokens = Read("output_tokens"), TotalTokens = Read("total_tokens") };
        }
    }

    /// <summary>
    /// An ImagesResponse as received. The body is kept as bytes and each image's base64 is decoded from them in chunks straight
    /// into the destination stream (<see cref="WriteImage"/>): no decoded copy of an image and no text copy of its base64 is made.
    /// </summary>
    public sealed class ImagesAnswer
    {
        private readonly byte[] _body;
        private readonly List<Entry> _entries = new List<Entry>();

        internal ImagesAnswer(byte[] body)
        {
            _body = body;
            using (var document = JsonDocument.Parse(body))
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new JsonException("the answer is not a JSON object");
                string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (root.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.Number)
                    CreatedAt = DateTimeOffset.FromUnixTimeSeconds(created.GetInt64());
                Background = Text("background");
                OutputFormat = Text("output_format");
                Size = Text("size");
                Quality = Text("quality");
                Usage = ImageService.ReadUsage(root);
                if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                    foreach (var item in data.EnumerateArray())
                        _entries.Add(new Entry
                        {
                            Url = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null,
                            RevisedPrompt = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("revised_prompt", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                        });
            }
            LocateBase64();
        }

        public DateTimeOffset? CreatedAt { get; }
        public string? Background { get; }
        public string? OutputFormat { get; }
        public string? Size { get; }
        public string? Quality { get; }
        public OpenAiImageUsage? Usage { get; }

        /// <summary>The number of images in the answer.</summary>
        public int Count => _entries.Count;

        /// <summary>The URL of image <paramref name="index"/> (dall-e with response_format url), or null.</summary>
        public string? Url(int index) => _entries[index].Url;

        public string? RevisedPrompt(int index) => _entries[index].RevisedPrompt;

        /// <summary>True when image <paramref name="index"/> came as base64 (b64_json).</summary>
        public bool HasBytes(int index) => _entries[index].Length >= 0;

        /// <summary>Decodes image <paramref name="index"/> into <paramref name="destination"/> in chunks; returns the bytes written.</summary>
        public long WriteImage(int index, Stream destination)
        {
            var entry = _entries[index];
            if (entry.Length < 0) throw new InvalidOperationException($"Image {index} of the answer has no b64_json.");
            if (entry.Escaped)
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(_body, entry.Start - 1, entry.Length + 2));
                reader.Read();
                var decoded = Convert.FromBase64String(reader.GetString()!);
                destination.Write(decoded, 0, decoded.Length);
                return decoded.Length;
            }
            var source = new ReadOnlySpan<byte>(_body, entry.Start, entry.Length);
            var buffer = ArrayPool<byte>.Shared.Rent(48 * 1024);
            long total = 0;
            try
            {
                while (true)
                {
                    var status = Base64.DecodeFromUtf8(source, buffer, out var consumed, out var written, isFinalBlock: true);
                    destination.Write(buffer, 0, written);
                    total += written;
                    source = source.Slice(consumed);
                    if (status == OperationStatus.Done) break;
                    if (status != OperationStatus.DestinationTooSmall)
                        throw new OpenAiResponseException($"Image {index} of the answer is not valid base64.");
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
            return total;
        }

        // Finds where each data[i].b64_json string lies in the body (Utf8JsonReader gives the span of the raw value).
        private void LocateBase64()
        {
            var reader = new Utf8JsonReader(_body);
            var index = -1;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                var isData = reader.ValueTextEquals("data");
                reader.Read();
                if (!isData || reader.TokenType != JsonTokenType.StartArray)
                {
                    reader.Skip();
                    continue;
                }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    index++;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var isBase64 = reader.ValueTextEquals("b64_json");
                        reader.Read();
                        if (isBase64 && reader.TokenType == JsonTokenType.String && index < _entries.Count)
                        {
                            _entries[index].Start = (int)reader.TokenStartIndex + 1;
                            _entries[index].Length = reader.ValueSpan.Length;
                            _entries[index].Escaped = reader.ValueIsEscaped;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }
                }
            }
        }

        private sealed class Entry
        {
            public int Start;
            public int Length = -1;
            public bool Escaped;
            public string? Url;
            public string? RevisedPrompt;
        }
    }
}
