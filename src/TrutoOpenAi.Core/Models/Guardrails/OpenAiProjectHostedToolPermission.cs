using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Guardrails
{
    /// <summary>
    /// Which hosted tools (file search, web search, image generation, MCP, code interpreter) a project may use
    /// (ProjectHostedToolPermissions). Tools the API adds later are read too: they appear in <see cref="Tools"/>,
    /// <see cref="Enabled"/> and <see cref="Disabled"/>.
    /// </summary>
    public sealed class OpenAiProjectHostedToolPermission : OpenAiObject
    {
        /// <summary>Each tool type and whether it is enabled, in the API's order.</summary>
        [JsonIgnore]
        public IReadOnlyDictionary<string, bool> Tools { get; private set; } = new Dictionary<string, bool>();

        /// <summary>The project (not in the API object; filled from the request).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        [JsonIgnore] public bool? FileSearch => State(HostedTools.FileSearch);
        [JsonIgnore] public bool? WebSearch => State(HostedTools.WebSearch);
        [JsonIgnore] public bool? ImageGeneration => State(HostedTools.ImageGeneration);
        [JsonIgnore] public bool? Mcp => State(HostedTools.Mcp);
        [JsonIgnore] public bool? CodeInterpreter => State(HostedTools.CodeInterpreter);

        /// <summary>The tool types the project may use.</summary>
        [JsonIgnore]
        public string[] Enabled => Tools.Where(t => t.Value).Select(t => t.Key).ToArray();

        /// <summary>The tool types the project may not use.</summary>
        [JsonIgnore]
        public string[] Disabled => Tools.Where(t => !t.Value).Select(t => t.Key).ToArray();

        private bool? State(string tool) => Tools.TryGetValue(tool, out var enabled) ? enabled : (bool?)null;

        /// <summary>
        /// Reads every <c>{"enabled": bool}</c> member of the raw object into <see cref="Tools"/> (the typed properties share
        /// the members' names, so the serializer skips them) and drops them from the extension data.
        /// </summary>
        protected override void OnDeserialized()
        {
            var tools = new Dictionary<string, bool>(StringComparer.Ordinal);
            using (var document = JsonDocument.Parse(RawJson))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in document.RootElement.EnumerateObject())
                    {
                        if (member.Value.ValueKind == JsonValueKind.Object && member.Value.TryGetProperty("enabled", out var enabled) &&
                            (enabled.ValueKind == JsonValueKind.True || enabled.ValueKind == JsonValueKind.False))
                        {
                            tools[member.Name] = enabled.GetBoolean();
                            AdditionalProperties?.Remove(member.Name);
                        }
                    }
                }
            }
            if (AdditionalProperties is { Count: 0 }) AdditionalProperties = null;
            Tools = tools;
        }

        /// <summary>"file_search, web_search" or "(none)".</summary>
        public static string Describe(IEnumerable<string> tools)
        {
            var text = string.Join(", ", tools);
            return text.Length == 0 ? "(none)" : text;
        }

        public override string ToString() => "enabled: " + Describe(Enabled);
    }

    /// <summary>The hosted tool types of the spec (ProjectHostedToolPermissions).</summary>
    public static class HostedTools
    {
        public const string FileSearch = "file_search";
        public const string WebSearch = "web_search";
        public const string ImageGeneration = "image_generation";
        public const string Mcp = "mcp";
        public const string CodeInterpreter = "code_interpreter";

        public static readonly string[] All = { FileSearch, WebSearch, ImageGeneration, Mcp, CodeInterpreter };
    }

    /// <summary>One tool of update-project-hosted-tool-permissions.</summary>
    public sealed class HostedToolPermissionUpdate
    {
        public bool Enabled { get; set; }
    }
}
