using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Json
{
    /// <summary>The one set of serializer options: snake_case names, unix seconds as DateTimeOffset, nulls omitted on write.</summary>
    public static class OpenAiJson
    {
        public static readonly JsonSerializerOptions Options = Create();

        private static JsonSerializerOptions Create()
        {
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
                DictionaryKeyPolicy = null,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                NumberHandling = JsonNumberHandling.AllowReadingFromString,
                PropertyNameCaseInsensitive = false,
            };
            options.Converters.Add(new UnixSecondsConverter());
            options.Converters.Add(new NullableUnixSecondsConverter());
            options.MakeReadOnly(populateMissingResolver: true);
            return options;
        }

        public static T Deserialize<T>(JsonElement element) =>
            element.Deserialize<T>(Options) ?? throw new OpenAiResponseException($"The API returned null where a {typeof(T).Name} was expected.");

        public static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

        public static DateTimeOffset FromUnixSeconds(double seconds) =>
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));

        public static long ToUnixSeconds(DateTimeOffset value) => value.ToUnixTimeSeconds();
    }

    /// <summary>Unix seconds (integer or fractional) on the wire, DateTimeOffset in .NET.</summary>
    public sealed class UnixSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.Number => OpenAiJson.FromUnixSeconds(reader.GetDouble()),
                JsonTokenType.String when reader.TryGetDateTimeOffset(out var parsed) => parsed,
                JsonTokenType.String when double.TryParse(reader.GetString(), System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var seconds) => OpenAiJson.FromUnixSeconds(seconds),
                _ => throw new JsonException($"Expected unix seconds, got {reader.TokenType}."),
            };

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }

    public sealed class NullableUnixSecondsConverter : JsonConverter<DateTimeOffset?>
    {
        private static readonly UnixSecondsConverter Inner = new UnixSecondsConverter();

        public override bool HandleNull => true;

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? (DateTimeOffset?)null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue();
            else Inner.Write(writer, value.Value, options);
        }
    }
}
