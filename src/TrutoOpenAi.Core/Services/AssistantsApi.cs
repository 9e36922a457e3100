using System;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace TrutoOpenAi.Core
{
    /// <summary>
    /// Facts of the Assistants API (assistants, threads, messages, runs, run steps; the OpenAI-Beta header its requests
    /// carry comes from the operation table): how to tell, from an API error, that OpenAI retired it (2026-08-26) rather than that one object is missing.
    /// </summary>
    public static class AssistantsApi
    {
        /// <summary>The date OpenAI shut the Assistants API down.</summary>
        public const string RetiredOn = "2026-08-26";

        private static readonly Regex RetiredWords = new Regex(
            @"\b(retired|shut ?down|sunset|deprecated|no longer (available|supported|served))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>True for paths of the family (assistants..., threads...), with or without the leading slash.</summary>
        public static bool IsAssistantsPath(string path)
        {
            var p = path.TrimStart('/');
            return p == "assistants" || p.StartsWith("assistants/", StringComparison.Ordinal) || p.StartsWith("assistants?", StringComparison.Ordinal)
                || p == "threads" || p.StartsWith("threads/", StringComparison.Ordinal) || p.StartsWith("threads?", StringComparison.Ordinal);
        }

        /// <summary>
        /// True when an error on a family path says the endpoint itself is gone: HTTP 410, a 404 "Invalid URL" (the API's
        /// answer for a route it does not serve), or a 400/403/404 whose message speaks of retirement. A 404 that names a
        /// missing object ("No thread found with id ...") is not.
        /// </summary>
        public static bool IsRetirement(OpenAiApiException error)
        {
            if (!IsAssistantsPath(error.Path)) return false;
            if (error.StatusCode == 410) return true;
            var message = error.ApiMessage ?? string.Empty;
            if (error.StatusCode == 404 && message.StartsWith("Invalid URL", StringComparison.OrdinalIgnoreCase)) return true;
            return (error.StatusCode == 400 || error.StatusCode == 403 || error.StatusCode == 404) && RetiredWords.IsMatch(message)
                && !message.Contains("assistants=v2");
        }
    }

    /// <summary>
    /// The Assistants API answered that it is gone: OpenAI retired it on 2026-08-26. Says so, and names the cmdlets that
    /// replace the one that failed. ErrorId OpenAiApiRetired.
    /// </summary>
    public sealed class OpenAiApiRetiredException : OpenAiException
    {
        public OpenAiApiRetiredException(OpenAiApiException inner, string replacement)
            : base($"The Assistants API was retired on {AssistantsApi.RetiredOn}: OpenAI no longer serves {inner.Method} {inner.Path} " +
                   $"(HTTP {inner.StatusCode}: {inner.ApiMessage}). {replacement}", inner)
        {
            Replacement = replacement;
            StatusCode = inner.StatusCode;
        }

        /// <summary>What to use instead (the replacing cmdlets).</summary>
        public string Replacement { get; }

        public int StatusCode { get; }

        public override string ErrorId => "OpenAiApiRetired";
    }
}
