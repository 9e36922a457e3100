using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TrutoOpenAi.Emulator.Areas.Audio;

/// <summary>
/// The emulator's audio: speech is real, playable sound (a short tone per word, 24 kHz 16-bit mono, like the API's pcm),
/// written as WAV (RIFF with the text in a LIST/INFO/ICMT comment), raw pcm, or MP3 (silent MPEG-1 Layer III frames after an
/// ID3v2.4 tag whose COMM frame holds the text). opus, aac and flac answers are WAV bytes: the emulator has no encoder for
/// them. A transcript is derived from the file's bytes: the text such a comment carries (so speech made here transcribes
/// back to its input), otherwise words picked by the file's SHA-256, so the same file always gives the same text.
/// </summary>
public static class AudioCodec
{
    public const int SampleRate = 24_000;
    private const int Mp3FrameBytes = 417; // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no padding
    private const double Mp3FrameSeconds = 1152.0 / 44_100;
    private static readonly byte[] Mp3FrameHeader = [0xFF, 0xFB, 0x90, 0xC0]; // sync, MPEG-1, Layer III, no CRC; 128k, 44.1k; mono

    private static readonly string[] Words =
    [
        "the", "team", "will", "review", "budget", "on", "friday", "send", "report", "before", "meeting", "call", "client",
        "about", "launch", "plan", "update", "schedule", "next", "week", "check", "numbers", "with", "finance", "draft",
        "proposal", "for", "board", "share", "notes", "after", "demo", "fix", "issue", "in", "release", "confirm", "dates",
        "and", "book", "room", "order", "new", "laptops", "ask", "legal", "contract", "renewal", "prepare", "slides", "monday",
        "follow", "up", "vendor", "invoice", "today", "move", "standup", "to", "noon", "write", "summary",
    ];

    /// <summary>The seconds of sound for <paramref name="text"/> at <paramref name="speed"/> (0.25-4): 0.12 s of tone and 0.04 s of pause per word.</summary>
    public static double Seconds(string text, double speed) => Math.Max(1, SplitWords(text).Length) * 0.16 / speed;

    /// <summary>The audio bytes of <paramref name="text"/> in <paramref name="format"/>, in chunks (header first, then one chunk per word).</summary>
    public static IEnumerable<byte[]> Speech(string text, string format, double speed)
    {
        var words = SplitWords(text);
        if (words.Length == 0) words = ["..."];
        var toneSamples = (int)(SampleRate * 0.12 / speed);
        var pauseSamples = (int)(SampleRate * 0.04 / speed);
        var pcmBytes = words.Length * (toneSamples + pauseSamples) * 2;
        if (format == "mp3")
        {
            yield return Id3Comment(text);
            var frames = (int)Math.Ceiling(words.Length * 0.16 / speed / Mp3FrameSeconds);
            for (var i = 0; i < frames; i++)
            {
                var frame = new byte[Mp3FrameBytes];
                Mp3FrameHeader.CopyTo(frame, 0);
                yield return frame;
            }
            yield break;
        }
        if (format != "pcm") yield return WavHeader(text, pcmBytes);
        foreach (var word in words) yield return Tone(word, toneSamples, pauseSamples);
    }

    public static string ContentType(string format) => format switch
    {
        "mp3" => "audio/mpeg",
        "pcm" => "audio/pcm",
        _ => "audio/wav",
    };

    /// <summary>What the file says about itself: its embedded text (or null) and its duration in seconds.</summary>
    public static (string? Text, double Seconds) Inspect(ReadOnlySpan<byte> head, long length)
    {
        if (head.Length >= 12 && Encoding.ASCII.GetString(head[..4]) == "RIFF" && Encoding.ASCII.GetString(head.Slice(8, 4)) == "WAVE")
        {
            string? comment = null;
            var byteRate = 0;
            long dataBytes = -1;
            var at = 12;
            while (at + 8 <= head.Length)
            {
                var id = Encoding.ASCII.GetString(head.Slice(at, 4));
                var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(at + 4, 4));
                var body = head.Slice(at + 8, Math.Min(size, Math.Max(0, head.Length - at - 8)));
                if (id == "fmt " && body.Length >= 12) byteRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body.Slice(8, 4));
                if (id == "LIST" && body.Length >= 4 && Encoding.ASCII.GetString(body[..4]) == "INFO") comment = InfoComment(body[4..]);
                if (id == "data") { dataBytes = size; break; }
                at += 8 + size + (size & 1);
            }
            var seconds = byteRate > 0 && dataBytes >= 0 ? (double)dataBytes / byteRate : length / 48_000.0;
            return (comment, Math.Round(seconds, 2));
        }
        if (head.Length >= 10 && head[0] == 'I' && head[1] == 'D' && head[2] == '3')
        {
            var tagBytes = 10 + Syncsafe(head.Slice(6, 4));
            var frames = Math.Max(0, length - tagBytes) / Mp3FrameBytes;
            return (Id3Text(head[..(int)Math.Min(tagBytes, head.Length)]), Math.Round(frames * Mp3FrameSeconds, 2));
        }
        return (null, Math.Round(Math.Max(1, length / 16_000.0), 2));
    }

    /// <summary>Deterministic words for a file without embedded text: 3 to 30 words picked by its SHA-256, as one sentence.</summary>
    public static string WordsFor(byte[] sha256, long length)
    {
        var count = (int)Math.Clamp(length / 4096, 3, 30);
        var digest = sha256;
        var picked = new List<string>(count);
        for (var i = 0; picked.Count < count; i++)
        {
            if (i == digest.Length) { digest = SHA256.HashData(digest); i = 0; }
            picked.Add(Words[digest[i] % Words.Length]);
        }
        var sentence = string.Join(' ', picked);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ".";
    }

    public static string[] SplitWords(string text) => text.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static byte[] Tone(string word, int toneSamples, int pauseSamples)
    {
        var frequency = 220 + (BitConverter.ToUInt16(SHA256.HashData(Encoding.UTF8.GetBytes(word.ToLowerInvariant())), 0) % 660);
        var bytes = new byte[(toneSamples + pauseSamples) * 2];
        for (var i = 0; i < toneSamples; i++)
        {
            var envelope = Math.Min(1.0, Math.Min(i, toneSamples - i) / (SampleRate * 0.01)); // 10 ms fade in and out: no clicks
            var sample = (short)(Math.Sin(2 * Math.PI * frequency * i / SampleRate) * 9000 * envelope);
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), sample);
        }
        return bytes;
    }

    private static byte[] WavHeader(string text, int pcmBytes)
    {
        var comment = Encoding.UTF8.GetBytes(text + "\0");
        var commentPadded = comment.Length + (comment.Length & 1);
        var listSize = 4 + 8 + commentPadded;
        using var buffer = new MemoryStream();
        using var w = new BinaryWriter(buffer);
        w.Write("RIFF"u8);
        w.Write(4 + (8 + 16) + (8 + listSize) + (8 + pcmBytes));
        w.Write("WAVE"u8);
        w.Write("fmt "u8);
        w.Write(16);
        w.Write((short)1); // PCM
        w.Write((short)1); // mono
        w.Write(SampleRate);
        w.Write(SampleRate * 2); // byte rate
        w.Write((short)2); // block align
        w.Write((short)16); // bits per sample
        w.Write("LIST"u8);
        w.Write(listSize);
        w.Write("INFO"u8);
        w.Write("ICMT"u8);
        w.Write(comment.Length);
        w.Write(comment);
        if ((comment.Length & 1) == 1) w.Write((byte)0);
        w.Write("data"u8);
        w.Write(pcmBytes);
        w.Flush();
        return buffer.ToArray();
    }

    private static string? InfoComment(ReadOnlySpan<byte> info)
    {
        var at = 0;
        while (at + 8 <= info.Length)
        {
            var id = Encoding.ASCII.GetString(info.Slice(at, 4));
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(info.Slice(at + 4, 4));
            if (at + 8 + size > info.Length) return null;
            if (id == "ICMT") return Encoding.UTF8.GetString(info.Slice(at + 8, size)).TrimEnd('\0');
            at += 8 + size + (size & 1);
        }
        return null;
    }

    private static byte[] Id3Comment(string text)
    {
        var payload = new List<byte> { 3 }; // UTF-8
        payload.AddRange("eng"u8.ToArray());
        payload.Add(0); // empty short description
        payload.AddRange(Encoding.UTF8.GetBytes(text));
        var frame = new List<byte>();
        frame.AddRange("COMM"u8.ToArray());
        frame.AddRange(ToSyncsafe(payload.Count));
        frame.AddRange(new byte[2]);
        frame.AddRange(payload);
        var tag = new List<byte>();
        tag.AddRange("ID3"u8.ToArray());
        tag.AddRange(new byte[] { 4, 0, 0 });
        tag.AddRange(ToSyncsafe(frame.Count));
        tag.AddRange(frame);
        return tag.ToArray();
    }

    private static string? Id3Text(ReadOnlySpan<byte> tag)
    {
        var at = 10;
        while (at + 10 <= tag.Length)
        {
            var id = Encoding.ASCII.GetString(tag.Slice(at, 4));
            var size = Syncsafe(tag.Slice(at + 4, 4));
            if (size <= 0 || at + 10 + size > tag.Length) return null;
            var body = tag.Slice(at + 10, size);
            if (id == "COMM" && body.Length >= 5)
            {
                var rest = body[4..];
                var end = rest.IndexOf((byte)0);
                return end < 0 ? null : Encoding.UTF8.GetString(rest[(end + 1)..]);
            }
            at += 10 + size;
        }
        return null;
    }

    private static int Syncsafe(ReadOnlySpan<byte> b) => b[0] << 21 | b[1] << 14 | b[2] << 7 | b[3];

    private static byte[] ToSyncsafe(int n) => [(byte)((n >> 21) & 0x7F), (byte)((n >> 14) & 0x7F), (byte)((n >> 7) & 0x7F), (byte)(n & 0x7F)];
}
