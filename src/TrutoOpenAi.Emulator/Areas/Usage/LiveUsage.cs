using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Usage;

/// <summary>
/// The usage atoms of the model calls made against the emulator (<see cref="ModelTraffic"/>), beside the generated
/// history of <see cref="UsageGenerator"/>: each call becomes one atom in the bucket of its time, with the tokens,
/// images, characters or seconds the call reported, grouped and filtered like any other atom (project, API key, model,
/// batch, size, source). Costs price the same atoms.
/// </summary>
public static class LiveUsage
{
    /// <summary>The atoms of <paramref name="calls"/> (sorted by time) in [start, end) for one endpoint.</summary>
    public static IEnumerable<UsageAtom> Atoms(UsageEndpointDef endpoint, ModelCall[] calls, long start, long end)
    {
        var from = FirstAtOrAfter(calls, start);
        for (var i = from; i < calls.Length && calls[i].At < end; i++)
        {
            var call = calls[i];
            if (endpoint.IsCosts)
            {
                foreach (var cost in Costs(call)) yield return cost;
            }
            else if (Usage(endpoint.Name, call) is { } atom) yield return atom;
        }
    }

    private static UsageAtom? Usage(string endpoint, ModelCall call)
    {
        if (call.Endpoint != endpoint || call.ProjectId is null) return null;
        decimal[]? measures = endpoint switch
        {
            // input_tokens, output_tokens, input_cached_tokens, input_audio_tokens, output_audio_tokens, num_model_requests
            "completions" => [call.InputTokens, call.OutputTokens, 0, 0, 0, 1],
            "embeddings" or "moderations" => [call.InputTokens, 1],
            "images" => [call.Images, 1],
            "audio_speeches" => [call.Characters, 1],
            "audio_transcriptions" => [call.Seconds, 1],
            _ => null,
        };
        return measures is null ? null : new UsageAtom(call.ProjectId, measures)
        {
            ApiKeyId = call.ApiKeyId, Model = call.Model, Batch = call.Batch, ServiceTier = "default", Size = call.Size, Source = call.Source,
        };
    }

    /// <summary>Line items at list prices (per 1M tokens: mini 0.15 in / 0.60 out, nano 0.10 / 0.40, others 2.50 / 10.00,
    /// half in a batch; embeddings 0.02, large 0.13; images per image by size; speech per 1M characters 15, hd 30;
    /// transcription 0.006 per minute). Moderation is free: no line. Amounts are exact (not rounded per call), so a
    /// line's amount is its summed quantity times the price.</summary>
    private static IEnumerable<UsageAtom> Costs(ModelCall call)
    {
        if (call.ProjectId is null) yield break;
        UsageAtom Cost(string lineItem, decimal quantity, string unit, decimal pricePerUnit) =>
            new(call.ProjectId, [quantity * pricePerUnit, quantity]) { ApiKeyId = call.ApiKeyId, LineItem = lineItem, QuantityUnit = unit };
        const decimal M = 1_000_000m;
        switch (call.Endpoint)
        {
            case "completions":
            {
                var (input, output) = call.Model.Contains("nano", StringComparison.Ordinal) ? (0.10m, 0.40m)
                    : call.Model.Contains("mini", StringComparison.Ordinal) ? (0.15m, 0.60m) : (2.50m, 10.00m);
                var discount = call.Batch ? 0.5m : 1m;
                yield return Cost(call.Model + ", input", call.InputTokens, "tokens", input / M * discount);
                yield return Cost(call.Model + ", output", call.OutputTokens, "tokens", output / M * discount);
                break;
            }
            case "embeddings":
                yield return Cost(call.Model, call.InputTokens, "tokens", (call.Model.Contains("large", StringComparison.Ordinal) ? 0.13m : 0.02m) / M * (call.Batch ? 0.5m : 1m));
                break;
            case "images":
                yield return Cost(call.Model + ", " + call.Size, call.Images, "images", call.Size == "512x512" ? 0.018m : call.Size == "1024x1024" ? 0.04m : 0.08m);
                break;
            case "audio_speeches":
                yield return Cost(call.Model, call.Characters, "characters", (call.Model.EndsWith("-hd", StringComparison.Ordinal) ? 30m : 15m) / M);
                break;
            case "audio_transcriptions":
                yield return Cost(call.Model, Math.Round(call.Seconds / 60m, 4), "duration_minutes", 0.006m);
                break;
        }
    }

    private static int FirstAtOrAfter(ModelCall[] calls, long at)
    {
        int lo = 0, hi = calls.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (calls[mid].At < at) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
