using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Completion
{
    /// <summary>One value a completer can offer: what is inserted, what the menu shows, the tooltip, and other text it matches by.</summary>
    internal readonly struct Candidate
    {
        public Candidate(string value, string? display = null, string? toolTip = null, string? alias = null)
        {
            Value = value;
            Display = display ?? value;
            ToolTip = toolTip ?? Display;
            Alias = alias;
        }

        public string Value { get; }
        public string Display { get; }
        public string ToolTip { get; }
        /// <summary>Other text the typed word may match (a project's name when the value is its id).</summary>
        public string? Alias { get; }
    }

    /// <summary>
    /// What the module's argument completers share: the connection to ask (-Connection typed on the line, else the current
    /// one, else the OPENAI_* variables), a short-lived cache per connection, one bounded request with a short timeout and
    /// no retries, and matching the typed word (prefix or wildcard, case-insensitive, quotes stripped) by value or alias.
    /// Completion never writes an error: a failed request offers nothing.
    /// </summary>
    internal static class CompletionSource
    {
        /// <summary>How long one completion request may take.</summary>
        internal static TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How long a model list is reused: models change rarely.</summary>
        internal static TimeSpan ModelLifetime { get; set; } = TimeSpan.FromMinutes(10);

        /// <summary>How long a first page of projects or roles is reused: short, they change with the admin's own work.</summary>
        internal static TimeSpan DirectoryLifetime { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Most values one completion offers.</summary>
        internal const int MaxResults = 200;

        private sealed class Entry
        {
            public DateTime FetchedUtc;
            public object? Items;
        }

        private static readonly ConditionalWeakTable<OpenAiConnection, Dictionary<string, Entry>> Caches =
            new ConditionalWeakTable<OpenAiConnection, Dictionary<string, Entry>>();

        /// <summary>
        /// The connection the command line would use, or null. A connection built from the OPENAI_* variables is the same
        /// object while they do not change, so its cache lives as long as they stay.
        /// </summary>
        internal static OpenAiConnection? Connection(IDictionary? fakeBoundParameters)
        {
            var typed = fakeBoundParameters != null && fakeBoundParameters.Contains("Connection") ? fakeBoundParameters["Connection"] : null;
            if (typed is PSObject wrapped) typed = wrapped.BaseObject;
            switch (typed)
            {
                case OpenAiConnection connection: return OpenAiConnection.Live(connection);
                case string name: return OpenAiConnectionRegistry.Find(name);
            }
            var current = OpenAiConnectionRegistry.Current;
            if (current != null) return current;
            try
            {
                return EnvironmentConnection.Current();
            }
            catch (OpenAiException)
            {
                return null;
            }
        }

        /// <summary>
        /// The list <paramref name="fetch"/> answers for the command line's connection, from the cache while it is younger
        /// than <paramref name="lifetime"/>; empty when there is no connection or the request fails (failures are not cached).
        /// </summary>
        internal static IReadOnlyList<T> Cached<T>(IDictionary? fakeBoundParameters, string key, TimeSpan lifetime,
            Func<OpenAiClient, CancellationToken, Task<IReadOnlyList<T>>> fetch)
        {
            var connection = Connection(fakeBoundParameters);
            if (connection is null) return Array.Empty<T>();
            var cache = Caches.GetValue(connection, _ => new Dictionary<string, Entry>(StringComparer.Ordinal));
            lock (cache)
            {
                if (cache.TryGetValue(key, out var hit) && hit.FetchedUtc + lifetime > DateTime.UtcNow && hit.Items is IReadOnlyList<T> items) return items;
            }
            if (!connection.TryAcquire()) return Array.Empty<T>();
            try
            {
                using var timeout = new CancellationTokenSource(RequestTimeout);
                var fetched = Task.Run(() => fetch(connection.Client, timeout.Token)).GetAwaiter().GetResult();
                lock (cache) cache[key] = new Entry { FetchedUtc = DateTime.UtcNow, Items = fetched };
                return fetched;
            }
            catch (Exception ex) when (ex is OpenAiException || ex is OperationCanceledException || ex is System.Net.Http.HttpRequestException
                                       || ex is InvalidOperationException || ex is System.Text.Json.JsonException)
            {
                return Array.Empty<T>();
            }
            finally
            {
                connection.Release();
            }
        }

        /// <summary>The first page of a list (no retries), capped at <paramref name="max"/> items.</summary>
        internal static async Task<IReadOnlyList<T>> FirstPage<T>(Core.Paging.ListPager<T> pager, int max, CancellationToken cancellationToken)
        {
            pager.PageRetries = 0;
            var page = await pager.NextPageAsync(null, cancellationToken).ConfigureAwait(false);
            return page is null ? Array.Empty<T>() : page.Take(max).ToList();
        }

        /// <summary>The candidates the typed word matches, as completion results (quoted when the value needs it).</summary>
        internal static IEnumerable<CompletionResult> Complete(string? wordToComplete, IEnumerable<Candidate> candidates)
        {
            var word = wordToComplete ?? string.Empty;
            var quote = word.Length > 0 && (word[0] == '\'' || word[0] == '"') ? word[0] : (char?)null;
            word = word.Trim('\'', '"');
            Func<string?, bool> matches;
            if (WildcardPattern.ContainsWildcardCharacters(word))
            {
                var pattern = new WildcardPattern(word, WildcardOptions.IgnoreCase);
                matches = text => text != null && pattern.IsMatch(text);
            }
            else
            {
                matches = text => text != null && text.StartsWith(word, StringComparison.OrdinalIgnoreCase);
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            return candidates
                .Where(c => !string.IsNullOrEmpty(c.Value) && (matches(c.Value) || matches(c.Alias)) && seen.Add(c.Value))
                .Take(MaxResults)
                .Select(c => new CompletionResult(Quote(c.Value, quote), c.Display, CompletionResultType.ParameterValue, c.ToolTip))
                .ToList();
        }

        private static string Quote(string value, char? quote)
        {
            if (quote == '"') return "\"" + value.Replace("`", "``").Replace("\"", "`\"").Replace("$", "`$") + "\"";
            if (quote == '\'' || value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', ',', ';', '(', ')', '{', '}', '@', '#', '|', '&', '<', '>' }) >= 0)
                return "'" + value.Replace("'", "''") + "'";
            return value;
        }
    }
}
