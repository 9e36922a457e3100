using System;

namespace TrutoOpenAi.Core.Streaming
{
    /// <summary>Why an event stream stopped before its end.</summary>
    public enum OpenAiStreamFailure
    {
        /// <summary>The bytes were not a readable event stream (bad UTF-8, data that is not JSON, an event without a type, ...).</summary>
        Malformed,
        /// <summary>The connection dropped, or the stream ended before its terminal event; a background response can be resumed.</summary>
        Interrupted,
        /// <summary>No event arrived within the idle timeout.</summary>
        IdleTimeout,
        /// <summary>The server answered with something other than <c>text/event-stream</c>.</summary>
        NotAStream,
    }

    /// <summary>
    /// An event stream that could not be read to its end. the message names what was wrong
    /// and where (frame number, event type); <see cref="LastSequenceNumber"/> tells where a resume would start.
    /// </summary>
    public sealed class OpenAiStreamException : OpenAiException
    {
        public OpenAiStreamException(OpenAiStreamFailure failure, string message, Exception? inner = null)
            : base("The event stream " + (failure == OpenAiStreamFailure.IdleTimeout || failure == OpenAiStreamFailure.Interrupted ? "stopped: " : "is malformed: ") + message, inner)
        {
            Failure = failure;
        }

        public OpenAiStreamFailure Failure { get; }

        /// <summary>The sequence number of the last event read before the failure, when the stream numbers its events.</summary>
        public int? LastSequenceNumber { get; internal set; }

        /// <summary>The response id the stream belongs to, when known (for Stop-/Get-OpenAiResponse).</summary>
        public string? ResponseId { get; internal set; }

        public override string ErrorId => Failure switch
        {
            OpenAiStreamFailure.Malformed => "OpenAiStreamMalformed",
            OpenAiStreamFailure.Interrupted => "OpenAiStreamInterrupted",
            OpenAiStreamFailure.IdleTimeout => "OpenAiStreamIdleTimeout",
            _ => "OpenAiStreamNotEventStream",
        };
    }
}
