namespace TrutoOpenAi.Emulator.Areas.Assistants;

/// <summary>The assistant's answer in a run.</summary>
internal static class RunAnswer
{
    /// <summary>With tool outputs: "name: output" lines; otherwise the text of the last user message.</summary>
    public static string For(string model, string? instructions, IReadOnlyList<(string Role, string Text)> history, IReadOnlyList<(string Name, string Output)>? toolOutputs)
    {
        if (toolOutputs is { Count: > 0 }) return string.Join("\n", toolOutputs.Select(t => $"{t.Name}: {t.Output}"));
        for (var i = history.Count - 1; i >= 0; i--)
            if (history[i].Role == "user") return history[i].Text;
        return string.Empty;
    }
}
