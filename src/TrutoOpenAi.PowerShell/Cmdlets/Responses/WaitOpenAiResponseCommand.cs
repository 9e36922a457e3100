using System.Management.Automation;
using System.Text.Json;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Waits for background responses to end, showing their status.</summary>
    /// <remarks>
    /// <para>Reads each response (-Id, or responses piped in from Invoke-OpenAiResponse -Background) every -PollInterval
    /// seconds, showing its status (queued, in_progress) and the time waited as progress, until it ends. A completed
    /// response is written. A failed, incomplete or cancelled one is an OpenAiResponseFailed error whose TargetObject is
    /// the response (with what it produced so far) and whose message names the status and the API's error code and
    /// message, or the reason it is incomplete: never a quiet object. -Timeout gives up on a response after that many
    /// seconds with an OpenAiWaitTimeout error (the response goes on; Stop-OpenAiResponse cancels it). Needs an API
    /// key.</para>
    /// </remarks>
    /// <example>
    /// <code>Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Write the quarterly summary' -Background | Wait-OpenAiResponse -Timeout 600 | Select-Object Status, OutputText</code>
    /// <para>Starts a response in the background and waits up to ten minutes for its answer.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "OpenAiResponse")]
    [OutputType(typeof(OpenAiResponse))]
    public sealed class WaitOpenAiResponseCommand : OpenAiWaitCmdlet<OpenAiResponse>
    {
        /// <summary>The response id (resp_...); responses piped in bind it by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ResponseId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string FailedErrorId => "OpenAiResponseFailed";

        protected override string Describe(OpenAiResponse response) => $"Response {response.Id}";

        protected override PollStatus Classify(OpenAiResponse response)
        {
            var status = response.Status ?? "unknown";
            return status switch
            {
                "completed" => new PollStatus(PollState.Done, status, 100),
                "failed" => new PollStatus(PollState.Failed, status, -1, response.Error?.Code, response.Error?.Message),
                "incomplete" => new PollStatus(PollState.Failed, status, -1, "incomplete", IncompleteReason(response)),
                "cancelled" => new PollStatus(PollState.Failed, status, -1, "cancelled", "the response was cancelled before it ended"),
                _ => new PollStatus(PollState.Pending, status),
            };
        }

        protected override void ProcessRecord()
        {
            var id = Id;
            Enqueue($"response {id}", (observer, cancellationToken) => new ResponseService(Client).GetAsync(id, observer, cancellationToken));
        }

        private static string IncompleteReason(OpenAiResponse response) =>
            response.IncompleteDetails is { ValueKind: JsonValueKind.Object } details && details.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
                ? $"stopped early ({reason.GetString()}); the partial response is the TargetObject"
                : "stopped early; the partial response is the TargetObject";
    }
}
