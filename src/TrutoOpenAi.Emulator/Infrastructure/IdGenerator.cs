namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>Generates OpenAI-style ids: prefix + random alphanumerics. Deterministic when seeded (--seed-random).</summary>
public sealed class IdGenerator
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly object _gate = new();
    private readonly int? _seed;
    private Random _random;

    public IdGenerator(int? seed)
    {
        _seed = seed;
        _random = Create(seed);
    }

    /// <summary>Back to the startup sequence (same ids again when seeded).</summary>
    public void Reset()
    {
        lock (_gate) { _random = Create(_seed); }
    }

    /// <summary>e.g. New("proj_") → "proj_" + 24 alphanumerics.</summary>
    public string New(string prefix, int length = 24)
    {
        return string.Create(prefix.Length + length, (prefix, this), static (span, s) =>
        {
            s.prefix.AsSpan().CopyTo(span);
            var rest = span[s.prefix.Length..];
            lock (s.Item2._gate)
            {
                for (var i = 0; i < rest.Length; i++) rest[i] = Alphabet[s.Item2._random.Next(Alphabet.Length)];
            }
        });
    }

    private static Random Create(int? seed) => seed.HasValue ? new Random(seed.Value) : new Random();
}
