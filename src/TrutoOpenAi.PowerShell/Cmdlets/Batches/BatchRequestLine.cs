using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Platform;

namespace TrutoOpenAi.PowerShell.Cmdlets.BatchJobs
{
    /// <summary>
    /// The -AsBatchRequest of the model cmdlets (Invoke-OpenAiResponse, Invoke-OpenAiChatCompletion, New-OpenAiEmbedding,
    /// Test-OpenAiModeration): instead of calling, the cmdlet writes the request it would have sent as an
    /// <see cref="OpenAiBatchRequest"/> line with the input object attached, for Invoke-OpenAiBatch. The input object is
    /// the object as it was piped (a FileInfo, a CSV row...), not the text the cmdlet made of it. Switches that need a live call (streaming, background,
    /// running functions) cannot go in a batch and are refused before anything is written.
    /// </summary>
    internal static class BatchRequestLine
    {
        /// <summary>The help text of every -AsBatchRequest parameter.</summary>
        public const string ParameterHelp = "Write the request as a batch request line (OpenAiBatchRequest) for Invoke-OpenAiBatch instead of sending it.";

        /// <summary>
        /// What a line is attached to: the object as piped or given to -InputObject (a PSCustomObject kept whole, any other
        /// object unwrapped), else <paramref name="fallback"/> (the message or text).
        /// </summary>
        public static object? InputOf(PSObject? inputObject, object? fallback) =>
            inputObject is null ? fallback : inputObject.BaseObject is PSCustomObject ? inputObject : inputObject.BaseObject;

        /// <param name="url">The endpoint with its /v1 prefix, as batch lines name it: /v1/responses.</param>
        /// <param name="body">The body the cmdlet would have sent.</param>
        /// <param name="inputObject">What the line is for (the piped message or text), carried to its result.</param>
        /// <param name="refused">Switches the caller gave that a batch cannot honour: (name, given).</param>
        public static OpenAiBatchRequest Create(string url, JsonObject body, object? inputObject, params (string Name, bool Given)[] refused)
        {
            foreach (var (name, given) in refused)
            {
                if (given)
                    throw new OpenAiValidationException(name,
                        $"-{name} cannot be combined with -AsBatchRequest: a batch request runs later on OpenAI's side, without a live connection.",
                        "OpenAiInvalidBatchRequest");
            }
            return OpenAiBatchRequest.For(url, body, inputObject);
        }
    }
}
