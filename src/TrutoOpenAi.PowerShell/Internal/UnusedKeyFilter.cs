using System;

namespace TrutoOpenAi.PowerShell.Internal
{
    /// <summary>
    /// "Unused for N days" for keys: a key last used before the cut-off, or never used and created before it. A key that
    /// was never used is judged by its creation time (never by a null last-used time, which PowerShell's -lt treats as
    /// older than any date and so would select keys created a minute ago).
    /// </summary>
    internal static class UnusedKeyFilter
    {
        /// <summary>A filter for <paramref name="days"/>, or null when no -UnusedForDays was given.</summary>
        public static Func<T, bool>? For<T>(int? days, Func<T, DateTimeOffset?> lastUsedAt, Func<T, DateTimeOffset?> createdAt)
        {
            if (days is not int d) return null;
            var cutoff = DateTimeOffset.UtcNow.AddDays(-d);
            return key => IsUnusedSince(lastUsedAt(key), createdAt(key), cutoff);
        }

        /// <summary>True when the key's last activity (last use, else creation) is before <paramref name="cutoff"/>.</summary>
        public static bool IsUnusedSince(DateTimeOffset? lastUsedAt, DateTimeOffset? createdAt, DateTimeOffset cutoff)
        {
            var lastActivity = lastUsedAt ?? createdAt;
            return lastActivity is { } at && at < cutoff;
        }

        /// <summary>Both filters when both are given.</summary>
        public static Func<T, bool>? And<T>(Func<T, bool>? a, Func<T, bool>? b) =>
            a is null ? b : b is null ? a : item => a(item) && b(item);
    }
}
