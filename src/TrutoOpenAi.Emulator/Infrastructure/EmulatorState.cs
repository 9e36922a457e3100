namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// Everything an area shares: options, the id generator, the clock, and the area stores.
/// One instance per process (also registered as a DI singleton).
/// </summary>
public sealed class EmulatorState
{
    private readonly object _gate = new();
    private readonly List<IEmulatorStore> _stores = new();
    private readonly Dictionary<Type, IEmulatorStore> _byType = new();

    public EmulatorState(EmulatorOptions options)
    {
        Options = options;
        Ids = new IdGenerator(options.SeedRandom);
    }

    public EmulatorOptions Options { get; }
    public IdGenerator Ids { get; }
    public EmulatorClock Clock { get; } = new();

    /// <summary>The store of type <typeparamref name="T"/>, created on first use (constructor taking EmulatorState) and reset once.</summary>
    public T Store<T>() where T : class, IEmulatorStore
    {
        lock (_gate)
        {
            if (_byType.TryGetValue(typeof(T), out var existing)) return (T)existing;
            var store = (T)Activator.CreateInstance(typeof(T), this)!;
            store.Reset();
            _byType[typeof(T)] = store;
            _stores.Add(store);
            return store;
        }
    }

    public IReadOnlyList<IEmulatorStore> Stores { get { lock (_gate) { return _stores.ToArray(); } } }

    /// <summary>Back to the startup state: ids restart their sequence, clock to real time (no tick), every store reset in creation order.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            Ids.Reset();
            Clock.Set(null);
            Clock.TickSeconds = 0;
            foreach (var store in _stores) store.Reset();
        }
    }
}
