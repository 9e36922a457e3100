using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.PowerShell.Cmdlets
{
    /// <summary>How a polled run stands.</summary>
    public enum RunState
    {
        /// <summary>Still running: poll again.</summary>
        Pending,
        /// <summary>Ended well (or waits for the caller, e.g. requires_action): write it.</summary>
        Done,
        /// <summary>Ended without a result the caller asked for (cancelled): write it with a warning.</summary>
        Stopped,
        /// <summary>Ended badly (failed, expired, incomplete): an ErrorRecord carrying the run's last error.</summary>
        Failed,
    }

    /// <summary>
    /// The shape of Wait-OpenAiEvalRun and Wait-OpenAiThreadRun: poll the run every -PollInterval seconds, show its progress,
    /// write it when it ends; a bad end is an ErrorRecord (ErrorId from <see cref="FailedErrorId"/>, TargetObject the run,
    /// the API's error code and message in the text), never a quiet object. -Timeout gives up with OpenAiWaitTimeout.
    /// </summary>
    public abstract class RunWaitCmdlet<TRun> : OpenAiCmdlet where TRun : class
    {
        /// <summary>Seconds to wait at most for each run before writing an OpenAiWaitTimeout error; without it, waits until the run ends.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Seconds between two reads of the run (default 1).</summary>
        [Parameter]
        [ValidateRange(0.05, 300.0)]
        public double PollInterval { get; set; } = 1.0;

        /// <summary>The ErrorId of a run that ended badly, e.g. OpenAiEvalRunFailed.</summary>
        protected abstract string FailedErrorId { get; }

        /// <summary>"eval run evalrun_..." for messages.</summary>
        protected abstract string Describe(TRun run);

        /// <summary>Reads the run once.</summary>
        protected abstract Task<TRun> ReadAsync(IOpenAiCallObserver observer, CancellationToken cancellationToken);

        /// <summary>How the run stands, its progress text and percent (or -1), and for a bad end the error code and message.</summary>
        protected abstract (RunState State, string Status, int Percent, string? ErrorCode, string? ErrorMessage) Classify(TRun run);

        /// <summary>Wraps the whole wait (checks before the first request, translation of the API's errors); runs it as is by default.</summary>
        protected virtual void Guarded(Action action) => action();

        /// <summary>Waits for the run the current parameters name; writes it, a warning or an error.</summary>
        protected void WaitForRun(string label)
        {
            Try(label, () => Guarded(() =>
            {
                var clock = Stopwatch.StartNew();
                var activityId = Math.Abs(label.GetHashCode() % 100000) + 1;
                while (true)
                {
                    var run = Await(observer => ReadAsync(observer, CancellationToken));
                    var (state, status, percent, code, message) = Classify(run);
                    // A new record each time: hosts and stream collectors keep the records they are given.
                    var progress = new ProgressRecord(activityId, MyInvocation.MyCommand.Name, $"{status} ({clock.Elapsed.TotalSeconds:0} s)")
                    {
                        CurrentOperation = "Waiting for " + label,
                        PercentComplete = percent,
                    };
                    WriteProgress(progress);
                    if (state == RunState.Pending)
                    {
                        if (Timeout is int limit && clock.Elapsed.TotalSeconds >= limit)
                        {
                            Complete(progress);
                            var timeout = new OpenAiRunOutcomeException("OpenAiWaitTimeout",
                                $"{Describe(run)} is still {status} after {limit} s (-Timeout). It goes on running; wait again or stop it.", run, null, null);
                            WriteError(new ErrorRecord(timeout, timeout.ErrorId, ErrorCategory.OperationTimeout, run));
                            return;
                        }
                        var delay = TimeSpan.FromSeconds(PollInterval);
                        Await(_ => Task.Delay(delay, CancellationToken));
                        continue;
                    }
                    Complete(progress);
                    switch (state)
                    {
                        case RunState.Failed:
                            var text = $"{Describe(run)} did not complete ({status})" + (code is null && message is null ? "." : $": {code}: {message}");
                            var failure = new OpenAiRunOutcomeException(FailedErrorId, text, run, code, message);
                            WriteError(new ErrorRecord(failure, failure.ErrorId, ErrorCategory.InvalidResult, run));
                            return;
                        case RunState.Stopped:
                            WriteWarning($"{Describe(run)} did not complete ({status}).");
                            break;
                    }
                    WriteObject(run);
                    return;
                }
            }));
        }

        private void Complete(ProgressRecord progress) =>
            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                CurrentOperation = progress.CurrentOperation, PercentComplete = progress.PercentComplete, RecordType = ProgressRecordType.Completed,
            });
    }
}
