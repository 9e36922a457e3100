namespace TrutoOpenAi.Emulator.Areas.Evals;

/// <summary>The answers eval runs grade (completions and responses data sources).</summary>
internal static class EvalSampler
{
    /// <summary>The model's answer to the rendered messages: the text of the last user message, as given.</summary>
    public static string Answer(string model, IReadOnlyList<(string Role, string Content)> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
            if (messages[i].Role == "user") return messages[i].Content;
        return string.Empty;
    }
}
