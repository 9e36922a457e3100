using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Media
{
    /// <summary>
    /// A transcript of an audio file (POST /audio/transcriptions) or its English translation (POST /audio/translations):
    /// the text, and with <c>verbose_json</c> the language, duration, segments and words.
    /// </summary>
    public sealed class OpenAiTranscription : OpenAiObject
    {
        /// <summary>The transcribed (or translated) text; for the text, srt and vtt formats, the answer as sent.</summary>
        public string Text { get; set; } = string.Empty;

        /// <summary><c>transcribe</c> or <c>translate</c> (verbose_json; filled in by the cmdlets otherwise).</summary>
        public string? Task { get; set; }

        /// <summary>The language of the audio (verbose_json), e.g. <c>english</c>.</summary>
        public string? Language { get; set; }

        /// <summary>The audio's length in seconds (verbose_json).</summary>
        public double? Duration { get; set; }

        /// <summary>Segments with timestamps (verbose_json, diarized_json).</summary>
        public IList<OpenAiTranscriptionSegment>? Segments { get; set; }

        /// <summary>Words with timestamps (verbose_json with the word granularity).</summary>
        public IList<OpenAiTranscriptionWord>? Words { get; set; }

        /// <summary>What the call used: tokens (the gpt-4o models) or seconds of audio (whisper-1).</summary>
        public OpenAiTranscriptionUsage? Usage { get; set; }

        /// <summary>The local audio file that was sent.</summary>
        [JsonIgnore]
        public string? Path { get; set; }

        /// <summary>The model that was asked.</summary>
        [JsonIgnore]
        public string? Model { get; set; }

        /// <summary>The response format that was asked for (json, text, srt, verbose_json, vtt, diarized_json).</summary>
        [JsonIgnore]
        public string? ResponseFormat { get; set; }

        public override string ToString() => Text;
    }

    /// <summary>A segment of a transcript, with its start and end in seconds (and its speaker when diarized).</summary>
    public sealed class OpenAiTranscriptionSegment
    {
        /// <summary>The segment's id: a number (verbose_json) or seg_... (diarized_json), as text.</summary>
        [JsonConverter(typeof(NumberOrStringConverter))]
        public string? Id { get; set; }

        public double Start { get; set; }

        public double End { get; set; }

        public string Text { get; set; } = string.Empty;

        /// <summary>The speaker label (diarized_json only).</summary>
        public string? Speaker { get; set; }

        public override string ToString() => $"[{Start:0.00}-{End:0.00}] {Text}";
    }

    /// <summary>A word of a transcript with its start and end in seconds.</summary>
    public sealed class OpenAiTranscriptionWord
    {
        public string Word { get; set; } = string.Empty;

        public double Start { get; set; }

        public double End { get; set; }

        public override string ToString() => Word;
    }

    /// <summary>The usage of a transcription: <c>tokens</c> (input, output, total) or <c>duration</c> (seconds).</summary>
    public sealed class OpenAiTranscriptionUsage
    {
        /// <summary><c>tokens</c> or <c>duration</c>.</summary>
        public string? Type { get; set; }

        public int? InputTokens { get; set; }

        public int? OutputTokens { get; set; }

        public int? TotalTokens { get; set; }

        /// <summary>Seconds of audio billed (the <c>duration</c> kind).</summary>
        public double? Seconds { get; set; }

        public override string ToString() => Type == "duration" ? $"{Seconds} s" : $"{TotalTokens} tokens";
    }

    /// <summary>The body of POST /audio/speech.</summary>
    public sealed class SpeechRequest
    {
        public string Model { get; set; } = "gpt-4o-mini-tts";
        public string Input { get; set; } = string.Empty;

        /// <summary>A built-in voice name, or a custom voice id (voice_...), sent as <c>{ "id": ... }</c>.</summary>
        [JsonIgnore]
        public string Voice { get; set; } = "alloy";

        [JsonPropertyName("voice")]
        public object VoiceValue => Voice.StartsWith("voice_", StringComparison.Ordinal) ? new Dictionary<string, string> { ["id"] = Voice } : (object)Voice;

        public string? Instructions { get; set; }
        public string? ResponseFormat { get; set; }
        public double? Speed { get; set; }
        public string? StreamFormat { get; set; }
    }

    /// <summary>Reads a JSON number or string as text (segment ids are numbers in verbose_json, strings in diarized_json).</summary>
    internal sealed class NumberOrStringConverter : JsonConverter<string?>
    {
        public override string? Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                System.Text.Json.JsonTokenType.String => reader.GetString(),
                System.Text.Json.JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()),
                System.Text.Json.JsonTokenType.Null => null,
                _ => throw new System.Text.Json.JsonException("Expected a number or a string."),
            };

        public override void Write(System.Text.Json.Utf8JsonWriter writer, string? value, System.Text.Json.JsonSerializerOptions options)
        {
            if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value);
        }
    }
}
