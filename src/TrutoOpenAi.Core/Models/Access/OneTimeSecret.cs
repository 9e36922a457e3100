using System.Security;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>
    /// Takes a secret the API returns once (a new key's value) out of a response before anything else sees it: the
    /// value becomes a <see cref="SecureString"/> and the JSON that is kept (RawJson, AdditionalProperties) no longer has it.
    /// </summary>
    public static class OneTimeSecret
    {
        /// <summary>
        /// Removes the string at <paramref name="path"/> (e.g. "api_key", "value") from <paramref name="response"/>;
        /// returns the scrubbed JSON and the value as a read-only SecureString (null when absent or null).
        /// </summary>
        public static (JsonElement Scrubbed, SecureString? Secret) Extract(JsonElement response, params string[] path)
        {
            var root = JsonNode.Parse(response.GetRawText());
            SecureString? secret = null;
            if (root is JsonObject obj)
            {
                JsonObject? parent = obj;
                for (var i = 0; i < path.Length - 1 && parent != null; i++) parent = parent[path[i]] as JsonObject;
                var name = path[path.Length - 1];
                if (parent != null && parent.TryGetPropertyValue(name, out var node))
                {
                    if (node is JsonValue value && value.TryGetValue<string>(out var text)) secret = SecretText.ToSecure(text);
                    parent.Remove(name);
                }
            }
            using var document = JsonDocument.Parse(root?.ToJsonString() ?? "null");
            return (document.RootElement.Clone(), secret);
        }
    }
}
