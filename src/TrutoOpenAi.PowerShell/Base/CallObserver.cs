using System;
using System.Collections.Concurrent;
using System.Threading;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// Collects what the core reports from pool threads (requests, answers, retries) so the cmdlet can write it
    /// on the pipeline thread, the only thread PowerShell lets write. Keys are never in these messages.
    /// </summary>
    internal sealed class CallObserver : IOpenAiCallObserver, Core.Json.IOpenAiReadObserver, IOpenAiPollObserver
    {
        private readonly ConcurrentQueue<CallMessage> _messages = new ConcurrentQueue<CallMessage>();
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);

        public SemaphoreSlim Wake => _wake;

        public void OnRequest(string method, Uri uri, int attempt, string? bodySummary)
        {
            Enqueue(CallMessageKind.Verbose, attempt > 1 ? $"{method} {uri} (attempt {attempt})" : $"{method} {uri}");
            if (bodySummary != null) Enqueue(CallMessageKind.Debug, $"{method} {uri.AbsolutePath} body fields: {bodySummary}");
        }

        public void OnResponse(string method, Uri uri, int status, TimeSpan elapsed, string? requestId) =>
            Enqueue(CallMessageKind.Verbose, $"{method} {uri.AbsolutePath} answered {status} in {elapsed.TotalMilliseconds:0} ms{(requestId is null ? "" : $" ({requestId})")}");

        public void OnRetry(int retry, int maxRetries, TimeSpan delay, string reason) =>
            Enqueue(CallMessageKind.Verbose, $"{reason}: retry {retry} of {maxRetries} in {delay.TotalSeconds:0.##} s.");

        /// <summary>Queues a progress record for the pipeline thread (long transfers report bytes and time left).</summary>
        public void OnProgress(System.Management.Automation.ProgressRecord record)
        {
            _messages.Enqueue(new CallMessage(CallMessageKind.Progress, record.Activity, record));
            _wake.Release();
        }

        /// <summary>The latest openai-poll-after-ms the API sent during this call, if any (read by the shared poller).</summary>
        public TimeSpan? PollAfter { get; private set; }

        public void OnPollAfter(TimeSpan after) => PollAfter = after;

        public void OnReadProblem(string message) => Enqueue(CallMessageKind.Verbose, message);

        public bool TryDequeue(out CallMessage message) => _messages.TryDequeue(out message);

        private void Enqueue(CallMessageKind kind, string text)
        {
            _messages.Enqueue(new CallMessage(kind, text));
            _wake.Release();
        }
    }

    internal enum CallMessageKind { Verbose, Debug, Warning, Progress }

    internal readonly struct CallMessage
    {
        public CallMessage(CallMessageKind kind, string text, System.Management.Automation.ProgressRecord? progress = null)
        {
            Kind = kind;
            Text = text;
            Progress = progress;
        }

        public System.Management.Automation.ProgressRecord? Progress { get; }

        public CallMessageKind Kind { get; }
        public string Text { get; }
    }
}
