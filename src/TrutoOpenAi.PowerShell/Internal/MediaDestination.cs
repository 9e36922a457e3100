using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace TrutoOpenAi.PowerShell.Internal
{
    /// <summary>
    /// Names the files one run of a media cmdlet writes (speech, images) from its -Destination: an existing folder, a path
    /// ending with a separator, or a path without an extension that does not exist (a folder created on the first write)
    /// gets files named after the text or prompt; a file path is used as given, and the second and
    /// later files of the run get -2, -3... before the extension. A name is never given twice in one run.
    /// </summary>
    internal sealed class MediaDestination
    {
        private readonly HashSet<string> _used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The next file for <paramref name="destination"/> (a resolved provider path), named <paramref name="stem"/>.<paramref name="extension"/> in a folder.</summary>
        public string Next(string destination, string stem, string extension)
        {
            var isFolder = Directory.Exists(destination) || destination.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                           || destination.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                           || (Path.GetExtension(destination).Length == 0 && !File.Exists(destination));
            var first = isFolder ? Path.Combine(destination, stem + "." + extension) : destination;
            var candidate = first;
            for (var n = 2; _used.Contains(candidate); n++)
                candidate = Path.Combine(Path.GetDirectoryName(first) ?? string.Empty, Path.GetFileNameWithoutExtension(first) + "-" + n + Path.GetExtension(first));
            _used.Add(candidate);
            return candidate;
        }

        /// <summary>True when <paramref name="destination"/> names a file whose extension is one of <paramref name="formats"/>; gives that format.</summary>
        public static bool TryFormatFromExtension(string destination, IEnumerable<string> formats, out string format)
        {
            format = Path.GetExtension(destination).TrimStart('.').ToLowerInvariant();
            if (format == "jpg") format = "jpeg";
            var found = format;
            return !Directory.Exists(destination) && formats.Contains(found);
        }

        /// <summary>A file-name stem from the first words of <paramref name="text"/> (letters and digits, dashes, at most 40 characters).</summary>
        public static string Slug(string? text, string fallback)
        {
            var builder = new StringBuilder();
            foreach (var c in (text ?? string.Empty).ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) && c < 128) builder.Append(c);
                else if (builder.Length > 0 && builder[builder.Length - 1] != '-') builder.Append('-');
                if (builder.Length >= 40) break;
            }
            var slug = builder.ToString().Trim('-');
            return slug.Length == 0 ? fallback : slug;
        }
    }
}
