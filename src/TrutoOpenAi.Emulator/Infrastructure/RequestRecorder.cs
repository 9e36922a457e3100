using System.Text.Json;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>One recorded /v1 request (GET /_emulator/requests).</summary>
public sealed class RecordedRequest
{
    public long Seq { get; init; }
    public required string RequestId { get; init; }
    public long Timestamp { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string Query { get; init; }
    public required Dictionary<string, string[]> QueryParams { get; init; }
    public JsonElement? Body { get; init; }
    public int Status { get; init; }
    /// <summary>Name of the injected fault ("429", "500", "drop"...) or null.</summary>
    public string? Fault { get; init; }
    public required string AuthKind { get; init; }
    public required Dictionary<string, string> Headers { get; init; }
    public long DurationMs { get; init; }
    /// <summary>For a streamed answer, how the stream went (events sent, ended or closed by the client); else null.
    /// The same object GET /_emulator/streams lists, so it keeps changing until the stream ends.</summary>
    public StreamReport? Stream { get; init; }
}

/// <summary>Bounded ring of recorded requests (oldest dropped first) so memory stays flat in benchmarks.</summary>
public sealed class RequestRecorder
{
    public const int DefaultCapacity = 10_000;

    /// <summary>Request headers worth recording (lower-case). Authorization is never recorded.</summary>
    public static readonly string[] RecordedHeaders =
        ["openai-organization", "openai-project", "user-agent", "x-stainless-retry-count", "idempotency-key", "content-type", "openai-beta"];

    private readonly object _gate = new();
    private RecordedRequest?[] _ring = new RecordedRequest?[DefaultCapacity];
    private int _start, _count;
    private long _seq;

    public bool Enabled { get; set; } = true;

    public int Capacity { get { lock (_gate) { return _ring.Length; } } }

    public long NextSeq() => Interlocked.Increment(ref _seq);

    public void Add(RecordedRequest entry)
    {
        lock (_gate)
        {
            if (_count < _ring.Length)
            {
                _ring[(_start + _count) % _ring.Length] = entry;
                _count++;
            }
            else
            {
                _ring[_start] = entry;
                _start = (_start + 1) % _ring.Length;
            }
        }
    }

    /// <summary>Entries with seq &gt; <paramref name="since"/>, oldest first (by seq).</summary>
    public List<RecordedRequest> Snapshot(long since)
    {
        var result = new List<RecordedRequest>();
        lock (_gate)
        {
            for (var i = 0; i < _count; i++)
            {
                var e = _ring[(_start + i) % _ring.Length]!;
                if (e.Seq > since) result.Add(e);
            }
        }
        // Entries are added when responses finish, so concurrent requests can land slightly out of seq order.
        result.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        return result;
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _start = 0;
            _count = 0;
        }
    }

    public void SetCapacity(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        lock (_gate)
        {
            var keep = new List<RecordedRequest>(Math.Min(_count, capacity));
            for (var i = Math.Max(0, _count - capacity); i < _count; i++) keep.Add(_ring[(_start + i) % _ring.Length]!);
            _ring = new RecordedRequest?[capacity];
            for (var i = 0; i < keep.Count; i++) _ring[i] = keep[i];
            _start = 0;
            _count = keep.Count;
        }
    }
}
