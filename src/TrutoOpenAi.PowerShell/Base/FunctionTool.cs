using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>Describes PowerShell commands as function tools and checks JSON schemas given by the user (Invoke-OpenAiResponse,
    /// Invoke-OpenAiChatCompletion).</summary>
    internal static class FunctionTool
    {
        private static readonly HashSet<string> CommonParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable",
            "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
        };

        private static readonly HashSet<string> SchemaTypes = new HashSet<string>(StringComparer.Ordinal)
        {
            "object", "array", "string", "number", "integer", "boolean", "null",
        };

        /// <summary>
        /// A function tool for <paramref name="command"/>: its parameters become the JSON schema (mandatory ones required, a
        /// parameter's HelpMessage its description, a ValidateSet its enum). <paramref name="strict"/> asks for the API's strict mode: every property
        /// required, the optional ones nullable (a null argument is left out when the command runs), no other properties.
        /// </summary>
        public static JsonObject Describe(CommandInfo command, bool strict = false)
        {
            var properties = new JsonObject();
            var required = new JsonArray();
            foreach (var parameter in command.Parameters.Values.Where(p => !CommonParameters.Contains(p.Name)))
            {
                var schema = TypeSchema(parameter.ParameterType);
                var attributes = parameter.Attributes.OfType<ParameterAttribute>().ToList();
                if (parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault() is { } set && schema["enum"] is null)
                    schema[schema["type"]?.ToString() == "array" ? "items" : "enum"] = schema["type"]?.ToString() == "array"
                        ? new JsonObject { ["type"] = "string", ["enum"] = Values(set.ValidValues) }
                        : Values(set.ValidValues);
                var help = attributes.Select(a => a.HelpMessage).FirstOrDefault(h => !string.IsNullOrEmpty(h));
                if (help != null) schema["description"] = help;
                var mandatory = attributes.Any(a => a.Mandatory);
                if (strict && !mandatory)
                {
                    schema["type"] = new JsonArray((JsonNode?)schema["type"]!.DeepClone(), "null");
                    if (schema["enum"] is JsonArray values) values.Add(null);
                }
                properties[parameter.Name] = schema;
                if (mandatory || strict) required.Add(parameter.Name);
            }
            var name = new string(command.Name.Select(c => char.IsLetterOrDigit(c) || c == '_' || c == '-' ? c : '_').ToArray());
            var parameters = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
            if (strict) parameters["additionalProperties"] = false;
            var tool = new JsonObject
            {
                ["type"] = "function",
                ["name"] = name.Length > 64 ? name.Substring(0, 64) : name,
                ["parameters"] = parameters,
                ["strict"] = strict,
            };
            tool["description"] = $"The PowerShell command {command.Name}.";
            return tool;
        }

        private static JsonArray Values(IEnumerable<string> values) => new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

        private static JsonObject TypeSchema(Type type)
        {
            if (type.IsArray) return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(type.GetElementType()!) };
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(SwitchParameter) || underlying == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
            if (underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) || underlying == typeof(byte)) return new JsonObject { ["type"] = "integer" };
            if (underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal)) return new JsonObject { ["type"] = "number" };
            if (underlying.IsEnum) return new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Enum.GetNames(underlying).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()) };
            return new JsonObject { ["type"] = "string" };
        }

        /// <summary>Reads -JsonSchema (or the schema given to <paramref name="parameter"/>: JSON text or hashtable) and checks it is a JSON Schema object the API can use.</summary>
        public static JsonObject ReadSchema(object value, string parameter = "JsonSchema")
        {
            JsonObject schema;
            try
            {
                schema = ModelInput.ToJsonObject(value, parameter, "OpenAiInvalidJsonSchema");
            }
            catch (OpenAiValidationException ex)
            {
                throw new OpenAiValidationException(parameter, ex.Message, "OpenAiInvalidJsonSchema");
            }
            Check(schema, "#", parameter);
            return schema;
        }

        private static void Check(JsonObject schema, string where, string parameter)
        {
            if (schema["type"] is JsonNode type)
            {
                var names = type is JsonArray list ? list.Select(t => (t as JsonValue)?.ToString()) : new[] { (type as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null };
                foreach (var name in names)
                    if (name is null || !SchemaTypes.Contains(name))
                        throw new OpenAiValidationException(parameter, $"-{parameter} is not a valid JSON Schema: 'type' at {where} is {type.ToJsonString()}; expected one of {string.Join(", ", SchemaTypes)}.", "OpenAiInvalidJsonSchema");
            }
            if (schema["properties"] is JsonNode properties)
            {
                if (properties is not JsonObject map) throw new OpenAiValidationException(parameter, $"-{parameter} is not a valid JSON Schema: 'properties' at {where} must be an object.", "OpenAiInvalidJsonSchema");
                foreach (var property in map)
                {
                    if (property.Value is not JsonObject child) throw new OpenAiValidationException(parameter, $"-{parameter} is not a valid JSON Schema: property '{property.Key}' at {where} must be a schema object.", "OpenAiInvalidJsonSchema");
                    Check(child, $"{where}/properties/{property.Key}", parameter);
                }
            }
            if (schema["required"] is JsonNode required && (required is not JsonArray names2 || names2.Any(n => n is not JsonValue v || !v.TryGetValue<string>(out _))))
                throw new OpenAiValidationException(parameter, $"-{parameter} is not a valid JSON Schema: 'required' at {where} must be an array of property names.", "OpenAiInvalidJsonSchema");
            if (schema["items"] is JsonObject items) Check(items, where + "/items", parameter);
        }

        /// <summary>Hashtables, PSObjects and arrays as plain dictionaries and lists the JSON serializer can write.</summary>
        public static object? ToPlainObject(object? value)
        {
            if (value is PSObject custom && custom.BaseObject is PSCustomObject)
                return custom.Properties.ToDictionary(p => p.Name, p => ToPlainObject(p.Value));
            value = value is PSObject ps ? ps.BaseObject : value;
            switch (value)
            {
                case null: return null;
                case string _: return value;
                case IDictionary dictionary:
                    var result = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary) result[entry.Key.ToString()!] = ToPlainObject(entry.Value);
                    return result;
                case IEnumerable list when !(value is string):
                    return list.Cast<object?>().Select(ToPlainObject).ToList();
                default: return value;
            }
        }
    }
}
