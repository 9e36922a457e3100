using System.Collections.Concurrent;

namespace TrutoOpenAi.Core.Tests.Support;

/// <summary>
/// A clock that stands still and timers that fire at once. Polly waits between retries through
/// <see cref="TimeProvider.CreateTimer"/> (Task.Delay with a TimeProvider), so every requested delay is recorded here
/// and the wait itself costs nothing. <see cref="OnTimer"/> lets a test act while a wait is pending (e.g. cancel).
/// </summary>
public sealed class InstantTimeProvider : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public InstantTimeProvider(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; }

    /// <summary>Every due time asked for, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => _delays.ToArray();

    /// <summary>When false, timers are recorded but never fire (the wait stays pending).</summary>
    public bool FireTimers { get; set; } = true;

    /// <summary>Runs (on the thread pool) each time a timer is created.</summary>
    public Action<TimeSpan>? OnTimer { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _delays.Enqueue(dueTime);
        var timer = new InstantTimer();
        var hook = OnTimer;
        var fire = FireTimers && dueTime != Timeout.InfiniteTimeSpan;
        // Fire on another thread, as a real timer would, so the caller has finished wiring the timer up.
        ThreadPool.QueueUserWorkItem(_ =>
        {
            hook?.Invoke(dueTime);
            if (fire && !timer.Disposed) callback(state);
        });
        return timer;
    }

    private sealed class InstantTimer : ITimer
    {
        public volatile bool Disposed;
        public bool Change(TimeSpan dueTime, TimeSpan period) => !Disposed;
        public void Dispose() => Disposed = true;
        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return default;
        }
    }
}
