using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core.Streaming
{
    /// <summary>
    /// The event stream of one Responses API response that survives a dropped connection: when the stream of a
    /// background response (or a stream opened with GET, which only background responses have) stops early, it is
    /// reopened with <c>GET /responses/{id}?stream=true&amp;starting_after=N</c> and events the caller already has are
    /// skipped by <c>sequence_number</c>, so nothing is repeated and nothing is missed. A foreground stream that drops
    /// fails with <see cref="OpenAiStreamException"/> (its response was not stored for replay).
    /// </summary>
    public sealed class OpenAiResponseStream : IDisposable
    {
        private readonly OpenAiClient _client;
        private readonly OpenAiStreamOptions _options;
        private readonly IOpenAiCallObserver? _observer;
        private readonly bool _openedByGet;
        private OpenAiEventStream _inner;
        private int? _last;
        private bool _background;

        private OpenAiResponseStream(OpenAiClient client, OpenAiEventStream inner, OpenAiStreamOptions options,
            IOpenAiCallObserver? observer, bool openedByGet, string? responseId, int? startingAfter)
        {
            _client = client;
            _inner = inner;
            _options = options;
            _observer = observer;
            _openedByGet = openedByGet;
            ResponseId = responseId;
            _last = startingAfter;
        }

        /// <summary>Sends a create request whose body asks for <c>stream: true</c> and opens its stream.</summary>
        public static async Task<OpenAiResponseStream> StartAsync(OpenAiClient client, OpenAiRequest createRequest,
            OpenAiStreamOptions? options, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            options ??= new OpenAiStreamOptions();
            var inner = await OpenAiEventStream.OpenAsync(client, createRequest, OpenAiStreamFormat.Responses, options, observer, cancellationToken).ConfigureAwait(false);
            return new OpenAiResponseStream(client, inner, options, observer, false, null, null);
        }

        /// <summary>Opens (or reopens) the stream of a stored background response, after event <paramref name="startingAfter"/>.</summary>
        public static async Task<OpenAiResponseStream> ResumeAsync(OpenAiClient client, string responseId, int? startingAfter,
            OpenAiStreamOptions? options, IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            options ??= new OpenAiStreamOptions();
            var inner = await OpenAiEventStream.OpenAsync(client, ResumeRequest(responseId, startingAfter), OpenAiStreamFormat.Responses, options, observer, cancellationToken).ConfigureAwait(false);
            return new OpenAiResponseStream(client, inner, options, observer, true, responseId, startingAfter);
        }

        /// <summary>The request that resumes a response's stream after a sequence number.</summary>
        public static OpenAiRequest ResumeRequest(string responseId, int? startingAfter) =>
            new OpenAiRequest(HttpMethod.Get, OpenAiPath.Format("responses/{response_id}", ("response_id", responseId)))
                .WithQuery("stream", true)
                .WithQuery("starting_after", startingAfter);

        public OpenAiStreamEvent? Current { get; private set; }

        /// <summary>The response id (known from the first lifecycle event, or given to <see cref="ResumeAsync"/>).</summary>
        public string? ResponseId { get; private set; }

        /// <summary>The sequence number of the last event handed out.</summary>
        public int? LastSequenceNumber => _last;

        /// <summary>How many times the stream was reopened.</summary>
        public int Resumes { get; private set; }

        /// <summary>True when the response runs in the background (its stream can be resumed).</summary>
        public bool IsBackground => _openedByGet || _background || _inner.IsBackground;

        public async Task<bool> MoveNextAsync(CancellationToken cancellationToken = default)
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await _inner.MoveNextAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OpenAiStreamException ex) when (ex.Failure == OpenAiStreamFailure.Interrupted && CanResume(cancellationToken))
                {
                    await ReopenAsync(ex, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (OpenAiStreamException ex)
                {
                    ex.ResponseId ??= ResponseId;
                    ex.LastSequenceNumber = _last;
                    throw;
                }
                if (!moved) return false;
                var item = _inner.Current!;
                ResponseId ??= _inner.ResponseId;
                if (item.SequenceNumber is { } n)
                {
                    if (_last is { } last && n <= last) continue; // already handed out before the reconnect
                    _last = n;
                }
                Current = item;
                return true;
            }
        }

        private bool CanResume(CancellationToken cancellationToken) =>
            !cancellationToken.IsCancellationRequested && Resumes < _options.MaxResumes
            && (ResponseId ?? _inner.ResponseId) != null && IsBackground;

        private async Task ReopenAsync(OpenAiStreamException reason, CancellationToken cancellationToken)
        {
            ResponseId ??= _inner.ResponseId;
            Resumes++;
            _options.OnResume?.Invoke(Resumes, _last, reason);
            _inner.Dispose();
            _background = true; // only background responses can be reopened
            _inner = await OpenAiEventStream.OpenAsync(_client, ResumeRequest(ResponseId!, _last), OpenAiStreamFormat.Responses,
                _options, _observer, cancellationToken).ConfigureAwait(false);
        }

        public void Dispose() => _inner.Dispose();
    }
}
