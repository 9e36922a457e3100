using System.Collections.Concurrent;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>One model call answered by the emulator (responses, chat completions, embeddings, moderations).</summary>
public sealed record ModelCall(long At, string Endpoint, string Model, int InputTokens, int OutputTokens);

/// <summary>
/// The model calls made against the emulator, so the usage endpoints can count a runbook's own traffic.
/// Cleared by POST /_emulator/reset.
/// </summary>
public sealed class ModelTraffic(EmulatorState state) : IEmulatorStore
{
    public ConcurrentQueue<ModelCall> Calls { get; private set; } = new();

    public void Reset() => Calls = new ConcurrentQueue<ModelCall>();

    public static void Record(EmulatorState state, string model, int input, int output, string endpoint = "completions") =>
        state.Store<ModelTraffic>().Calls.Enqueue(new ModelCall(state.Clock.UnixSeconds, endpoint, model, input, output));
}
