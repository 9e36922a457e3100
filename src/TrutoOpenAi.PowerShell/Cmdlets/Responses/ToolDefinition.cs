using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>
    /// The tools of the model cmdlets: checks a tool's shape against the spec's <c>Tool</c> union (its type known, the
    /// fields that type requires present, a function's name and parameters schema valid) and reads the -Tool entries of
    /// Invoke-OpenAiResponse (Responses shape) and Invoke-OpenAiChatCompletion (chat shape: function tools only). An
    /// <see cref="OpenAiTool"/> made from a PowerShell command is also offered to the function loop. Bad shapes are
    /// <see cref="OpenAiValidationException"/>s (OpenAiInvalidTool, OpenAiInvalidJsonSchema), raised before any request.
    /// </summary>
    internal static class ToolDefinition
    {
        /// <summary>The tool types of the spec's Tool union, with the fields each requires besides <c>type</c>.</summary>
        private static readonly Dictionary<string, string[]> Required = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["function"] = new[] { "name" },
            ["file_search"] = new[] { "vector_store_ids" },
            ["computer"] = new string[0],
            ["computer_use_preview"] = new[] { "environment", "display_width", "display_height" },
            ["web_search"] = new string[0],
            ["web_search_2025_08_26"] = new string[0],
            ["web_search_preview"] = new string[0],
            ["web_search_preview_2025_03_11"] = new string[0],
            ["mcp"] = new[] { "server_label" },
            ["code_interpreter"] = new[] { "container" },
            ["programmatic_tool_calling"] = new string[0],
            ["image_generation"] = new string[0],
            ["local_shell"] = new string[0],
            ["shell"] = new string[0],
            ["custom"] = new[] { "name" },
            ["namespace"] = new[] { "name", "description", "tools" },
            ["tool_search"] = new string[0],
            ["apply_patch"] = new string[0],
        };

        /// <summary>Checks <paramref name="definition"/> is a tool the Responses API takes; returns it.</summary>
        public static JsonObject Check(JsonObject definition, string parameter = "Tool")
        {
            var type = Text(definition, "type");
            if (type is null || !Required.TryGetValue(type, out var fields))
                throw Invalid(parameter, $"-{parameter} {definition.ToJsonString()} has {(type is null ? "no type" : $"the unknown type '{type}'")}; known types: {string.Join(", ", Required.Keys)}.");
            foreach (var field in fields)
                if (definition[field] is null)
                    throw Invalid(parameter, $"-{parameter}: a {type} tool needs '{field}': {definition.ToJsonString()}");
            switch (type)
            {
                case "function":
                    CheckName(Text(definition, "name"), parameter);
                    if (definition["parameters"] is JsonNode schema) CheckParameters(schema, parameter);
                    break;
                case "custom":
                    CheckName(Text(definition, "name"), parameter);
                    break;
                case "file_search":
                    if (!(definition["vector_store_ids"] is JsonArray ids) || ids.Count == 0 || ids.Any(id => !(id is JsonValue v) || !v.TryGetValue<string>(out var s) || s.Length == 0))
                        throw Invalid(parameter, $"-{parameter}: a file_search tool needs 'vector_store_ids', a list of vector store ids (vs_...): {definition.ToJsonString()}");
                    break;
                case "mcp":
                    if (definition["server_url"] is null && definition["connector_id"] is null && definition["tunnel_id"] is null)
                        throw Invalid(parameter, $"-{parameter}: an mcp tool needs one of 'server_url', 'connector_id' or 'tunnel_id': {definition.ToJsonString()}");
                    break;
            }
            return definition;
        }

        /// <summary>A -Tool entry of Invoke-OpenAiResponse: an OpenAiTool (its command offered to <paramref name="functions"/>), a hashtable or JSON text.</summary>
        public static JsonObject ForResponses(object entry, FunctionRunner functions)
        {
            if (Unwrap(entry) is OpenAiTool tool) return Offer(tool, functions);
            return Check(ModelInput.ToJsonObject(entry, "Tool", "OpenAiInvalidTool"));
        }

        /// <summary>
        /// A -Tool entry of Invoke-OpenAiChatCompletion in the chat shape ({type: function, function: {...}} or {type: custom,
        /// custom: {...}}): an OpenAiTool or a flat Responses-shape function is converted; other tool types are refused.
        /// </summary>
        public static JsonObject ForChat(object entry, FunctionRunner functions)
        {
            if (Unwrap(entry) is OpenAiTool tool)
            {
                if (tool.Type != "function")
                    throw Invalid("Tool", $"-Tool '{tool}': chat completions take only function tools; a {tool.Type} tool works with Invoke-OpenAiResponse.");
                return ChatShape(Offer(tool, functions));
            }
            var definition = ModelInput.ToJsonObject(entry, "Tool", "OpenAiInvalidTool");
            var type = Text(definition, "type");
            if (type != "function" && type != "custom")
                throw Invalid("Tool", $"-Tool {definition.ToJsonString()} has {(type is null ? "no type" : $"the type '{type}', which chat completions do not take")}; known types: function, custom (the built-in tools work with Invoke-OpenAiResponse).");
            if (type == "function" && !(definition["function"] is JsonObject)) definition = ChatShape(Check(definition));
            var inner = definition[type] as JsonObject;
            CheckName(Text(inner, "name"), "Tool");
            if (type == "function" && inner?["parameters"] is JsonNode schema) CheckParameters(schema, "Tool");
            return definition;
        }

        /// <summary>A function tool in the flat shape (Responses) in the chat shape: {type: function, function: {name, description, parameters, strict}}.</summary>
        public static JsonObject ChatShape(JsonObject flat)
        {
            var function = new JsonObject();
            foreach (var field in new[] { "name", "description", "parameters", "strict" })
                if (flat[field] is { } value) function[field] = value.DeepClone();
            return new JsonObject { ["type"] = "function", ["function"] = function };
        }

        /// <summary>Checks a function's parameters: a JSON Schema of type object.</summary>
        public static JsonObject CheckParameters(object schema, string parameter)
        {
            var checkedSchema = FunctionTool.ReadSchema(schema is JsonNode node ? node.ToJsonString() : schema, parameter);
            if (Text(checkedSchema, "type") is { } type && type != "object")
                throw new OpenAiValidationException(parameter, $"-{parameter}: a function's parameters must be a JSON Schema of type 'object' (got {checkedSchema.ToJsonString()}).", "OpenAiInvalidJsonSchema");
            return checkedSchema;
        }

        private static JsonObject Offer(OpenAiTool tool, FunctionRunner functions)
        {
            var definition = (JsonObject)tool.Definition.DeepClone();
            if (tool.Command is CommandInfo command) functions.Functions[tool.Name] = command;
            return definition;
        }

        private static void CheckName(string? name, string parameter)
        {
            if (string.IsNullOrEmpty(name) || name!.Length > 64 || name.Any(c => !(c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == '-'))))
                throw Invalid(parameter, $"-{parameter}: a tool name must be 1 to 64 letters, digits, '_' or '-' (got '{name}').");
        }

        private static object Unwrap(object entry) => entry is PSObject ps ? ps.BaseObject : entry;

        private static string? Text(JsonObject? value, string name) =>
            (value?[name] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;

        private static OpenAiValidationException Invalid(string parameter, string message) =>
            new OpenAiValidationException(parameter, message, "OpenAiInvalidTool");
    }
}
