using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Connection
{
    /// <summary>Connects to an OpenAI organization (or an emulator) and makes that connection current.</summary>
    /// <remarks>
    /// <para>Stores a named connection for this PowerShell process: its base URI, its keys (kept as SecureString and never
    /// printed), organization and project ids, timeout and retry budget. Several connections live side by side, one per
    /// customer organization; each API cmdlet uses the current one unless -Connection names another.</para>
    /// <para>The current connection belongs to the runspace that made it: Connect-OpenAi inside ForEach-Object -Parallel or a
    /// thread job never changes what another runspace uses (a runspace that never connected uses the one made first in the
    /// session, normally the host's). Named connections are shared by name across runspaces; connecting again with a name
    /// replaces that connection everywhere (a key refresh), and calls already running finish on the old one.</para>
    /// <para>Admin operations (/organization/...) use the admin key; everything else uses the API key. Keys are checked for
    /// their kind (admin keys start with 'sk-admin-'), and plain http is refused except to a loopback address. Parameters
    /// left out fall back to OPENAI_BASE_URL, OPENAI_ORG_ID, OPENAI_PROJECT_ID, OPENAI_ADMIN_KEY and OPENAI_API_KEY.
    /// Nothing is sent until the first cmdlet runs.</para>
    /// </remarks>
    /// <example>
    /// <code>Connect-OpenAi -Name contoso -AdminKey (Read-Host -AsSecureString 'Admin key')</code>
    /// <para>Prompts for the Contoso organization's admin key without echoing it and makes 'contoso' the current connection.</para>
    /// </example>
    /// <example>
    /// <code>$emulator = Start-OpenAiEmulator; Connect-OpenAi -Name local -BaseUri $emulator.BaseUri -AdminKey $emulator.AdminKey -ApiKey $emulator.ApiKey -PassThru</code>
    /// <para>Connects to a local emulator over loopback http and shows the connection (keys appear only as HasAdminKey/HasApiKey).</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiConnection -Name contoso | Connect-OpenAi</code>
    /// <para>Makes the existing 'contoso' connection current in this runspace again (after Disconnect-OpenAi of another, say).</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Connect, "OpenAi", DefaultParameterSetName = "New")]
    [OutputType(typeof(OpenAiConnection))]
    public sealed class ConnectOpenAiCommand : PSCmdlet
    {
        static ConnectOpenAiCommand() => RunspaceScope.Ensure();

        /// <summary>The connection's name, used with -Connection on every cmdlet. Connecting again with the same name replaces it.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "default";

        /// <summary>An admin key (sk-admin-...) for the /organization endpoints: projects, users, invites, keys, usage and costs.</summary>
        [Parameter]
        public SecureString? AdminKey { get; set; }

        /// <summary>A project or user API key for the platform endpoints: responses, files, assistants, batches and so on.</summary>
        [Parameter]
        public SecureString? ApiKey { get; set; }

        /// <summary>The organization id (org-...) sent as OpenAI-Organization on every request.</summary>
        [Parameter]
        public string? Organization { get; set; }

        /// <summary>The project id (proj_...) sent as OpenAI-Project on platform requests.</summary>
        [Parameter]
        public string? Project { get; set; }

        /// <summary>The API's base URI; https://api.openai.com/v1 unless OPENAI_BASE_URL says otherwise. Plain http only to loopback.</summary>
        [Parameter]
        [Alias("BaseUrl")]
        public Uri? BaseUri { get; set; }

        /// <summary>How many times a call is retried after 408, 409, 429, 5xx, a timeout or a dropped connection (0 to 10; default 2).</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 2;

        /// <summary>How long one attempt may take, in seconds (default 600).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>The longest Retry-After, in seconds, the module waits for; a longer one fails the call at once (default 60).</summary>
        [Parameter]
        [ValidateRange(0, 3600)]
        public int MaxRetryAfterSec { get; set; } = 60;

        /// <summary>An existing connection (or its name) to make current in this runspace; nothing else may be given with it.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Existing", ValueFromPipeline = true)]
        [ConnectionTransformation]
        [ValidateNotNull]
        public OpenAiConnection? Connection { get; set; }

        /// <summary>Writes the new connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (Connection is null) return;
            var extra = MyInvocation.BoundParameters.Keys.FirstOrDefault(k => k != nameof(Connection) && k != nameof(PassThru) &&
                !Cmdlet.CommonParameters.Contains(k) && !Cmdlet.OptionalCommonParameters.Contains(k));
            if (extra != null)
                ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-{extra} cannot be used with -Connection: it selects an existing connection as it is."),
                    "OpenAiInvalidArgument", ErrorCategory.InvalidArgument, extra));
            var live = OpenAiConnection.Live(Connection);
            if (live is null)
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException($"The connection '{Connection.Name}' was removed by Disconnect-OpenAi."),
                    "OpenAiConnectionRemoved", ErrorCategory.ObjectNotFound, Connection.Name));
            OpenAiConnectionRegistry.SetCurrent(live!);
            WriteVerbose($"Connection '{live!.Name}' to {live.BaseUri} is now current in this runspace.");
            if (PassThru) WriteObject(live);
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == "Existing") return;
            try
            {
                var settings = new OpenAiConnectionSettings
                {
                    Name = Name,
                    AdminKey = AdminKey ?? EnvironmentConnection.SecureKey("OPENAI_ADMIN_KEY"),
                    ApiKey = ApiKey ?? EnvironmentConnection.SecureKey("OPENAI_API_KEY"),
                    Organization = Organization,
                    Project = Project,
                    MaxRetries = MaxRetries,
                    Timeout = TimeSpan.FromSeconds(TimeoutSec),
                    MaxRetryAfter = TimeSpan.FromSeconds(MaxRetryAfterSec),
                };
                EnvironmentConnection.ApplyDefaults(settings);
                if (BaseUri != null) settings.BaseUri = BaseUri;
                if (settings.AdminKey is null && settings.ApiKey is null)
                    throw new OpenAiValidationException("AdminKey",
                        "Connect-OpenAi needs -AdminKey or -ApiKey (or OPENAI_ADMIN_KEY / OPENAI_API_KEY in the environment).", "OpenAiMissingKey");

                var connection = new OpenAiConnection(settings);
                OpenAiConnectionRegistry.Add(connection, makeCurrent: true);
                WriteVerbose($"Connection '{connection.Name}' to {connection.BaseUri} is now current (admin key: {connection.HasAdminKey}, API key: {connection.HasApiKey}).");
                if (PassThru) WriteObject(connection);
            }
            catch (OpenAiException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Name));
            }
        }
    }
}
