using TrutoOpenAi.Core.Models.ChatCompletions;

namespace TrutoOpenAi.PowerShell.Cmdlets.ChatCompletions
{
    /// <summary>How the chat completion cmdlets name a completion in confirmation prompts and -WhatIf.</summary>
    internal static class ChatCompletionText
    {
        /// <summary>"chat completion chatcmpl-abc (gpt-4o-mini, 2026-11-28 12:00 UTC): 'first words of the answer...'".</summary>
        public static string Describe(OpenAiChatCompletion completion)
        {
            var content = completion.Content;
            var preview = content.Length > 40 ? content.Substring(0, 40) + "..." : content;
            var text = $"chat completion {completion.Id} ({completion.Model}, {completion.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC)";
            return preview.Length > 0 ? $"{text}: '{preview}'" : text;
        }
    }
}
