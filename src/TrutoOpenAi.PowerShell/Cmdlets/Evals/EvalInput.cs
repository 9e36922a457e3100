using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Turns what users give for eval definitions (hashtables, PSCustomObjects, JSON text, a file) into JSON, checking it first.</summary>
    internal static class EvalInput
    {
        /// <summary>The testing criterion types the API knows.</summary>
        public static readonly string[] CriterionTypes = { "label_model", "string_check", "text_similarity", "python", "score_model", "multi" };

        private static readonly string[] StringOperations = { "eq", "ne", "like", "ilike" };

        /// <summary>A value as JSON: JSON text is parsed (so it is checked), anything else is serialized like -Body.</summary>
        public static JsonNode? ToNode(object? value, string parameter)
        {
            if (value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject)) value = wrapped.BaseObject;
            if (value is null) return null;
            if (value is string text)
            {
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException ex)
                {
                    throw new OpenAiValidationException(parameter, $"-{parameter} is text but not JSON: {ex.Message}", "OpenAiInvalidJson");
                }
            }
            return JsonNode.Parse(PowerShellToJson.Serialize(value));
        }

        /// <summary>The testing criteria from -TestingCriterion: hashtables or JSON objects, or one JSON array.</summary>
        public static JsonArray Criteria(object[] values)
        {
            var result = new JsonArray();
            foreach (var value in values)
            {
                var node = ToNode(value, "TestingCriterion");
                if (node is JsonArray many)
                {
                    foreach (var item in many) result.Add(item?.DeepClone());
                }
                else
                {
                    result.Add(node);
                }
            }
            return result;
        }

        /// <summary>Refuses, before any request, criteria the API would refuse: not an object, no name, an unknown type or operation.</summary>
        public static void CheckCriteria(JsonArray criteria)
        {
            if (criteria.Count == 0) throw new OpenAiValidationException("TestingCriterion", "Give at least one testing criterion.", "OpenAiInvalidTestingCriterion");
            for (var i = 0; i < criteria.Count; i++)
            {
                if (!(criteria[i] is JsonObject criterion))
                    throw new OpenAiValidationException("TestingCriterion", $"Testing criterion {i + 1} is not an object (a hashtable or JSON object with type and name).", "OpenAiInvalidTestingCriterion");
                var type = Text(criterion, "type");
                if (type is null || !CriterionTypes.Contains(type))
                    throw new OpenAiValidationException("TestingCriterion",
                        $"Testing criterion {i + 1} has type '{type}', which the API does not know. Use one of: {string.Join(", ", CriterionTypes)}.", "OpenAiInvalidTestingCriterion");
                if (Text(criterion, "name") is null)
                    throw new OpenAiValidationException("TestingCriterion", $"Testing criterion {i + 1} ({type}) has no name.", "OpenAiInvalidTestingCriterion");
                if (type == "string_check" && !StringOperations.Contains(Text(criterion, "operation") ?? string.Empty))
                    throw new OpenAiValidationException("TestingCriterion",
                        $"Testing criterion {i + 1} (string_check) needs operation eq, ne, like or ilike, not '{Text(criterion, "operation")}'.", "OpenAiInvalidTestingCriterion");
            }
        }

        /// <summary>Reads a JSON definition file (an object), resolving the path against the current location.</summary>
        public static JsonObject ReadDefinition(PSCmdlet cmdlet, string path)
        {
            var full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            if (!File.Exists(full)) throw new OpenAiValidationException("Definition", $"The definition file '{full}' does not exist.", "OpenAiFileNotFound");
            try
            {
                return JsonNode.Parse(File.ReadAllText(full)) as JsonObject
                    ?? throw new OpenAiValidationException("Definition", $"The definition file '{full}' holds JSON that is not an object.", "OpenAiInvalidJson");
            }
            catch (JsonException ex)
            {
                throw new OpenAiValidationException("Definition", $"The definition file '{full}' is not JSON: {ex.Message}", "OpenAiInvalidJson");
            }
        }

        /// <summary>Hashtable -Metadata to the API's string map.</summary>
        public static Dictionary<string, string>? Metadata(Hashtable? table) => FineTuningJobs.FineTuningMetadata.From(table);

        /// <summary>Metadata as a JSON object.</summary>
        public static JsonObject? MetadataNode(Hashtable? table)
        {
            var map = Metadata(table);
            if (map is null) return null;
            var node = new JsonObject();
            foreach (var pair in map) node[pair.Key] = pair.Value;
            return node;
        }

        private static string? Text(JsonObject node, string name) =>
            node.TryGetPropertyValue(name, out var value) && value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
    }
}
