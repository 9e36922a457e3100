using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>The one JSON configuration: snake_case names, nulls written (the API sends "archived_at": null),
/// per-property [JsonIgnore(Condition = WhenWritingNull)] where the API omits a field.</summary>
public static class EmulatorJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DictionaryKeyPolicy = null;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.WriteIndented = false;
        o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping; // "didn't", not "didn\u0027t", like the API
        return o;
    }
}
