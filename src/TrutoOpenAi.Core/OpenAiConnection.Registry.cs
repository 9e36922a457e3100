using System;
using System.Collections.Generic;
using System.Linq;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core
{
    /// <summary>
    /// A live connection: its settings and the one HTTP client every call through it shares.
    /// What it shows (and prints) is safe: whether keys are present, never the keys.
    /// </summary>
    public sealed class OpenAiConnection : IDisposable
    {
        public OpenAiConnection(OpenAiConnectionSettings settings, System.Net.Http.HttpMessageHandler? transport = null)
        {
            Client = new OpenAiClient(settings, transport);
            Settings = settings;
        }

        internal OpenAiConnectionSettings Settings { get; }
        public OpenAiClient Client { get; }

        public string Name => Settings.Name;
        public Uri BaseUri => Settings.NormalizedBaseUri;
        public string? Organization => Settings.Organization;
        public string? Project => Settings.Project;
        public bool HasAdminKey => Settings.AdminKey is { Length: > 0 };
        public bool HasApiKey => Settings.ApiKey is { Length: > 0 };
        public int MaxRetries => Settings.MaxRetries;
        public double TimeoutSec => Settings.Timeout.TotalSeconds;
        public RateLimitStatus? RateLimit => Client.RateLimit;

        /// <summary>Where the connection came from: Connect-OpenAi, the environment, or an emulator.</summary>
        public string Source { get; set; } = "Connect-OpenAi";
        public bool IsCurrent => ReferenceEquals(OpenAiConnectionRegistry.Current, this);

        public override string ToString() => $"{Name} ({BaseUri})";

        /// <summary>
        /// Hands this connection to a child process (the MCP server) through its environment, never its command line:
        /// OPENAI_BASE_URL, OPENAI_ADMIN_KEY, OPENAI_API_KEY, OPENAI_ORG_ID, OPENAI_PROJECT_ID, TRUTO_OPENAI_MAX_RETRIES,
        /// TRUTO_OPENAI_TIMEOUT_SEC. Keys this connection lacks are removed from the child's environment.
        /// </summary>
        public void CopyToEnvironment(IDictionary<string, string?> environment)
        {
            if (environment is null) throw new ArgumentNullException(nameof(environment));
            environment["OPENAI_BASE_URL"] = Settings.NormalizedBaseUri.AbsoluteUri;
            SetOrRemove(environment, "OPENAI_ADMIN_KEY", Settings.AdminKey is { Length: > 0 } admin ? SecretText.Reveal(admin) : null);
            SetOrRemove(environment, "OPENAI_API_KEY", Settings.ApiKey is { Length: > 0 } api ? SecretText.Reveal(api) : null);
            SetOrRemove(environment, "OPENAI_ORG_ID", Settings.Organization);
            SetOrRemove(environment, "OPENAI_PROJECT_ID", Settings.Project);
            environment["TRUTO_OPENAI_MAX_RETRIES"] = Settings.MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
            environment["TRUTO_OPENAI_TIMEOUT_SEC"] = Settings.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        private static void SetOrRemove(IDictionary<string, string?> environment, string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) environment.Remove(name);
            else environment[name] = value;
        }

        public void Dispose() => Client.Dispose();
    }

    /// <summary>The process-wide set of named connections and the current one (shared by parallel runspaces).</summary>
    public static class OpenAiConnectionRegistry
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, OpenAiConnection> Connections = new Dictionary<string, OpenAiConnection>(StringComparer.OrdinalIgnoreCase);
        // Connections that were current, most recent last: removing the current one restores the one before it.
        private static readonly List<OpenAiConnection> History = new List<OpenAiConnection>();

        public static OpenAiConnection? Current { get; private set; }

        public static IReadOnlyList<OpenAiConnection> All
        {
            get { lock (Gate) return Connections.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList(); }
        }

        /// <summary>Adds or replaces a named connection; the replaced one is disposed.</summary>
        public static void Add(OpenAiConnection connection, bool makeCurrent)
        {
            lock (Gate)
            {
                if (Connections.TryGetValue(connection.Name, out var old) && !ReferenceEquals(old, connection))
                {
                    History.Remove(old);
                    if (ReferenceEquals(Current, old)) Current = null;
                    old.Dispose();
                }
                Connections[connection.Name] = connection;
                if (makeCurrent || Current is null) MakeCurrent(connection);
            }
        }

        public static OpenAiConnection? Find(string name)
        {
            lock (Gate) return Connections.TryGetValue(name, out var connection) ? connection : null;
        }

        public static bool Remove(string name)
        {
            lock (Gate)
            {
                if (!Connections.TryGetValue(name, out var connection)) return false;
                Connections.Remove(name);
                History.Remove(connection);
                if (ReferenceEquals(Current, connection)) Current = History.Count > 0 ? History[History.Count - 1] : Connections.Values.FirstOrDefault();
                connection.Dispose();
                return true;
            }
        }

        public static void SetCurrent(OpenAiConnection connection)
        {
            lock (Gate) MakeCurrent(connection);
        }

        private static void MakeCurrent(OpenAiConnection connection)
        {
            History.Remove(connection);
            History.Add(connection);
            Current = connection;
        }
    }
}
