using System;
using System.Collections.Generic;
using System.IO;

namespace TrutoOpenAi.Core.Services
{
    /// <summary>What the audio and image endpoints accept, and reading an image file's format and size from its first bytes.</summary>
    public static class MediaFormats
    {
        /// <summary>The audio file types the transcription and translation endpoints take (by extension).</summary>
        public static readonly IReadOnlyList<string> AudioExtensions = new[] { "flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm" };

        /// <summary>The largest audio file the transcription and translation endpoints take (25 MB).</summary>
        public const long MaxAudioBytes = 25L * 1024 * 1024;

        /// <summary>The media type to send an audio file with, from its extension.</summary>
        public static string AudioMediaType(string path)
        {
            switch (Path.GetExtension(path).TrimStart('.').ToLowerInvariant())
            {
                case "wav": return "audio/wav";
                case "mp3": case "mpga": case "mpeg": return "audio/mpeg";
                case "flac": return "audio/flac";
                case "ogg": return "audio/ogg";
                case "webm": return "audio/webm";
                case "m4a": case "mp4": return "audio/mp4";
                default: return "application/octet-stream";
            }
        }

        /// <summary>The file extension for a speech response format (mp3, opus, aac, flac, wav, pcm).</summary>
        public static string SpeechExtension(string format) => format == "pcm" ? "pcm" : format;

        /// <summary>The file extension for an image output format (png, jpeg -> jpg, webp).</summary>
        public static string ImageExtension(string? format) => format == "jpeg" ? "jpg" : string.IsNullOrEmpty(format) ? "png" : format!;

        /// <summary>The media type of an image format.</summary>
        public static string ImageMediaType(string format) => "image/" + format;

        /// <summary>
        /// Reads an image's format (png, jpeg, webp) and pixel size from its first bytes; the format is null for anything
        /// else. Width and height are null when the header does not say them where this reader looks.
        /// </summary>
        public static (string? Format, int? Width, int? Height) SniffImage(string path)
        {
            var head = new byte[64 * 1024];
            int length;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                length = ReadUpTo(stream, head);
            return SniffImage(head, length);
        }

        /// <summary>Reads an image's format and size from <paramref name="length"/> bytes of its beginning.</summary>
        public static (string? Format, int? Width, int? Height) SniffImage(byte[] head, int length)
        {
            if (length >= 24 && head[0] == 0x89 && head[1] == 0x50 && head[2] == 0x4E && head[3] == 0x47 && head[4] == 0x0D && head[5] == 0x0A && head[6] == 0x1A && head[7] == 0x0A)
                return ("png", BigEndian(head, 16), BigEndian(head, 20));
            if (length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
            {
                var (w, h) = JpegSize(head, length);
                return ("jpeg", w, h);
            }
            if (length >= 16 && Ascii(head, 0, "RIFF") && Ascii(head, 8, "WEBP"))
            {
                if (length >= 30 && Ascii(head, 12, "VP8X"))
                    return ("webp", 1 + (head[24] | head[25] << 8 | head[26] << 16), 1 + (head[27] | head[28] << 8 | head[29] << 16));
                if (length >= 25 && Ascii(head, 12, "VP8L") && head[20] == 0x2F)
                {
                    var bits = head[21] | head[22] << 8 | head[23] << 16 | head[24] << 24;
                    return ("webp", 1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
                }
                if (length >= 30 && Ascii(head, 12, "VP8 "))
                    return ("webp", (head[26] | head[27] << 8) & 0x3FFF, (head[28] | head[29] << 8) & 0x3FFF);
                return ("webp", null, null);
            }
            return (null, null, null);
        }

        private static (int?, int?) JpegSize(byte[] b, int length)
        {
            var i = 2;
            while (i + 9 < length)
            {
                if (b[i] != 0xFF) return (null, null);
                var marker = b[i + 1];
                if (marker == 0xFF) { i++; continue; }
                var size = b[i + 2] << 8 | b[i + 3];
                if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
                    return (b[i + 7] << 8 | b[i + 8], b[i + 5] << 8 | b[i + 6]);
                i += 2 + size;
            }
            return (null, null);
        }

        private static int BigEndian(byte[] b, int at) => b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];

        private static bool Ascii(byte[] b, int at, string text)
        {
            for (var i = 0; i < text.Length; i++)
                if (b[at + i] != text[i]) return false;
            return true;
        }

        private static int ReadUpTo(Stream stream, byte[] buffer)
        {
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            return total;
        }
    }
}
