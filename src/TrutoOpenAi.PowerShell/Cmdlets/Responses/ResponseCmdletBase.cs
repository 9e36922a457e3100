using System;
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
    /// and turning failed or incomplete responses into ErrorRecords that carry the response.
    /// </summary>
    public abstract class ResponseCmdletBase : OpenAiCmdlet
    {
        /// <summary>Reads <paramref name="stream"/> to its end; returns the final response (null when the stream ended without one).</summary>
        private protected OpenAiResponse? Consume(OpenAiResponseStream stream, bool emitEvents)
        {
            OpenAiResponse? final = null;
            var wroteText = false;
            try
            {
                while (Await(_ => stream.MoveNextAsync(CancellationToken)))
                {
                    var item = stream.Current!;
                    if (item.Type == "response.created" && stream.IsBackground && stream.ResponseId != null)
                        WriteVerbose($"Background response {stream.ResponseId}: Stop-OpenAiResponse -Id {stream.ResponseId} cancels it on the server.");
                    if (item.Type == "response.output_text.delta" && !string.IsNullOrEmpty(item.Delta))
                    {
                        WriteHostText(item.Delta!);
                        wroteText = true;
                    }
                    if (emitEvents) WriteObject(item);
                    if (item.IsTerminal && item.Response is { } response) final = OpenAiObject.From<OpenAiResponse>(response);
                    if (item.Type == "error")
                        throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"the server sent an error event: {item.ErrorCode} {item.ErrorMessage}");
                }
            }
            finally
            {
                // Close the connection first: after Ctrl+C, writing throws (PipelineStoppedException).
                stream.Dispose();
                if (wroteText && !CancellationToken.IsCancellationRequested) WriteHostText(string.Empty, endLine: true);
                if (stream.Resumes > 0) WriteVerbose($"The stream of {stream.ResponseId} was resumed {stream.Resumes} time(s).");
            }
            return final;
        }

        /// <summary>Writes a finished response, or an ErrorRecord carrying it when it failed or is incomplete.</summary>
        private protected void WriteResponse(OpenAiResponse response)
        {
            if (response.Status == "failed")
            {
                WriteError(new ErrorRecord(new InvalidOperationException(
                        $"Response {response.Id} failed: {response.Error?.Code} {response.Error?.Message}".TrimEnd()),
                    "OpenAiResponseFailed", ErrorCategory.InvalidResult, response));
                return;
            }
            if (response.Status == "incomplete")
            {
                var reason = response.IncompleteDetails is { } details && details.ValueKind == System.Text.Json.JsonValueKind.Object
                    && details.TryGetProperty("reason", out var r) ? r.GetString() : "unknown";
                WriteError(new ErrorRecord(new InvalidOperationException(
                        $"Response {response.Id} is incomplete ({reason}); the partial response is the error's TargetObject."),
                    "OpenAiResponseIncomplete", ErrorCategory.LimitsExceeded, response));
                return;
            }
            WriteObject(response);
        }
    }
}
