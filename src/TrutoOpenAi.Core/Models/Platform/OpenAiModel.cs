using System;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Platform
{
    /// <summary>A model the API key can use (<c>model</c>): a base model owned by OpenAI, or a fine-tuned model of the organization.</summary>
    public sealed class OpenAiModel : OpenAiObject
    {
        /// <summary>The model id, e.g. <c>gpt-4o-mini</c> or <c>ft:gpt-4o-mini:org::abc</c>.</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped models bind to -ModelId / -Model parameters.</summary>
        [JsonIgnore]
        public string ModelId => Id;

        /// <summary>When the model was created (the API's <c>created</c>).</summary>
        public DateTimeOffset? Created { get; set; }

        /// <summary>Who owns the model: <c>openai</c>, <c>system</c>, <c>openai-internal</c> for base models, the organization for fine-tuned ones.</summary>
        public string? OwnedBy { get; set; }

        /// <summary>The announced shutdown date (yyyy-MM-dd), or null.</summary>
        public string? ShutdownDate { get; set; }

        /// <summary>True for fine-tuned models (ids starting with <c>ft:</c>), the only ones that can be deleted.</summary>
        [JsonIgnore]
        public bool IsFineTuned => Id.StartsWith("ft:", StringComparison.Ordinal);

        public override string ToString() => Id;
    }
}
