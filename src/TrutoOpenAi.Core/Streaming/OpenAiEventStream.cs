using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core.Streaming
{
    /// <summary>Settings for reading an event stream.</summary>
    public sealed class OpenAiStreamOptions
    {
        /// <summary>The longest wait for the next bytes between events (default 120 s). The connection's own timeout
        /// covers only the time to the response headers, so a long generation is never cut off while events flow.</summary>
        public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(120);

        /// <summary>The clock the idle timeout runs on (tests replace it).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>How often a dropped stream of a background response is reopened (default 5).</summary>
        public int MaxResumes { get; set; } = 5;

        /// <summary>Called before each resume with the number of the resume, the sequence number it starts after, and why.</summary>
        public Action<int, int?, Exception>? OnResume { get; set; }

        internal int BufferSize { get; set; } = 16 * 1024;
    }

    /// <summary>
    /// A pull iterator over the typed events of one <c>text/event-stream</c> answer. Not thread-safe; dispose it when
    /// done (that closes the connection). Cancelling the token given to <see cref="MoveNextAsync"/> disposes the HTTP
    /// response at once, so a Ctrl+C never waits for the next event (also on .NET Framework, where socket reads ignore
    /// tokens). A stream that is not readable ends with <see cref="OpenAiStreamException"/> naming what was wrong,
    /// never with a hang: no event within <see cref="OpenAiStreamOptions.IdleTimeout"/> is an error too.
    /// </summary>
    public sealed class OpenAiEventStream : IDisposable
    {
        private static readonly HashSet<string> ResponseTerminals = new HashSet<string>(StringComparer.Ordinal)
        {
            "response.completed", "response.failed", "response.incomplete", "error",
        };

        private readonly HttpResponseMessage? _response;
        private readonly Stream _body;
        private readonly OpenAiStreamFormat _format;
        private readonly OpenAiStreamOptions _options;
        private readonly string _source;
        private readonly SseParser _parser = new SseParser();
        private readonly List<SseFrame> _frames = new List<SseFrame>();
        private readonly byte[] _buffer;
        private int _next;
        private bool _endOfBody;
        private bool _finished;
        private int _disposed;

        /// <summary>Reads events from a body stream; <paramref name="response"/> (optional) is disposed with it.</summary>
        public OpenAiEventStream(Stream body, OpenAiStreamFormat format, OpenAiStreamOptions? options = null,
            HttpResponseMessage? response = null, string source = "the stream")
        {
            _body = body ?? throw new ArgumentNullException(nameof(body));
            _format = format;
            _options = options ?? new OpenAiStreamOptions();
            _response = response;
            _source = source;
            _buffer = new byte[_options.BufferSize];
        }

        /// <summary>The event <see cref="MoveNextAsync"/> last moved to.</summary>
        public OpenAiStreamEvent? Current { get; private set; }

        /// <summary>The highest <c>sequence_number</c> read so far.</summary>
        public int? LastSequenceNumber { get; private set; }

        /// <summary>The response id, once a Responses lifecycle event has carried it.</summary>
        public string? ResponseId { get; private set; }

        /// <summary>True once a lifecycle event said the response runs in the background (its stream can be resumed).</summary>
        public bool IsBackground { get; private set; }

        /// <summary>True once the terminal event (or <c>[DONE]</c>) was read.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Events read so far.</summary>
        public int EventCount { get; private set; }

        /// <summary>
        /// Sends <paramref name="request"/> (retried like any call until its headers arrive) and opens its event stream.
        /// An answer that is not <c>text/event-stream</c> fails with <see cref="OpenAiStreamFailure.NotAStream"/>.
        /// </summary>
        public static async Task<OpenAiEventStream> OpenAsync(OpenAiClient client, OpenAiRequest request, OpenAiStreamFormat format,
            OpenAiStreamOptions? options, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            request.StreamResponse = true;
            var response = await client.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            try
            {
                var mediaType = response.Content?.Headers.ContentType?.MediaType;
                if (response.Content is null || !string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
                {
                    throw new OpenAiStreamException(OpenAiStreamFailure.NotAStream,
                        $"{request.Method} /{request.Path} answered {mediaType ?? "without a body"} instead of text/event-stream");
                }
                var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                return new OpenAiEventStream(body, format, options, response, $"{request.Method} /{request.Path}");
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        /// <summary>Moves to the next event; false at the end of the stream (after the terminal event or <c>[DONE]</c>).</summary>
        public async Task<bool> MoveNextAsync(CancellationToken cancellationToken = default)
        {
            if (_finished) return false;
            try
            {
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    while (_next < _frames.Count)
                    {
                        var frame = _frames[_next++];
                        var item = ToEvent(frame);
                        if (IsComplete && item is null)
                        {
                            Finish();
                            return false;
                        }
                        if (item is null) continue;
                        Current = item;
                        EventCount++;
                        Track(item);
                        if (item.IsTerminal)
                        {
                            IsComplete = true;
                            _finished = true; // nothing after the terminal event is read: the connection closes on Dispose
                        }
                        return true;
                    }
                    _frames.Clear();
                    _next = 0;
                    if (_endOfBody) return EndOfBody();
                    var read = await ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (read == 0) _endOfBody = true;
                    else _parser.Feed(_buffer, 0, read, _frames);
                }
            }
            catch (OpenAiStreamException ex)
            {
                _finished = true;
                ex.LastSequenceNumber ??= LastSequenceNumber;
                ex.ResponseId ??= ResponseId;
                throw;
            }
        }

        private bool EndOfBody()
        {
            _finished = true;
            if (_format == OpenAiStreamFormat.Typed) return false;
            var expected = _format == OpenAiStreamFormat.Responses ? "a terminal event (response.completed, response.failed or response.incomplete)" : "[DONE]";
            var partial = _parser.HasPartialFrame ? " in the middle of an event frame (no blank line after its last line)" : string.Empty;
            throw new OpenAiStreamException(OpenAiStreamFailure.Interrupted,
                $"{_source} ended{partial} after {EventCount} event(s), before {expected}"
                + (LastSequenceNumber is { } n ? $"; the last sequence number was {n}" : string.Empty) + ".");
        }

        private async Task<int> ReadAsync(CancellationToken cancellationToken)
        {
            var idle = new IdleState();
            using var timer = _options.IdleTimeout == Timeout.InfiniteTimeSpan ? null
                : _options.TimeProvider.CreateTimer(state =>
                {
                    var s = (IdleState)state!;
                    s.Expired = true;
                    Abort();
                }, idle, _options.IdleTimeout, Timeout.InfiniteTimeSpan);
            using var onCancel = cancellationToken.Register(Abort);
            int read;
            try
            {
                read = await _body.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (Exception ex) when (idle.Expired)
            {
                throw IdleTimeout(ex);
            }
            catch (Exception ex) when (ex is IOException || ex is HttpRequestException || ex is ObjectDisposedException)
            {
                throw new OpenAiStreamException(OpenAiStreamFailure.Interrupted,
                    $"the connection of {_source} dropped after {EventCount} event(s)" + (LastSequenceNumber is { } n ? $" (last sequence number {n})" : string.Empty) + $": {ex.Message}", ex);
            }
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            if (idle.Expired) throw IdleTimeout(null);
            return read;
        }

        private OpenAiStreamException IdleTimeout(Exception? inner) =>
            new OpenAiStreamException(OpenAiStreamFailure.IdleTimeout,
                $"no event arrived on {_source} within {_options.IdleTimeout.TotalSeconds:0.###} s after {EventCount} event(s)", inner);

        private OpenAiStreamEvent? ToEvent(SseFrame frame)
        {
            var data = frame.Data;
            if (data.Trim() == "[DONE]" || (_format == OpenAiStreamFormat.Assistants && frame.EventName == "done"))
            {
                IsComplete = true;
                return null;
            }
            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(data);
                root = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new OpenAiStreamException(OpenAiStreamFailure.Malformed,
                    $"frame {frame.Number}{Named(frame)} of {_source} has data that is not JSON ({ex.Message.Split('.')[0]}): {Snippet(data)}", ex);
            }
            if (root.ValueKind != JsonValueKind.Object)
                throw new OpenAiStreamException(OpenAiStreamFailure.Malformed,
                    $"frame {frame.Number}{Named(frame)} of {_source} has data that is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object: {Snippet(data)}");

            var isError = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object;
            string? type = _format switch
            {
                OpenAiStreamFormat.Assistants => frame.EventName ?? OpenAiStreamEvent.ReadString(root, "object") ?? (isError ? "error" : null),
                OpenAiStreamFormat.ChatCompletions => OpenAiStreamEvent.ReadString(root, "object")
                    ?? (isError ? "error" : root.TryGetProperty("choices", out _) ? "chat.completion.chunk" : frame.EventName),
                _ => OpenAiStreamEvent.ReadString(root, "type") ?? frame.EventName ?? (isError ? "error" : null),
            };
            if (string.IsNullOrEmpty(type))
                throw new OpenAiStreamException(OpenAiStreamFailure.Malformed,
                    $"frame {frame.Number} of {_source} names no event type (no 'type' field{(_format == OpenAiStreamFormat.Assistants ? " and no event: line" : string.Empty)}): {Snippet(data)}");

            var terminal = type == "error" || (_format == OpenAiStreamFormat.Responses && ResponseTerminals.Contains(type!));
            return new OpenAiStreamEvent(type!, frame.EventName, root, data, frame.Number, terminal);
        }

        private void Track(OpenAiStreamEvent item)
        {
            if (item.SequenceNumber is { } n && (LastSequenceNumber is null || n > LastSequenceNumber)) LastSequenceNumber = n;
            if (item.Response is { } response)
            {
                ResponseId ??= OpenAiStreamEvent.ReadString(response, "id");
                if (response.TryGetProperty("background", out var background) && background.ValueKind == JsonValueKind.True) IsBackground = true;
            }
        }

        private static string Named(SseFrame frame) => frame.EventName is null ? string.Empty : $" (event '{frame.EventName}')";

        private static string Snippet(string data)
        {
            var text = data.Length > 80 ? data.Substring(0, 80) + "..." : data;
            return "'" + SecretText.Redact(text.Replace("\n", "\\n")) + "'";
        }

        private void Finish()
        {
            _finished = true;
        }

        private void Abort()
        {
            try
            {
                _response?.Dispose();
                _body.Dispose();
            }
            catch (Exception)
            {
                // disposing is best effort: the goal is only to unblock a pending read
            }
        }

        /// <summary>Closes the connection (safe to call more than once).</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            if (!IsComplete && !_endOfBody) CloseNow();
            _finished = true;
            Abort();
        }

        /// <summary>
        /// Closes the connection of a body not read to its end at once. Disposing such a body makes the HTTP handler drain
        /// it first so the connection can be reused (SocketsHttpHandler: up to 2 s), and a stream the server holds open
        /// never drains; a read in flight that is cancelled closes the connection instead. Called with no read of ours in
        /// flight (Dispose runs after the last read completed).
        /// </summary>
        private void CloseNow()
        {
            try
            {
                var scratch = new byte[16 * 1024];
                using (var cancel = new CancellationTokenSource())
                {
                    for (var i = 0; i < 64; i++)
                    {
                        var read = _body.ReadAsync(scratch, 0, scratch.Length, cancel.Token);
                        if (!read.IsCompleted)
                        {
                            cancel.Cancel();
                            read.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.NotOnRanToCompletion, TaskScheduler.Default);
                            return;
                        }
                        if (read.Status != TaskStatus.RanToCompletion || read.Result == 0) return;
                    }
                }
            }
            catch (Exception)
            {
                // best effort: Abort disposes the body anyway
            }
        }

        private sealed class IdleState
        {
            public volatile bool Expired;
        }
    }
}
