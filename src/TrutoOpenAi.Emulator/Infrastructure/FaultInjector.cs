using System.Text.Json.Serialization;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>A deterministic failure: the next <see cref="Count"/> matching requests answer <see cref="Status"/>.</summary>
public sealed class FailNext
{
    /// <summary>The error status to answer; ignored (may be 0) when <see cref="Drop"/> is set.</summary>
    public int Status { get; set; }
    /// <summary>Abort the connection instead of answering.</summary>
    public bool Drop { get; set; }
    /// <summary>Run the request first (the server acts: a create creates), then fail: the client cannot know it was applied.</summary>
    public bool After { get; set; }
    public double? RetryAfterSeconds { get; set; }
    public double? RetryAfterMs { get; set; }
    public int Count { get; set; } = 1;
}

/// <summary>One fault rule (POST /_emulator/faults). Fields use the JSON names in snake_case.</summary>
public sealed class FaultRule
{
    public int Id { get; set; }
    public string? PathPrefix { get; set; }
    public string? Method { get; set; }
    [JsonPropertyName("rate_429")] public double Rate429 { get; set; }
    [JsonPropertyName("rate_500")] public double Rate500 { get; set; }
    [JsonPropertyName("rate_503")] public double Rate503 { get; set; }
    public double DropRate { get; set; }
    /// <summary>Share of requests that are carried out and then answered 500: the server acted, the client sees a failure.</summary>
    [JsonPropertyName("rate_500_after")] public double Rate500After { get; set; }
    /// <summary>Share of requests that are carried out and then dropped before the answer.</summary>
    public double DropAfterRate { get; set; }
    /// <summary>Share of requests delayed by <see cref="DelayMs"/>; 0 (default) with a delay set delays every matching request.</summary>
    public double SlowRate { get; set; }
    public double? RetryAfterSeconds { get; set; }
    public double? RetryAfterMs { get; set; }
    public int DelayMs { get; set; }
    /// <summary>A streamed answer (server-sent events or audio bytes) holds after this many events until the client closes
    /// it (up to 2 minutes): a stream that is certainly open while a test stops its pipeline.</summary>
    public int? StreamHoldAfter { get; set; }
    public List<FailNext>? FailNext { get; set; }

    public string? Validate()
    {
        foreach (var (name, rate) in new[] { ("rate_429", Rate429), ("rate_500", Rate500), ("rate_503", Rate503), ("drop_rate", DropRate),
                     ("rate_500_after", Rate500After), ("drop_after_rate", DropAfterRate), ("slow_rate", SlowRate) })
            if (rate is < 0 or > 1 || double.IsNaN(rate)) return $"'{name}' must be between 0 and 1.";
        if (TotalRate > 1) return "The rates together (slow_rate aside) must not exceed 1.";
        if (DelayMs is < 0 or > 600_000) return "'delay_ms' must be between 0 and 600000.";
        if (StreamHoldAfter is < 1) return "'stream_hold_after' must be at least 1.";
        if (RetryAfterSeconds is < 0 || RetryAfterMs is < 0) return "Retry-after values must not be negative.";
        foreach (var f in FailNext ?? [])
        {
            if (!f.Drop && f.Status is < 400 or > 599) return "'fail_next[].status' must be an HTTP error status (400-599), or set 'drop'.";
            if (f.Count < 1) return "'fail_next[].count' must be at least 1.";
            if (f.RetryAfterSeconds is < 0 || f.RetryAfterMs is < 0) return "Retry-after values must not be negative.";
        }
        return null;
    }

    internal double TotalRate => Rate429 + Rate500 + Rate503 + DropRate + Rate500After + DropAfterRate;

    public bool Matches(HttpRequest request) =>
        (string.IsNullOrEmpty(Method) || string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrEmpty(PathPrefix) || (request.PathBase + request.Path).ToString().StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase));
}

/// <summary>What to do with one request.</summary>
public readonly record struct FaultDecision(int DelayMs, bool Drop, int Status, double? RetryAfterSeconds, double? RetryAfterMs, bool After = false)
{
    /// <summary>The smallest <see cref="FaultRule.StreamHoldAfter"/> of the matching rules, if any.</summary>
    public int? StreamHoldAfter { get; init; }

    public bool IsFault => Drop || Status != 0;

    /// <summary>How the recorder names it: "429", "500", "drop", and "500-after" / "drop-after" when the request was carried out first.</summary>
    public string Label => (Drop ? "drop" : Status.ToString(System.Globalization.CultureInfo.InvariantCulture)) + (After ? "-after" : "");
}

/// <summary>Fault rules and the seeded random that drives them. Deterministic fail_next entries win over random rates.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly int? _seed;
    private readonly List<FaultRule> _rules = new();
    private Random _random;
    private int _nextId;

    public FaultInjector(int? seed)
    {
        _seed = seed;
        _random = seed.HasValue ? new Random(seed.Value) : new Random();
    }

    public bool Any { get { lock (_gate) { return _rules.Count > 0; } } }

    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            rule.Id = ++_nextId;
            _rules.Add(rule);
            return rule;
        }
    }

    public List<FaultRule> Rules { get { lock (_gate) { return _rules.ToList(); } } }

    /// <summary>Remove all rules; <paramref name="reseed"/> also restarts the random sequence (POST /_emulator/reset).</summary>
    public void Clear(bool reseed = false)
    {
        lock (_gate)
        {
            _rules.Clear();
            if (reseed) _random = _seed.HasValue ? new Random(_seed.Value) : new Random();
        }
    }

    public FaultDecision Decide(HttpRequest request)
    {
        lock (_gate)
        {
            if (_rules.Count == 0) return default;
            var delay = 0;
            int? hold = null;
            FaultDecision? result = null;
            foreach (var rule in _rules)
            {
                if (!rule.Matches(request)) continue;
                if (rule.StreamHoldAfter is { } h) hold = Math.Min(hold ?? h, h);
                if (rule.DelayMs > 0 && (rule.SlowRate <= 0 || _random.NextDouble() < rule.SlowRate)) delay = Math.Max(delay, rule.DelayMs);
                if (result is null && rule.FailNext is { Count: > 0 } queue)
                {
                    var next = queue[0];
                    if (--next.Count <= 0) queue.RemoveAt(0);
                    result = new FaultDecision(0, next.Drop, next.Drop ? 0 : next.Status, next.RetryAfterSeconds ?? rule.RetryAfterSeconds,
                        next.RetryAfterMs ?? rule.RetryAfterMs, next.After);
                }
            }
            if (result is null)
            {
                foreach (var rule in _rules)
                {
                    if (!rule.Matches(request)) continue;
                    if (rule.TotalRate <= 0) continue;
                    var roll = _random.NextDouble();
                    var status = 0;
                    var drop = false;
                    var after = false;
                    if (roll < rule.DropRate) drop = true;
                    else if ((roll -= rule.DropRate) < rule.Rate429) status = 429;
                    else if ((roll -= rule.Rate429) < rule.Rate500) status = 500;
                    else if ((roll -= rule.Rate500) < rule.Rate503) status = 503;
                    else if ((roll -= rule.Rate503) < rule.Rate500After) (status, after) = (500, true);
                    else if (roll - rule.Rate500After < rule.DropAfterRate) (drop, after) = (true, true);
                    if (drop || status != 0)
                    {
                        // Retry-After only where it is honest: a 429 or 503 that turned the request away.
                        var hint = !after && status is 429 or 503;
                        result = new FaultDecision(0, drop, status, hint ? rule.RetryAfterSeconds : null, hint ? rule.RetryAfterMs : null, after);
                        break;
                    }
                }
            }
            return (result ?? default) with { DelayMs = delay, StreamHoldAfter = hold };
        }
    }
}
