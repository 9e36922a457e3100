using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Responses
{
    /// <summary>A conversation (Conversations API): a server-side list of items that responses read and extend.</summary>
    public sealed class OpenAiConversation : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;
        public DateTimeOffset CreatedAt { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        /// <summary>The conversation's id under the name its items' cmdlets bind by (Get-OpenAiConversationItem -ConversationId).</summary>
        [JsonIgnore]
        public string ConversationId => Id;

        public override string ToString() =>
            Metadata is { Count: > 0 } tags ? $"{Id} ({string.Join(", ", tags.Select(t => $"{t.Key}={t.Value}"))})" : Id;
    }

    /// <summary>
    /// The result of POST /responses/compact: <see cref="Output"/> holds the items that carry the exchange on (the user
    /// messages kept and a compaction item standing for the rest), to send as the input of the next response.
    /// </summary>
    public sealed class OpenAiCompaction : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;
        public DateTimeOffset CreatedAt { get; set; }
        public List<OpenAiResponseItem> Output { get; set; } = new List<OpenAiResponseItem>();
        public OpenAiResponseUsage? Usage { get; set; }

        public override string ToString() => $"{Id}: {Output.Count} item(s)" + (Usage is null ? string.Empty : $" ({Usage})");
    }
}
