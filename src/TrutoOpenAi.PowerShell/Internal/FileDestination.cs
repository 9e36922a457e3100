using System;
using System.IO;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Internal
{
    /// <summary>
    /// Writing downloads and generated media to disk safely: an existing file is refused without -Force (before any
    /// request), and the bytes go to a temporary file beside the target that is moved into place only when complete, so
    /// a failed or cancelled transfer leaves nothing half-written.
    /// </summary>
    internal static class FileDestination
    {
        /// <summary>Refuses an existing <paramref name="target"/> unless <paramref name="force"/> (ErrorId OpenAiDestinationExists).</summary>
        public static void CheckFree(string target, bool force)
        {
            if (!force && File.Exists(target))
                throw new OpenAiValidationException("Path", $"The file '{target}' exists; use -Force to replace it.", "OpenAiDestinationExists");
            if (Directory.Exists(target))
                throw new OpenAiValidationException("Path", $"'{target}' is a folder, not a file.", "OpenAiDestinationExists");
        }

        /// <summary>Writes through a temporary file, then moves it to <paramref name="target"/> (replacing it).</summary>
        public static void Write(string target, Action<Stream> write)
        {
            var directory = Path.GetDirectoryName(target);
            if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
            var temporary = target + ".download-" + Guid.NewGuid().ToString("n").Substring(0, 8);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    write(stream);
                }
                if (File.Exists(target)) File.Delete(target);
                File.Move(temporary, target);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }
    }
}
