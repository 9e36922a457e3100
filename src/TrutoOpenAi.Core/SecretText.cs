using System;
using System.Runtime.InteropServices;
using System.Security;

namespace TrutoOpenAi.Core
{
    /// <summary>The one place a <see cref="SecureString"/> is opened; callers keep the clear text as short as they can.</summary>
    public static class SecretText
    {
        internal static string Reveal(SecureString secret)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }

        internal static bool StartsWith(SecureString secret, string prefix) =>
            Reveal(secret).StartsWith(prefix, StringComparison.Ordinal);

        public static SecureString ToSecure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Replaces anything that looks like an OpenAI key (sk-...) with a redacted marker.</summary>
        public static string Redact(string text) =>
            System.Text.RegularExpressions.Regex.Replace(text, @"sk-[A-Za-z0-9_\-]{6,}", "sk-***");
    }
}
