using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>Audio: speech from text (bytes or an SSE stream of audio deltas), transcription and translation of audio files.</summary>
    public sealed class AudioService
    {
        private readonly OpenAiClient _client;

        public AudioService(OpenAiClient client) => _client = client;

        /// <summary>
        /// Sends POST /audio/speech and writes the audio to <paramref name="destination"/> as it arrives: the response body
        /// as is, or with <c>stream_format: sse</c> the decoded <c>speech.audio.delta</c> chunks. Returns the bytes written.
        /// </summary>
        public async Task<long> SpeechAsync(SpeechRequest body, Stream destination, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var request = new OpenAiRequest(HttpMethod.Post, "audio/speech").WithJsonBody(body);
            if (body.StreamFormat != "sse") return await _client.DownloadAsync(request, destination, observer, cancellationToken).ConfigureAwait(false);
            using var stream = await OpenAiEventStream.OpenAsync(_client, request, OpenAiStreamFormat.Typed, null, observer, cancellationToken).ConfigureAwait(false);
            long total = 0;
            while (await stream.MoveNextAsync(cancellationToken).ConfigureAwait(false))
            {
                var item = stream.Current!;
                if (item.Type == "error") throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"the server sent an error event: {item.ErrorCode} {item.ErrorMessage}");
                if (item.Type != "speech.audio.delta") continue;
                var chunk = Convert.FromBase64String(OpenAiStreamEvent.ReadString(item.Payload, "audio") ?? string.Empty);
                await destination.WriteAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false);
                total += chunk.Length;
            }
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return total;
        }

        /// <summary>
        /// Sends POST /audio/transcriptions (or /audio/translations with <paramref name="translate"/>) with the multipart
        /// <paramref name="form"/>; the file streams from disk. A JSON answer becomes the typed transcript; a text, srt or
        /// vtt answer becomes its <see cref="OpenAiTranscription.Text"/>.
        /// </summary>
        public async Task<OpenAiTranscription> TranscribeAsync(bool translate, MultipartBody form, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            var request = form.ToRequest(translate ? "audio/translations" : "audio/transcriptions");
            using var response = await _client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            OpenAiTranscription transcript;
            if (mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                using var document = JsonDocument.Parse(bytes);
                using (Json.TolerantReader.Observe(observer)) transcript = OpenAiObject.From<OpenAiTranscription>(document.RootElement);
            }
            else
            {
                transcript = new OpenAiTranscription { Text = Encoding.UTF8.GetString(bytes) };
            }
            transcript.Task ??= translate ? "translate" : "transcribe";
            return transcript;
        }

        /// <summary>Sends POST /audio/transcriptions with <c>stream=true</c> and opens its event stream (transcript.text.delta ... transcript.text.done).</summary>
        public Task<OpenAiEventStream> TranscribeStreamAsync(MultipartBody form, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            form.Field("stream", "true");
            return OpenAiEventStream.OpenAsync(_client, form.ToRequest("audio/transcriptions"), OpenAiStreamFormat.Typed, null, observer, cancellationToken);
        }

        /// <summary>The transcript carried by a <c>transcript.text.done</c> event.</summary>
        public static OpenAiTranscription FromDoneEvent(OpenAiStreamEvent done)
        {
            var transcript = OpenAiObject.From<OpenAiTranscription>(done.Payload);
            transcript.Object = null;
            transcript.Task = "transcribe";
            return transcript;
        }
    }
}
