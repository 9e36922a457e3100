using System.Text.Json.Nodes;

namespace TrutoOpenAi.Core.Models.Responses
{
    /// <summary>
    /// A tool a model may use (made by New-OpenAiTool): its definition as the Responses API takes it in <c>tools</c>
    /// (function, file_search, web_search, code_interpreter, image_generation, mcp, shell, apply_patch...), and for a
    /// PowerShell command offered as a function tool, the command that runs when the model calls it.
    /// </summary>
    public sealed class OpenAiTool
    {
        public OpenAiTool(JsonObject definition, object? command = null)
        {
            Definition = definition;
            Command = command;
        }

        /// <summary>The tool's type: function, file_search, web_search, code_interpreter, image_generation, mcp, ...</summary>
        public string Type => (Definition["type"] as JsonValue)?.TryGetValue<string>(out var type) == true ? type : string.Empty;

        /// <summary>The function's name, or the MCP server's label; empty for the other built-in tools.</summary>
        public string Name =>
            (Definition["name"] as JsonValue)?.TryGetValue<string>(out var name) == true ? name
            : (Definition["server_label"] as JsonValue)?.TryGetValue<string>(out var label) == true ? label
            : string.Empty;

        /// <summary>The function's description, when it has one.</summary>
        public string? Description => (Definition["description"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;

        /// <summary>The tool as the Responses API takes it in its <c>tools</c> array.</summary>
        public JsonObject Definition { get; }

        /// <summary>The PowerShell command (a CommandInfo) this function tool runs with -InvokeFunction Auto or Confirm; null for other tools.</summary>
        public object? Command { get; }

        /// <summary>The definition as JSON text.</summary>
        public string ToJson() => Definition.ToJsonString();

        public override string ToString() => Name.Length > 0 ? $"{Type} {Name}" : Type;
    }
}
