using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>What the model cmdlets (Invoke-OpenAiResponse, Invoke-OpenAiChatCompletion) read from their parameters:
    /// objects given as hashtables or JSON text, and images given as paths or URLs. Bad input is an
    /// <see cref="OpenAiValidationException"/>, raised before any request.</summary>
    internal static class ModelInput
    {
        /// <summary>The largest image sent inline as a data URL.</summary>
        public const long MaxInlineImageBytes = 20 * 1024 * 1024;

        /// <summary>A hashtable, PSCustomObject or JSON object text as a JSON object.</summary>
        public static JsonObject ToJsonObject(object value, string parameter, string errorId)
        {
            var raw = value is PSObject ps ? ps.BaseObject : value;
            try
            {
                var text = raw is string s ? s : Core.Json.OpenAiJson.Serialize(FunctionTool.ToPlainObject(value));
                return JsonNode.Parse(text) as JsonObject ?? throw new OpenAiValidationException(parameter, $"-{parameter} must be an object (a hashtable or JSON object text).", errorId);
            }
            catch (JsonException ex)
            {
                throw new OpenAiValidationException(parameter, $"-{parameter} is not valid JSON: {ex.Message}", errorId);
            }
        }

        /// <summary>
        /// -Metadata as the API's string map, checked as the API checks it: at most 16 pairs, keys up to 64 characters,
        /// values up to 512. Null stays null.
        /// </summary>
        public static Dictionary<string, string>? Metadata(IDictionary? table, string parameter = "Metadata")
        {
            if (table is null) return null;
            if (table.Count > 16) throw new OpenAiValidationException(parameter, $"-{parameter} has {table.Count} pairs; the API takes at most 16.", "OpenAiInvalidMetadata");
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in table)
            {
                var key = entry.Key?.ToString() ?? string.Empty;
                var value = (entry.Value is PSObject ps ? ps.BaseObject : entry.Value)?.ToString() ?? string.Empty;
                if (key.Length == 0 || key.Length > 64) throw new OpenAiValidationException(parameter, $"-{parameter} key '{key}' must be 1 to 64 characters.", "OpenAiInvalidMetadata");
                if (value.Length > 512) throw new OpenAiValidationException(parameter, $"-{parameter} value of '{key}' is {value.Length} characters; the API takes at most 512.", "OpenAiInvalidMetadata");
                map[key] = value;
            }
            return map;
        }

        /// <summary>Sets the -AdditionalBody fields on <paramref name="body"/> as given (they win over the cmdlet's own).</summary>
        public static void Merge(JsonObject body, IDictionary? additional)
        {
            if (additional is null) return;
            foreach (DictionaryEntry entry in additional)
                body[entry.Key.ToString()!] = JsonNode.Parse(Core.Json.OpenAiJson.Serialize(FunctionTool.ToPlainObject(entry.Value) ?? ""));
        }

        /// <summary>True for an image given as an http(s) or data URL (sent as it is).</summary>
        public static bool IsUrl(string image) =>
            image.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || image.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || image.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The URL to send for -Image: a URL as it is, a local file (resolved against the current location) as a data URL.
        /// A file that does not exist, or is larger than the API takes inline, is refused.
        /// </summary>
        public static string ImageUrl(PSCmdlet cmdlet, string image)
        {
            if (IsUrl(image)) return image;
            var path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(image);
            if (!File.Exists(path)) throw new OpenAiValidationException("Image", $"-Image '{image}' does not exist.", "OpenAiImageNotFound");
            var length = new FileInfo(path).Length;
            if (length > MaxInlineImageBytes)
                throw new OpenAiValidationException("Image", $"-Image '{image}' is {length / 1048576.0:0.#} MB; inline images can be at most 20 MB (upload it with New-OpenAiFile and pass its id, or pass a URL).", "OpenAiFileTooLarge");
            var extension = Path.GetExtension(path).ToLowerInvariant();
            var mime = extension switch { ".png" => "image/png", ".gif" => "image/gif", ".webp" => "image/webp", _ => "image/jpeg" };
            return $"data:{mime};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
        }
    }
}
