using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>Tells the call's observer about each attempt and its answer. Headers are never traced, so keys never are.</summary>
    internal sealed class TracingHandler : DelegatingHandler
    {
        internal static readonly string ObserverKey = "TrutoOpenAi.Observer";
        internal static readonly string AttemptKey = "TrutoOpenAi.Attempt";
        internal static readonly string BodySummaryKey = "TrutoOpenAi.BodySummary";

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var observer = request.Properties.TryGetValue(ObserverKey, out var o) ? o as IOpenAiCallObserver : null;
            if (observer is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

            var attempt = request.Properties.TryGetValue(AttemptKey, out var a) && a is int n ? n : 1;
            var summary = request.Properties.TryGetValue(BodySummaryKey, out var s) ? s as string : null;
            observer.OnRequest(request.Method.Method, request.RequestUri!, attempt, summary);
            var watch = Stopwatch.StartNew();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-request-id", out var ids) ? ids.FirstOrDefault() : null;
            observer.OnResponse(request.Method.Method, request.RequestUri!, (int)response.StatusCode, watch.Elapsed, requestId);
            return response;
        }
    }
}
