using System;
using System.Threading;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>
    /// What the response cmdlets share: reading a response's event stream on the pipeline thread (live text on the host
    /// through the PSHOST information tag, typed events with -StreamEvent, the final response from the terminal event),
    /// and turning failed or incomplete responses into ErrorRecords that carry the response. Get-OpenAiResponse reaches it
    /// through <see cref="ResponseCmdletBase"/>, Invoke-OpenAiResponse (a <see cref="ModelCmdlet"/>) directly.
    /// </summary>
    internal sealed class ResponseOutput
    {
        private readonly Cmdlet _cmdlet;
        private readonly Func<OpenAiResponseStream, bool> _moveNext;
        private readonly Action<string, bool> _hostText;
        private readonly CancellationToken _cancellationToken;

        /// <param name="cmdlet">The cmdlet that writes.</param>
        /// <param name="moveNext">Reads the stream's next event on the pipeline thread (the cmdlet's Await).</param>
        /// <param name="hostText">Writes text on the host (the cmdlet's WriteHostText).</param>
        /// <param name="cancellationToken">The cmdlet's stop token.</param>
        public ResponseOutput(Cmdlet cmdlet, Func<OpenAiResponseStream, bool> moveNext, Action<string, bool> hostText, CancellationToken cancellationToken)
        {
            _cmdlet = cmdlet;
            _moveNext = moveNext;
            _hostText = hostText;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Reads <paramref name="stream"/> to its end; returns the final response (null when the stream ended without one).</summary>
        public OpenAiResponse? Consume(OpenAiResponseStream stream, bool emitEvents)
        {
            OpenAiResponse? final = null;
            var wroteText = false;
            try
            {
                while (_moveNext(stream))
                {
                    var item = stream.Current!;
                    if (item.Type == "response.created" && stream.IsBackground && stream.ResponseId != null)
                        _cmdlet.WriteVerbose($"Background response {stream.ResponseId}: Stop-OpenAiResponse -Id {stream.ResponseId} cancels it on the server.");
                    if (item.Type == "response.output_text.delta" && !string.IsNullOrEmpty(item.Delta))
                    {
                        _hostText(item.Delta!, false);
                        wroteText = true;
                    }
                    if (emitEvents) _cmdlet.WriteObject(item);
                    if (item.IsTerminal && item.Response is { } response) final = OpenAiObject.From<OpenAiResponse>(response);
                    if (item.Type == "error")
                        throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"the server sent an error event: {item.ErrorCode} {item.ErrorMessage}");
                }
            }
            finally
            {
                // Close the connection first: after Ctrl+C, writing throws (PipelineStoppedException).
                stream.Dispose();
                if (wroteText && !_cancellationToken.IsCancellationRequested) _hostText(string.Empty, true);
                if (stream.Resumes > 0) _cmdlet.WriteVerbose($"The stream of {stream.ResponseId} was resumed {stream.Resumes} time(s).");
            }
            return final;
        }

        /// <summary>Writes a finished response, or an ErrorRecord carrying it when it failed or is incomplete.</summary>
        public void WriteResponse(OpenAiResponse response)
        {
            if (response.Status == "failed")
            {
                _cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(
                        $"Response {response.Id} failed: {response.Error?.Code} {response.Error?.Message}".TrimEnd()),
                    "OpenAiResponseFailed", ErrorCategory.InvalidResult, response));
                return;
            }
            if (response.Status == "incomplete")
            {
                var reason = response.IncompleteDetails is { } details && details.ValueKind == System.Text.Json.JsonValueKind.Object
                    && details.TryGetProperty("reason", out var r) ? r.GetString() : "unknown";
                _cmdlet.WriteError(new ErrorRecord(new InvalidOperationException(
                        $"Response {response.Id} is incomplete ({reason}); the partial response is the error's TargetObject."),
                    "OpenAiResponseIncomplete", ErrorCategory.LimitsExceeded, response));
                return;
            }
            _cmdlet.WriteObject(response);
        }
    }

    /// <summary>The base of the response cmdlets that read responses without calling a model (Get-OpenAiResponse): <see cref="ResponseOutput"/>.</summary>
    public abstract class ResponseCmdletBase : OpenAiCmdlet
    {
        private ResponseOutput Output => new ResponseOutput(this, stream => Await(_ => stream.MoveNextAsync(CancellationToken)), WriteHostText, CancellationToken);

        /// <summary>Reads <paramref name="stream"/> to its end; returns the final response (null when the stream ended without one).</summary>
        private protected OpenAiResponse? Consume(OpenAiResponseStream stream, bool emitEvents) => Output.Consume(stream, emitEvents);

        /// <summary>Writes a finished response, or an ErrorRecord carrying it when it failed or is incomplete.</summary>
        private protected void WriteResponse(OpenAiResponse response) => Output.WriteResponse(response);
    }
}
