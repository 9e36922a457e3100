using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Evals;

/// <summary>The answers eval runs grade (completions and responses data sources): the emulator's stand-in model.</summary>
internal static class EvalSampler
{
    /// <summary>The stand-in model's answer to the rendered messages (system and developer messages are its instructions).</summary>
    public static StandInAnswer Answer(string model, IReadOnlyList<(string Role, string Content)> messages, int? maxTokens)
    {
        var instructions = string.Join("\n", messages.Where(m => m.Role is "system" or "developer").Select(m => m.Content));
        return StandInModel.Respond(new StandInPrompt
        {
            Model = model,
            Instructions = instructions.Length == 0 ? null : instructions,
            Messages = messages.Where(m => m.Role is not ("system" or "developer")).Select(m => new StandInMessage(m.Role, m.Content)).ToList(),
            MaxOutputTokens = maxTokens,
        });
    }
}
