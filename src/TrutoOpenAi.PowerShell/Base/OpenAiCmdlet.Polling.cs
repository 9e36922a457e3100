using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Http;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>How a polled object (a run, a batch, a job) stands.</summary>
    public enum PollState
    {
        /// <summary>Still going: read it again.</summary>
        Pending,
        /// <summary>Ended well (or waits for the caller, e.g. requires_action): write it.</summary>
        Done,
        /// <summary>Ended without the result asked for (cancelled): write it with a warning.</summary>
        Stopped,
        /// <summary>Ended badly (failed, expired, incomplete): an ErrorRecord carrying the object and its error.</summary>
        Failed,
    }

    /// <summary>What one read of a polled object says: its state, a progress text, a percent (or -1) and, for a bad end, the error.</summary>
    public readonly struct PollStatus
    {
        public PollStatus(PollState state, string text, int percent = -1, string? errorCode = null, string? errorMessage = null)
        {
            State = state;
            Text = text;
            Percent = percent;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
        }

        public PollState State { get; }
        public string Text { get; }
        public int Percent { get; }
        public string? ErrorCode { get; }
        public string? ErrorMessage { get; }
    }

    /// <summary>One object to wait for: a label for messages, how to read it, and what the caller wants back with it.</summary>
    public sealed class PollTarget<T> where T : class
    {
        public PollTarget(string label, Func<IOpenAiCallObserver, CancellationToken, Task<T>> read, object? tag = null)
        {
            Label = label;
            Read = read;
            Tag = tag;
        }

        /// <summary>"batch batch_abc" for progress and messages.</summary>
        public string Label { get; }

        /// <summary>The caller's own data (e.g. the inputs of a batch).</summary>
        public object? Tag { get; }

        internal Func<IOpenAiCallObserver, CancellationToken, Task<T>> Read { get; }

        /// <summary>The object as last read (null until the first read succeeds).</summary>
        public T? Last { get; internal set; }

        /// <summary>How it ended: Done, Stopped, Failed, or Pending when the wait timed out (or the read failed: Last is then null or stale).</summary>
        public PollState Outcome { get; internal set; } = PollState.Pending;

        internal bool Ended { get; set; }
    }

    /// <summary>How to wait: what the states mean, how often to read, how long at most.</summary>
    public sealed class PollSettings<T> where T : class
    {
        public PollSettings(Func<T, PollStatus> classify, Func<T, string> describe, string failedErrorId)
        {
            Classify = classify;
            Describe = describe;
            FailedErrorId = failedErrorId;
        }

        public Func<T, PollStatus> Classify { get; }

        /// <summary>"Eval run evalrun_..." at the start of messages.</summary>
        public Func<T, string> Describe { get; }

        /// <summary>The ErrorId of an object that ended badly, e.g. OpenAiBatchFailed.</summary>
        public string FailedErrorId { get; }

        /// <summary>Time between reads; null: 1 s, growing by half each round up to 10 s.</summary>
        public TimeSpan? Interval { get; set; }

        /// <summary>Give up (OpenAiWaitTimeout, the object goes on) after this long; null: wait until it ends.</summary>
        public TimeSpan? Timeout { get; set; }
    }

    public abstract partial class OpenAiCmdlet
    {
        private static readonly TimeSpan FirstInterval = TimeSpan.FromSeconds(1), LongestDefaultInterval = TimeSpan.FromSeconds(10);

        /// <summary>
        /// The one poller of the module (Wait-OpenAiBatch, Wait-OpenAiEvalRun, the batch workflow...): reads every pending
        /// target at once, shows one progress bar per target (its status and the time waited), sleeps the interval (never
        /// less than the API's openai-poll-after-ms), and repeats until each has ended. A bad end is an ErrorRecord whose
        /// TargetObject is the object and whose exception (OpenAiRunOutcomeException) carries its error code and message; a
        /// stopped one is a warning; a target still pending after the timeout is an OpenAiWaitTimeout error. A read that
        /// fails writes its error and drops that target. Ctrl+C stops at once (PipelineStoppedException).
        /// <paramref name="onEnd"/> runs on the pipeline thread as each target ends (see <see cref="PollTarget{T}.Outcome"/>).
        /// </summary>
        protected void Poll<T>(IReadOnlyList<PollTarget<T>> targets, PollSettings<T> settings, Action<PollTarget<T>> onEnd) where T : class
        {
            var clock = Stopwatch.StartNew();
            var activity = MyInvocation.MyCommand?.Name ?? GetType().Name;
            var pending = targets.ToList();
            var interval = settings.Interval ?? FirstInterval;
            void End(PollTarget<T> target, PollState outcome)
            {
                target.Outcome = outcome;
                target.Ended = true;
                onEnd(target);
            }

            while (pending.Count > 0)
            {
                var calls = pending.Select(target => (Target: target, Call: Begin(observer => target.Read(observer, CancellationToken)))).ToList();
                TimeSpan? asked = null;
                foreach (var (target, call) in calls)
                {
                    T item;
                    try
                    {
                        item = Wait(call);
                    }
                    catch (Exception ex) when (IsReportable(ex))
                    {
                        WriteOrThrow(ex, target.Last ?? (object)target.Label);
                        End(target, PollState.Failed);
                        continue;
                    }
                    if (call.Observer.PollAfter is TimeSpan after && (asked is null || after > asked)) asked = after;
                    target.Last = item;
                    var status = settings.Classify(item);
                    var activityId = targets.Count == 1 ? 1 : IndexOf(targets, target) + 1;
                    var progress = new ProgressRecord(activityId, activity, $"{status.Text} ({clock.Elapsed.TotalSeconds:0} s)")
                    {
                        CurrentOperation = "Waiting for " + target.Label,
                        PercentComplete = Math.Max(-1, Math.Min(100, status.Percent)),
                    };
                    WriteProgress(progress);
                    if (status.State == PollState.Pending)
                    {
                        if (settings.Timeout is TimeSpan limit && clock.Elapsed >= limit)
                        {
                            CompleteProgress(progress);
                            var timeout = new OpenAiRunOutcomeException("OpenAiWaitTimeout",
                                $"{settings.Describe(item)} is still {status.Text} after {limit.TotalSeconds:0.##} s (-Timeout). It goes on; wait again or stop it.", item, null, null);
                            WriteError(new ErrorRecord(timeout, timeout.ErrorId, ErrorCategory.OperationTimeout, item));
                            End(target, PollState.Pending);
                        }
                        continue;
                    }
                    CompleteProgress(progress);
                    if (status.State == PollState.Failed)
                    {
                        var text = $"{settings.Describe(item)} did not complete ({status.Text})" +
                            (status.ErrorCode is null && status.ErrorMessage is null ? "." : $": {status.ErrorCode}: {status.ErrorMessage}");
                        var failure = new OpenAiRunOutcomeException(settings.FailedErrorId, text, item, status.ErrorCode, status.ErrorMessage);
                        WriteError(new ErrorRecord(failure, failure.ErrorId, ErrorCategory.InvalidResult, item));
                    }
                    else if (status.State == PollState.Stopped)
                    {
                        WriteWarning($"{settings.Describe(item)} did not complete ({status.Text}).");
                    }
                    End(target, status.State);
                }
                pending.RemoveAll(t => t.Ended);
                if (pending.Count == 0) break;

                var delay = interval;
                if (asked is TimeSpan floor && floor > delay)
                {
                    WriteVerbose($"The API asks to read again in {floor.TotalMilliseconds:0} ms (openai-poll-after-ms); waiting that long instead of {delay.TotalSeconds:0.##} s.");
                    delay = floor;
                }
                if (settings.Timeout is TimeSpan cap)
                {
                    var left = cap - clock.Elapsed;
                    if (left < delay) delay = left > TimeSpan.FromMilliseconds(50) ? left : TimeSpan.FromMilliseconds(50);
                }
                Await(_ => Task.Delay(delay, CancellationToken));
                if (settings.Interval is null)
                    interval = TimeSpan.FromTicks(Math.Min(LongestDefaultInterval.Ticks, (long)(interval.Ticks * 1.5)));
            }
        }

        private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
        {
            for (var i = 0; i < list.Count; i++)
                if (ReferenceEquals(list[i], item)) return i;
            return -1;
        }

        private void CompleteProgress(ProgressRecord progress) =>
            WriteProgress(new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                CurrentOperation = progress.CurrentOperation, PercentComplete = progress.PercentComplete, RecordType = ProgressRecordType.Completed,
            });
    }
}
