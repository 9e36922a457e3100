namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// Unix-seconds clock. Real time by default; can be frozen or shifted via POST /_emulator/clock, and made to move
/// a fixed step with every /v1 request (<see cref="TickSeconds"/>), so a client that polls sees lifecycles progress
/// after a known number of requests, whatever the wall clock does.
/// </summary>
public sealed class EmulatorClock
{
    private readonly object _gate = new();
    private long? _frozen;
    private long _offset;
    private long _tick;

    public long UnixSeconds
    {
        get
        {
            lock (_gate)
            {
                return _frozen ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds() + _offset;
            }
        }
    }

    public bool IsFrozen { get { lock (_gate) { return _frozen.HasValue; } } }

    /// <summary>Freeze at <paramref name="unixSeconds"/>; null returns to real time (clearing any offset).</summary>
    public void Set(long? unixSeconds)
    {
        lock (_gate)
        {
            _frozen = unixSeconds;
            _offset = 0;
        }
    }

    /// <summary>Seconds the clock moves before each authenticated /v1 request is handled (0, the default: it does not).</summary>
    public long TickSeconds
    {
        get { lock (_gate) { return _tick; } }
        set { lock (_gate) { _tick = value; } }
    }

    /// <summary>Moves the clock by <see cref="TickSeconds"/> (called once per /v1 request).</summary>
    public void Tick()
    {
        lock (_gate)
        {
            if (_tick == 0) return;
            if (_frozen.HasValue) _frozen += _tick;
            else _offset += _tick;
        }
    }

    public void Advance(long seconds)
    {
        lock (_gate)
        {
            if (_frozen.HasValue) _frozen += seconds;
            else _offset += seconds;
        }
    }
}
