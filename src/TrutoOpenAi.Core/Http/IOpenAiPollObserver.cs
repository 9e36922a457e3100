using System;

namespace TrutoOpenAi.Core.Http
{
    /// <summary>
    /// An observer that also hears the API's <c>openai-poll-after-ms</c> header: how long the server asks a poller to wait
    /// before it reads the object again. Implemented by the cmdlet layer's observer; the core only reports it.
    /// </summary>
    public interface IOpenAiPollObserver
    {
        /// <summary>Called from a pool thread when a successful answer carries <c>openai-poll-after-ms</c>.</summary>
        void OnPollAfter(TimeSpan after);
    }
}
