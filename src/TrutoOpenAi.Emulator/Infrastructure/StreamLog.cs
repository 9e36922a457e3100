using System.Text.Json.Serialization;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// What happened to one streamed answer (server-sent events, or audio bytes sent a piece at a time): how many events
/// went out and how the stream ended. Shared by the request log entry (<c>stream</c>) and GET /_emulator/streams.
/// </summary>
public sealed class StreamReport
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string ClosedByClient = "closed_by_client";
    public const string Cut = "cut";
    public const string Failed = "failed";

    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _heldOrEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string _state = Open;
    private int _eventsSent;
    private volatile bool _held;
    private double? _endedAtMs;

    public long Seq { get; init; }
    public required string RequestId { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }

    /// <summary><c>open</c>, <c>completed</c> (every event sent), <c>closed_by_client</c> (the client went away before the
    /// end: the request was aborted or a write failed), <c>cut</c> (a test marker ended it early on purpose), <c>failed</c> (the emulator failed while producing it).</summary>
    public string State => _state;

    /// <summary>Events (or audio pieces) written and flushed.</summary>
    public int EventsSent => Volatile.Read(ref _eventsSent);

    /// <summary>Whether the stream was held open (the <c>[hold]</c> marker or a <c>stream_hold_after</c> fault rule).</summary>
    public bool Held => _held;

    /// <summary>Real time the stream started, Unix milliseconds (not the emulator clock: a client on the same machine can
    /// compare it with its own).</summary>
    public double StartedAtMs { get; init; } = NowMs();

    /// <summary>Real time the emulator saw the stream end, Unix milliseconds; null while open.</summary>
    public double? EndedAtMs { get { lock (_ended) return _endedAtMs; } }

    [JsonIgnore] public Task Ended => _ended.Task;

    /// <summary>Completes when the stream is held open (or has ended without being held).</summary>
    [JsonIgnore] public Task HeldOrEnded => _heldOrEnded.Task;

    internal void Sent() => Interlocked.Increment(ref _eventsSent);

    internal void Hold()
    {
        _held = true;
        _heldOrEnded.TrySetResult();
    }

    /// <summary>Ends the stream once; later calls are ignored.</summary>
    internal void End(string state)
    {
        lock (_ended)
        {
            if (_endedAtMs is not null) return;
            _endedAtMs = NowMs();
            _state = state;
        }
        _ended.TrySetResult();
        _heldOrEnded.TrySetResult();
    }

    public static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
}

/// <summary>The streams the emulator served, newest last, bounded (oldest dropped). Cleared by POST /_emulator/reset.</summary>
public sealed class StreamLog(RequestRecorder recorder)
{
    public const string ItemKey = "truto.stream";
    public const string HoldAfterKey = "truto.stream-hold-after";
    private const int Capacity = 1000;
    private readonly Queue<StreamReport> _reports = new();
    private readonly object _gate = new();
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the report of the stream <paramref name="context"/> answers (its seq is the request log's, when recording).</summary>
    public StreamReport Begin(HttpContext context)
    {
        var seq = context.Items.TryGetValue(Middleware.RecordingMiddleware.SeqKey, out var s) && s is long l ? l : recorder.NextSeq();
        var report = new StreamReport
        {
            Seq = seq,
            RequestId = context.Items.TryGetValue(Middleware.RequestContextMiddleware.RequestIdKey, out var id) ? id as string ?? "" : "",
            Method = context.Request.Method,
            Path = (context.Request.PathBase + context.Request.Path).ToString(),
        };
        context.Items[ItemKey] = report;
        TaskCompletionSource added;
        lock (_gate)
        {
            _reports.Enqueue(report);
            while (_reports.Count > Capacity) _reports.Dequeue();
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        added.TrySetResult();
        return report;
    }

    public List<StreamReport> Snapshot(long since)
    {
        lock (_gate) return _reports.Where(r => r.Seq > since).OrderBy(r => r.Seq).ToList();
    }

    /// <summary>
    /// The streams with seq &gt; <paramref name="since"/>, once there is at least one and every one of them has reached
    /// <paramref name="signal"/> (ended, or held), or when <paramref name="timeout"/> passes (then as they are). A test
    /// waits on the emulator's own event, not on a sleep.
    /// </summary>
    public async Task<List<StreamReport>> WaitAsync(long since, Func<StreamReport, Task> signal, TimeSpan timeout, CancellationToken cancel)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timer.CancelAfter(timeout);
        try
        {
            while (true)
            {
                Task added;
                List<StreamReport> reports;
                lock (_gate)
                {
                    added = _added.Task;
                    reports = _reports.Where(r => r.Seq > since).OrderBy(r => r.Seq).ToList();
                }
                if (reports.Count > 0)
                {
                    await Task.WhenAll(reports.Select(signal)).WaitAsync(timer.Token);
                    return reports;
                }
                await added.WaitAsync(timer.Token);
            }
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return Snapshot(since);
        }
    }

    public void Clear()
    {
        lock (_gate) _reports.Clear();
    }
}
