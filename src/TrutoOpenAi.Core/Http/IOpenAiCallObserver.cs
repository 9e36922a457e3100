using System;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>
    /// What a caller hears about one call while it runs: each attempt, each response, each wait before a retry.
    /// Called from pool threads; the cmdlet layer queues these and writes them on the pipeline thread.
    /// Messages never contain keys.
    /// </summary>
    public interface IOpenAiCallObserver
    {
        void OnRequest(string method, Uri uri, int attempt, string? bodySummary);
        void OnResponse(string method, Uri uri, int status, TimeSpan elapsed, string? requestId);
        /// <summary>Before retry number <paramref name="retry"/> (1-based) of at most <paramref name="maxRetries"/>.</summary>
        void OnRetry(int retry, int maxRetries, TimeSpan delay, string reason);
    }
}
