namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>Unix-seconds clock. Real time by default; can be frozen or shifted via POST /_emulator/clock.</summary>
public sealed class EmulatorClock
{
    private readonly object _gate = new();
    private long? _frozen;
    private long _offset;

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

    public void Advance(long seconds)
    {
        lock (_gate)
        {
            if (_frozen.HasValue) _frozen += seconds;
            else _offset += seconds;
        }
    }
}
