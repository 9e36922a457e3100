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

        /// <summary>The HTTP client of this connection. It shows no key: its settings are not public.</summary>
        public OpenAiClient Client { get; }

        private readonly object _gate = new object();
        private int _leases;
        private bool _retired;
        private OpenAiConnection? _successor;

        /// <summary>False once Disconnect-OpenAi removed it or a Connect-OpenAi with its name replaced it.</summary>
        public bool IsActive { get { lock (_gate) return !_retired; } }

        /// <summary>
        /// Marks the client in use by one call (a cmdlet's lifetime): a retired connection is disposed only when the last
        /// lease ends, so calls in flight finish on it. Returns false when it is already retired.
        /// </summary>
        public bool TryAcquire()
        {
            lock (_gate)
            {
                if (_retired) return false;
                _leases++;
                return true;
            }
        }

        public void Release()
        {
            bool dispose;
            lock (_gate)
            {
                if (_leases > 0) _leases--;
                dispose = _retired && _leases == 0;
            }
            if (dispose) Client.Dispose();
        }

        /// <summary>The connection that now stands for this one: itself while active, its replacement, or null once removed.</summary>
        public static OpenAiConnection? Live(OpenAiConnection? connection)
        {
            for (var hops = 0; connection != null && hops < 1000; hops++)
            {
                lock (connection._gate)
                {
                    if (!connection._retired) return connection;
                    connection = connection._successor;
                }
            }
            return null;
        }

        internal void Retire(OpenAiConnection? successor)
        {
            bool dispose;
            lock (_gate)
            {
                if (_retired) return;
                _retired = true;
                _successor = successor;
                dispose = _leases == 0;
            }
            if (dispose) Client.Dispose();
        }

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
        public bool IsCurrent => OpenAiConnectionRegistry.IsCurrent(this);

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

        public void Dispose() => Retire(successor: null);
    }

    /// <summary>
    /// The process-wide set of named connections (shared by name across runspaces) and, per scope (a PowerShell runspace),
    /// the current one. A scope that chose a connection (Connect-OpenAi, Start-OpenAiEmulator -Connect) keeps it whatever
    /// other scopes do; a scope that never chose one uses the process default, which only the scope that set it first
    /// (normally the host's runspace) moves. Removing the current connection leaves no current connection: the next
    /// unqualified call fails (or uses the environment) rather than reaching another tenant. Replacing a connection under
    /// the same name moves every scope that used it to the replacement; calls already in flight finish on the old client,
    /// which is disposed when the last of them ends.
    /// </summary>
    public static class OpenAiConnectionRegistry
    {
        private static readonly object Gate = new object();
        private static readonly object ProcessScope = new object();
        private static readonly Dictionary<string, OpenAiConnection> Connections = new Dictionary<string, OpenAiConnection>(StringComparer.OrdinalIgnoreCase);
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Selection> Selections =
            new System.Runtime.CompilerServices.ConditionalWeakTable<object, Selection>();
        private static OpenAiConnection? _default;
        private static WeakReference? _defaultOwner;

        /// <summary>
        /// Tells which scope the caller runs in (the PowerShell layer answers the calling runspace). Without it the whole
        /// process is one scope, as for the MCP server.
        /// </summary>
        public static Func<object?>? ScopeProvider { get; set; }

        /// <summary>The current connection of the calling scope (its own choice, else the process default); null when none.</summary>
        public static OpenAiConnection? Current
        {
            get { lock (Gate) return CurrentOf(Scope); }
        }

        public static IReadOnlyList<OpenAiConnection> All
        {
            get { lock (Gate) return Connections.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList(); }
        }

        /// <summary>Adds or replaces a named connection; the replaced one is retired (disposed once no call uses it).</summary>
        public static void Add(OpenAiConnection connection, bool makeCurrent)
        {
            lock (Gate)
            {
                if (Connections.TryGetValue(connection.Name, out var old) && !ReferenceEquals(old, connection))
                    old.Retire(successor: connection);
                Connections[connection.Name] = connection;
                if (makeCurrent || CurrentOf(Scope) is null) Choose(Scope, connection);
            }
        }

        public static OpenAiConnection? Find(string name)
        {
            lock (Gate) return Connections.TryGetValue(name, out var connection) ? connection : null;
        }

        /// <summary>Forgets a named connection in every scope; where it was current, no connection is current any more.</summary>
        public static bool Remove(string name)
        {
            lock (Gate)
            {
                if (!Connections.TryGetValue(name, out var connection)) return false;
                Connections.Remove(name);
                connection.Retire(successor: null);
                if (ReferenceEquals(_default, connection)) _default = null;
                return true;
            }
        }

        public static void SetCurrent(OpenAiConnection connection)
        {
            lock (Gate) Choose(Scope, connection);
        }

        /// <summary>Whether <paramref name="connection"/> is what the calling scope uses when no connection is named.</summary>
        public static bool IsCurrent(OpenAiConnection connection)
        {
            lock (Gate) return ReferenceEquals(CurrentOf(Scope), connection);
        }

        private static object Scope => ScopeProvider?.Invoke() ?? ProcessScope;

        private static OpenAiConnection? CurrentOf(object scope)
        {
            if (Selections.TryGetValue(scope, out var selection))
                return selection.Connection = OpenAiConnection.Live(selection.Connection);
            _default = OpenAiConnection.Live(_default);
            return _default;
        }

        private static void Choose(object scope, OpenAiConnection connection)
        {
            Selections.GetValue(scope, _ => new Selection()).Connection = connection;
            var owner = _defaultOwner?.Target;
            if (OpenAiConnection.Live(_default) is null || owner is null || ReferenceEquals(owner, scope))
            {
                _default = connection;
                _defaultOwner = new WeakReference(scope);
            }
        }

        /// <summary>A scope's own choice; a null connection means "none" (it was removed), not "use the default".</summary>
        private sealed class Selection
        {
            public OpenAiConnection? Connection;
        }
    }
}
