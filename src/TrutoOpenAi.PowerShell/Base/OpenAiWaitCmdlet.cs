using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// The shape of every Wait-OpenAi* cmdlet on the shared poller (<see cref="OpenAiCmdlet.Poll{T}"/>): each piped or named
    /// object is gathered, then all are waited for at once, like Wait-Job; each is written as it ends. A bad end is an
    /// ErrorRecord (ErrorId from <see cref="FailedErrorId"/>, TargetObject the object, the API's error code and message in
    /// the text), never a quiet object; a stopped one is written with a warning; -Timeout gives up with OpenAiWaitTimeout.
    /// </summary>
    public abstract class OpenAiWaitCmdlet<T> : OpenAiCmdlet where T : class
    {
        private readonly List<PollTarget<T>> _targets = new List<PollTarget<T>>();

        /// <summary>Seconds to wait at most for each object before writing an OpenAiWaitTimeout error (the object goes on); without it, waits until it ends.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Timeout { get; set; }

        /// <summary>Seconds between two reads (default 1, growing by half each read up to 10); never less than the API asks with openai-poll-after-ms.</summary>
        [Parameter]
        [ValidateRange(0.05, 300.0)]
        public double PollInterval { get; set; } = 1.0;

        /// <summary>The ErrorId of an object that ended badly, e.g. OpenAiEvalRunFailed.</summary>
        protected abstract string FailedErrorId { get; }

        /// <summary>"Eval run evalrun_..." at the start of messages.</summary>
        protected abstract string Describe(T item);

        /// <summary>How the object stands, its progress text and percent, and for a bad end the error code and message.</summary>
        protected abstract PollStatus Classify(T item);

        /// <summary>Adds an object to wait for; <paramref name="read"/> must capture the ids (parameters change with each piped object).</summary>
        protected void Enqueue(string label, Func<IOpenAiCallObserver, CancellationToken, Task<T>> read) =>
            _targets.Add(new PollTarget<T>(label, read));

        protected override void EndProcessing()
        {
            if (_targets.Count == 0) return;
            var settings = new PollSettings<T>(Classify, Describe, FailedErrorId)
            {
                Interval = MyInvocation.BoundParameters.ContainsKey(nameof(PollInterval)) ? TimeSpan.FromSeconds(PollInterval) : (TimeSpan?)null,
                Timeout = Timeout is int seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null,
            };
            Poll(_targets, settings, target =>
            {
                if (target.Outcome == PollState.Done || target.Outcome == PollState.Stopped) WriteObject(target.Last);
            });
        }
    }
}
