using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Responses;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Audio;

/// <summary>
/// Audio (API key): POST /audio/speech (JSON; audio bytes written as they are made, or an SSE stream of
/// speech.audio.delta events ending with speech.audio.done), POST /audio/transcriptions and POST /audio/translations
/// (multipart, read section by section: the file is hashed as it streams, only its first 64 KB are kept to read its
/// header). Transcripts come from <see cref="AudioCodec"/>: the text embedded in speech made here, else words chosen by
/// the file's hash. Formats json, text, srt, vtt, verbose_json (segments, words) and diarized_json as the spec says which
/// model takes which; stream=true answers transcript.text.delta events and transcript.text.done (ignored for whisper-1,
/// as the API does).
/// </summary>
public sealed class AudioArea : IEmulatorArea
{
    private static readonly string[] SpeechModels = ["tts-1", "tts-1-hd", "gpt-4o-mini-tts", "gpt-4o-mini-tts-2025-12-15"];
    private static readonly string[] Voices = ["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar"];
    private static readonly string[] SpeechFormats = ["mp3", "opus", "aac", "flac", "wav", "pcm"];
    private static readonly string[] SpeechFields = ["model", "input", "instructions", "voice", "response_format", "speed", "stream_format"];
    private static readonly string[] TokenModels = ["gpt-transcribe", "gpt-4o-transcribe", "gpt-4o-mini-transcribe", "gpt-4o-mini-transcribe-2025-12-15"];
    private const string DiarizeModel = "gpt-4o-transcribe-diarize";
    private const string Whisper = "whisper-1";
    private static readonly string[] AudioExtensions = ["flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm"];
    private const long MaxAudioBytes = 25L * 1024 * 1024;
    private const int HeadBytes = 64 * 1024;

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        v1.MapPost("/audio/speech", async (HttpContext context) =>
        {
            var body = await JsonBody.ReadAsync(context.Request);
            foreach (var property in body.Root.EnumerateObject())
                if (!SpeechFields.Contains(property.Name))
                    throw ApiErrors.BadRequest($"Unrecognized request argument supplied: {property.Name}", property.Name, "unknown_parameter").Throw();
            var model = body.RequiredString("model");
            if (!SpeechModels.Contains(model))
                throw ApiErrors.BadRequest($"Invalid value: '{model}'. Supported values are: {Quote(SpeechModels)}.", "model", "invalid_value").Throw();
            var input = body.RequiredString("input");
            if (input.Length > 4096)
                throw ApiErrors.BadRequest($"Invalid 'input': string too long. Expected a string with maximum length 4096, but got a string with length {input.Length} instead.", "input", "string_above_max_length").Throw();
            ReadVoice(body.Root);
            var (_, instructions) = body.OptionalString("instructions");
            if (instructions is not null && model.StartsWith("tts-1", StringComparison.Ordinal))
                throw ApiErrors.BadRequest($"Instructions are not supported for the model '{model}'.", "instructions", "unsupported_parameter").Throw();
            var format = body.OptionalEnum("response_format", SpeechFormats).Value ?? "mp3";
            var speed = 1.0;
            if (body.Root.TryGetProperty("speed", out var s) && s.ValueKind != JsonValueKind.Null)
            {
                if (s.ValueKind != JsonValueKind.Number) throw ApiErrors.InvalidType("speed", "a number", s.ValueKind).Throw();
                speed = s.GetDouble();
                if (speed is < 0.25 or > 4)
                    throw ApiErrors.BadRequest($"Invalid 'speed': expected a value between 0.25 and 4, but got {speed.ToString(CultureInfo.InvariantCulture)} instead.", "speed", "invalid_value").Throw();
            }
            var streamFormat = body.OptionalEnum("stream_format", ["sse", "audio"]).Value ?? "audio";
            if (streamFormat == "sse" && model.StartsWith("tts-1", StringComparison.Ordinal))
                throw ApiErrors.BadRequest($"stream_format 'sse' is not supported for the model '{model}'.", "stream_format", "unsupported_value").Throw();

            var chunks = AudioCodec.Speech(input, format, speed);
            ModelTraffic.Record(state, new ModelCall(0, "audio_speeches", model, 0, 0) { Characters = input.Length });
            if (streamFormat == "sse")
            {
                var tokens = StandInModel.CountTokens(input);
                var outputTokens = (int)Math.Ceiling(AudioCodec.Seconds(input, speed) * 10);
                var events = chunks.Select(chunk => new JsonObject { ["type"] = "speech.audio.delta", ["audio"] = Convert.ToBase64String(chunk) })
                    .Append(new JsonObject
                    {
                        ["type"] = "speech.audio.done",
                        ["usage"] = new JsonObject { ["input_tokens"] = tokens, ["output_tokens"] = outputTokens, ["total_tokens"] = tokens + outputTokens },
                    });
                EventStreamWriter.Begin(context);
                await EventStreamWriter.WriteAsync(context, events, named: false, hold: EventStreamWriter.Hold(input));
                return;
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = AudioCodec.ContentType(format);
            await EventStreamWriter.WriteBytesAsync(context, chunks, EventStreamWriter.Hold(input));
        });

        v1.MapPost("/audio/transcriptions", (HttpContext context) => TranscribeAsync(context, translate: false)).DisableAntiforgery();
        v1.MapPost("/audio/translations", (HttpContext context) => TranscribeAsync(context, translate: true)).DisableAntiforgery();
    }

    private static void ReadVoice(JsonElement root)
    {
        if (!root.TryGetProperty("voice", out var voice) || voice.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("voice").Throw();
        if (voice.ValueKind == JsonValueKind.String)
        {
            if (!Voices.Contains(voice.GetString()))
                throw ApiErrors.BadRequest($"Invalid value: '{voice.GetString()}'. Supported values are: {Quote(Voices)}.", "voice", "invalid_value").Throw();
            return;
        }
        if (voice.ValueKind != JsonValueKind.Object || !voice.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
            throw ApiErrors.BadRequest("Invalid 'voice': expected a voice name or an object with an 'id'.", "voice", "invalid_type").Throw();
    }

    private sealed record AudioFile(string Name, long Length, byte[] Head, byte[] Sha256);

    private static async Task TranscribeAsync(HttpContext context, bool translate)
    {
        var request = context.Request;
        AudioFile? file = null;
        var fields = await StreamingMultipart.ReadAsync(request, MaxAudioBytes + (1 << 20), async section =>
        {
            if (section.Name != "file" || file is not null) return;
            file = await ReadAudioAsync(section, context.RequestAborted);
        });
        if (file is null) throw ApiErrors.MissingParameter("file").Throw();
        var model = fields.First("model") ?? throw ApiErrors.MissingParameter("model").Throw();
        var extension = Path.GetExtension(file.Name).TrimStart('.').ToLowerInvariant();
        if (!AudioExtensions.Contains(extension))
            throw ApiErrors.BadRequest($"Invalid file format. Supported formats: [{string.Join(", ", AudioExtensions.Select(e => $"'{e}'"))}]", "file", "invalid_value").Throw();

        string[] formats;
        if (translate)
        {
            if (model != Whisper) throw ApiErrors.BadRequest($"Invalid model '{model}': translations support only 'whisper-1'.", "model", "invalid_value").Throw();
            formats = ["json", "text", "srt", "verbose_json", "vtt"];
        }
        else if (model == Whisper) formats = ["json", "text", "srt", "verbose_json", "vtt"];
        else if (model == DiarizeModel) formats = ["json", "text", "diarized_json"];
        else if (TokenModels.Contains(model)) formats = ["json"];
        else throw ApiErrors.BadRequest($"Invalid value: '{model}'. Supported values are: {Quote([Whisper, .. TokenModels, DiarizeModel])}.", "model", "invalid_value").Throw();
        var format = fields.First("response_format") ?? "json";
        if (!formats.Contains(format))
            throw ApiErrors.BadRequest($"response_format '{format}' is not compatible with model '{model}'. Use {Quote(formats)}.", "response_format", "unsupported_value").Throw();
        var granularities = fields.TryGetValue("timestamp_granularities[]", out var g) ? g : [];
        if (granularities.Any(x => x is not ("word" or "segment")))
            throw ApiErrors.BadRequest("Invalid 'timestamp_granularities[]': expected 'word' or 'segment'.", "timestamp_granularities[]", "invalid_value").Throw();
        if (granularities.Count > 0 && format != "verbose_json")
            throw ApiErrors.BadRequest("timestamp_granularities[] is only supported with response_format 'verbose_json'.", "timestamp_granularities[]", "unsupported_value").Throw();
        var speakers = fields.TryGetValue("known_speaker_names[]", out var k) ? k : [];
        if (speakers.Count > 4) throw ApiErrors.BadRequest("Invalid 'known_speaker_names': at most 4 speakers.", "known_speaker_names[]", "array_above_max_length").Throw();

        var (embedded, seconds) = AudioCodec.Inspect(file.Head, file.Length);
        var text = embedded ?? AudioCodec.WordsFor(file.Sha256, file.Length);
        var words = AudioCodec.SplitWords(text);
        var language = translate ? "english" : fields.First("language") ?? "english";
        var inputTokens = (int)Math.Ceiling(seconds * 10) + StandInModel.CountTokens(fields.First("prompt"));
        var outputTokens = StandInModel.CountTokens(text);
        ModelTraffic.Record(context.RequestServices.GetRequiredService<EmulatorState>(),
            new ModelCall(0, "audio_transcriptions", model, inputTokens, outputTokens) { Seconds = (long)Math.Ceiling(seconds) });

        if (!translate && fields.First("stream") == "true" && model != Whisper)
        {
            var deltas = words.Select((word, i) => new JsonObject { ["type"] = "transcript.text.delta", ["delta"] = i == 0 ? word : " " + word });
            var done = new JsonObject { ["type"] = "transcript.text.done", ["text"] = text, ["usage"] = TokenUsage(inputTokens, outputTokens) };
            EventStreamWriter.Begin(context);
            await EventStreamWriter.WriteAsync(context, deltas.Append(done), named: false);
            return;
        }

        var response = context.Response;
        switch (format)
        {
            case "text":
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(text + "\n", context.RequestAborted);
                return;
            case "srt":
            case "vtt":
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(Captions(text, seconds, format == "vtt"), context.RequestAborted);
                return;
        }
        var usage = model == Whisper ? new JsonObject { ["type"] = "duration", ["seconds"] = Math.Ceiling(seconds) } : TokenUsage(inputTokens, outputTokens);
        JsonObject answer;
        if (format == "verbose_json")
        {
            answer = new JsonObject
            {
                ["task"] = translate ? "translate" : "transcribe",
                ["language"] = language,
                ["duration"] = seconds,
                ["text"] = text,
                ["segments"] = new JsonArray(Sentences(text, seconds).Select((sentence, i) => (JsonNode)new JsonObject
                {
                    ["id"] = i, ["seek"] = 0, ["start"] = sentence.Start, ["end"] = sentence.End, ["text"] = " " + sentence.Text,
                    ["tokens"] = new JsonArray(AudioCodec.SplitWords(sentence.Text).Select((_, t) => (JsonNode)(50364 + t)).ToArray()),
                    ["temperature"] = 0.0, ["avg_logprob"] = -0.25, ["compression_ratio"] = 1.2, ["no_speech_prob"] = 0.01,
                }).ToArray()),
                ["usage"] = new JsonObject { ["type"] = "duration", ["seconds"] = Math.Ceiling(seconds) },
            };
            if (granularities.Contains("word"))
            {
                var step = words.Length == 0 ? 0 : seconds / words.Length;
                answer["words"] = new JsonArray(words.Select((w, i) => (JsonNode)new JsonObject
                {
                    ["word"] = w.Trim('.', ',', '!', '?'), ["start"] = Math.Round(i * step, 2), ["end"] = Math.Round((i + 1) * step, 2),
                }).ToArray());
            }
        }
        else if (format == "diarized_json")
        {
            var speaker = speakers.Count > 0 ? speakers[0] : "A";
            answer = new JsonObject
            {
                ["task"] = "transcribe",
                ["duration"] = seconds,
                ["text"] = text,
                ["segments"] = new JsonArray(Sentences(text, seconds).Select((sentence, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "transcript.text.segment", ["id"] = $"seg_{i + 1:000}", ["start"] = sentence.Start, ["end"] = sentence.End,
                    ["text"] = sentence.Text, ["speaker"] = speaker,
                }).ToArray()),
                ["usage"] = usage,
            };
        }
        else
        {
            answer = translate ? new JsonObject { ["text"] = text } : new JsonObject { ["text"] = text, ["usage"] = usage };
        }
        await Results.Json(answer, EmulatorJson.Options).ExecuteAsync(context);
    }

    /// <summary>Reads the file section: hashed as it streams, first 64 KB kept, refused past 25 MB.</summary>
    private static async Task<AudioFile> ReadAudioAsync(StreamingMultipart.FileSection section, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new MemoryStream();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxAudioBytes)
                throw new ApiError(413, $"Maximum content size limit ({MaxAudioBytes}) exceeded ({total} bytes read)", "invalid_request_error", "file", "file_too_large").Throw();
            sha.AppendData(buffer, 0, read);
            if (head.Length < HeadBytes) head.Write(buffer, 0, (int)Math.Min(read, HeadBytes - head.Length));
        }
        return new AudioFile(Path.GetFileName(section.FileName ?? "file"), total, head.ToArray(), sha.GetHashAndReset());
    }

    private static JsonObject TokenUsage(int input, int output) => new()
    {
        ["type"] = "tokens",
        ["input_tokens"] = input,
        ["input_token_details"] = new JsonObject { ["text_tokens"] = 0, ["audio_tokens"] = input },
        ["output_tokens"] = output,
        ["total_tokens"] = input + output,
    };

    /// <summary>The text cut at sentence ends, each given a share of the duration by its length.</summary>
    private static List<(double Start, double End, string Text)> Sentences(string text, double seconds)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            current.Append(c);
            if (c is '.' or '!' or '?') { parts.Add(current.ToString().Trim()); current.Clear(); }
        }
        if (current.ToString().Trim().Length > 0) parts.Add(current.ToString().Trim());
        parts.RemoveAll(p => p.Length == 0);
        var total = Math.Max(1, parts.Sum(p => p.Length));
        var result = new List<(double, double, string)>();
        double at = 0;
        foreach (var part in parts)
        {
            var end = Math.Round(at + seconds * part.Length / total, 2);
            result.Add((Math.Round(at, 2), end, part));
            at = end;
        }
        return result;
    }

    private static string Captions(string text, double seconds, bool vtt)
    {
        var builder = new StringBuilder(vtt ? "WEBVTT\n\n" : "");
        var n = 0;
        foreach (var (start, end, sentence) in Sentences(text, seconds))
        {
            if (!vtt) builder.Append(++n).Append('\n');
            builder.Append(Time(start, vtt)).Append(" --> ").Append(Time(end, vtt)).Append('\n').Append(sentence).Append("\n\n");
        }
        return builder.ToString();
    }

    private static string Time(double seconds, bool vtt)
    {
        var t = TimeSpan.FromSeconds(seconds);
        return $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}{(vtt ? '.' : ',')}{t.Milliseconds:000}";
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
