using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.BatchJobs
{
    /// <summary>Waits for batches to end, showing their progress.</summary>
    /// <remarks>
    /// <para>Reads each batch (-Id, or batches piped in from New-OpenAiBatch or Get-OpenAiBatch) until it ends, all of them
    /// at once like Wait-Job, showing one progress bar per batch with its status, its request counts (done of total,
    /// failed) and the time waited. The reads come every -PollInterval seconds (default 1 s, growing to 10 s), never more
    /// often than the API asks with openai-poll-after-ms. Each batch is written as it ends: a completed batch (its
    /// OutputFileId and ErrorFileId hold the results), a cancelled one with a warning. A batch that failed validation or
    /// expired is an OpenAiBatchFailed error whose message carries the first error (code, line) and whose TargetObject is
    /// the batch, never a quiet object. -Timeout gives up on a batch after that many seconds with an OpenAiWaitTimeout
    /// error (the batch goes on). Ctrl+C stops waiting at once; the batches go on. Needs an API key.</para>
    /// <para>Invoke-OpenAiBatch runs the whole workflow (write, upload, create, wait, download, match) for request objects.</para>
    /// </remarks>
    /// <example>
    /// <code>Wait-OpenAiBatch -Id batch_def456 | Select-Object Id, Status, RequestCounts, OutputFileId, ErrorFileId</code>
    /// <para>Waits for a batch, then shows how its requests went and which files hold the results.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Wait, "OpenAiBatch")]
    [OutputType(typeof(OpenAiBatch))]
    public sealed class WaitOpenAiBatchCommand : OpenAiWaitCmdlet<OpenAiBatch>
    {
        /// <summary>The id of the batch (batch_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("BatchId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        protected override string FailedErrorId => BatchPolling.FailedErrorId;

        protected override string Describe(OpenAiBatch batch) => BatchPolling.Describe(batch);

        protected override PollStatus Classify(OpenAiBatch batch) => BatchPolling.Classify(batch);

        protected override void ProcessRecord()
        {
            var id = Id;
            Enqueue($"batch {id}", (observer, cancellationToken) => new BatchService(Client).GetAsync(id, observer, cancellationToken));
        }
    }

    /// <summary>What a batch's states mean to the poller (shared by Wait-OpenAiBatch and Invoke-OpenAiBatch).</summary>
    internal static class BatchPolling
    {
        public const string FailedErrorId = "OpenAiBatchFailed";

        public static string Describe(OpenAiBatch batch) => $"Batch {batch.Id}";

        public static PollStatus Classify(OpenAiBatch batch)
        {
            var status = batch.Status ?? "unknown";
            var counts = batch.RequestCounts;
            var text = counts is null || counts.Total == 0 ? status
                : $"{status}: {counts.Completed + counts.Failed} of {counts.Total} requests done, {counts.Failed} failed";
            var percent = counts is { Total: > 0 } ? (counts.Completed + counts.Failed) * 100 / counts.Total : -1;
            switch (status)
            {
                case "completed":
                    return new PollStatus(PollState.Done, text, 100);
                case "cancelled":
                    return new PollStatus(PollState.Stopped, text, percent);
                case "expired":
                    return new PollStatus(PollState.Failed, text, percent, "batch_expired",
                        "the batch did not finish within its completion window; the requests done are in its output file, the others in its error file");
                case "failed":
                    var errors = batch.Errors?.Data ?? new System.Collections.Generic.List<OpenAiBatchError>();
                    var first = errors.FirstOrDefault();
                    var message = first is null ? null
                        : (first.Line is null ? "" : $"line {first.Line}: ") + first.Message + (errors.Count > 1 ? $" (and {errors.Count - 1} more error(s) in Errors)" : "");
                    return new PollStatus(PollState.Failed, text, percent, first?.Code, message);
                default:
                    return new PollStatus(PollState.Pending, text, percent);
            }
        }
    }
}
