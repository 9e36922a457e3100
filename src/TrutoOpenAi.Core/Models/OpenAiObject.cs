using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models
{
    /// <summary>
    /// Base of every typed API object. Fields the model does not know yet are kept in
    /// <see cref="AdditionalProperties"/>, and the whole object as the API sent it in <see cref="RawJson"/>,
    /// so a field OpenAI adds tomorrow still reaches the user.
    /// </summary>
    public abstract class OpenAiObject
    {
        /// <summary>The API's object type, e.g. <c>organization.project</c>.</summary>
        public string? Object { get; set; }

        /// <summary>Fields present in the response but not modelled by this type.</summary>
        [JsonExtensionData]
        public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

        /// <summary>The object exactly as the API returned it.</summary>
        [JsonIgnore]
        public string RawJson { get; set; } = "{}";

        /// <summary>
        /// Reads a typed object from one JSON element, keeping the raw text. A field whose JSON type differs from the
        /// model's does not fail the object: it stays unset, its raw value goes to AdditionalProperties, and the call's
        /// observer hears about it (Json.TolerantReader).
        /// </summary>
        public static T From<T>(JsonElement element) where T : OpenAiObject
        {
            var value = Json.TolerantReader.Deserialize<T>(element);
            value.RawJson = element.GetRawText();
            value.OnDeserialized();
            return value;
        }

        /// <summary>Hook for derived types to fill computed properties after reading.</summary>
        protected virtual void OnDeserialized() { }
    }
}
