using System;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Emulator;

namespace TrutoOpenAi.PowerShell.Cmdlets.Emulator
{
    /// <summary>Starts the bundled OpenAI API emulator on a free loopback port.</summary>
    /// <remarks>
    /// <para>The emulator is a stateful, in-memory stand-in for the OpenAI API that answers as the official spec says: the
    /// same paths, objects, list envelopes, cursors and error bodies. Use it to try runbooks offline, in tests and in demos:
    /// nothing leaves the machine. It listens only on 127.0.0.1 and exits when this PowerShell process exits.</para>
    /// <para>Fresh admin and API keys are generated for each emulator and handed to it through the environment; with -Connect
    /// a connection using them is made current. The keys are on the returned object as SecureStrings (AdminKey, ApiKey) for
    /// more connections: Connect-OpenAi -Name second -BaseUri $emulator.BaseUri -AdminKey $emulator.AdminKey -ApiKey $emulator.ApiKey.</para>
    /// <para>-SeedProjects fills it with projects named tenant-00001 and up; -SeedUsers adds organization users
    /// user00001@example.com and up (readers) beside the owner admin@example.com. -SeedApiKeys adds admin keys and, in the first
    /// three projects, API keys of every age (used yesterday, unused for months, never used and old, never used and new) and a
    /// service account; -SeedInvites adds invites in every state (pending, accepted, expired); -SeedAuditLog adds a week of
    /// audit history. Together they make every example in the help show output on a fresh emulator. Its control
    /// API at ControlUri lists the requests it received, seeds more data and injects faults (429 with Retry-After, 500, 503,
    /// delays, dropped connections): see the emulator's README.</para>
    /// </remarks>
    /// <example>
    /// <code>$emulator = Start-OpenAiEmulator -Connect -SeedProjects 250; Get-OpenAiProject | Measure-Object</code>
    /// <para>Starts an emulator with 250 projects, connects to it, and counts the projects (paging through 13 pages).</para>
    /// </example>
    /// <example>
    /// <code>$emulator = Start-OpenAiEmulator -Connect -SeedUsers 50; Get-OpenAiUser -Email 'user0000*@example.com'</code>
    /// <para>Starts an emulator whose organization has 50 members besides its owner, and lists the first nine.</para>
    /// </example>
    /// <example>
    /// <code>$emulator = Start-OpenAiEmulator -Connect -SeedApiKeys -SeedInvites -SeedAuditLog; Get-OpenAiAdminApiKey -UnusedForDays 30</code>
    /// <para>Starts an emulator with sample keys, invites and audit history, and lists the admin keys unused for 30 days.</para>
    /// </example>
    /// <example>
    /// <code>$emulator = Start-OpenAiEmulator -Connect -Name first; Connect-OpenAi -Name second -BaseUri $emulator.BaseUri -AdminKey $emulator.AdminKey -ApiKey $emulator.ApiKey -PassThru</code>
    /// <para>Starts an emulator connected as 'first', then makes a second named connection to it with its keys.</para>
    /// </example>
    /// <example>
    /// <code>Start-OpenAiEmulator -Connect -Name offline | Format-List</code>
    /// <para>Starts an emulator, connects to it as 'offline', and shows its base URI, control URI and process id.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "OpenAiEmulator")]
    [OutputType(typeof(OpenAiEmulatorInfo))]
    public sealed class StartOpenAiEmulatorCommand : PSCmdlet
    {
        /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>How many projects to create at start, named tenant-00001 and up.</summary>
        [Parameter]
        [ValidateRange(0, 10000000)]
        public int SeedProjects { get; set; }

        /// <summary>How many organization users to add at start: user00001@example.com and up, with the reader role.</summary>
        [Parameter]
        [ValidateRange(0, 10000000)]
        public int SeedUsers { get; set; }

        /// <summary>Adds sample keys: admin keys and, in the first three projects, API keys of every age and a service account.</summary>
        [Parameter]
        public SwitchParameter SeedApiKeys { get; set; }

        /// <summary>Adds sample invites: pending, accepted and expired.</summary>
        [Parameter]
        public SwitchParameter SeedInvites { get; set; }

        /// <summary>Adds a week of sample audit log history (logins, key, invite and rate limit changes).</summary>
        [Parameter]
        public SwitchParameter SeedAuditLog { get; set; }

        /// <summary>Seed of the emulator's random generator, for reproducible ids and faults.</summary>
        [Parameter]
        public int? SeedRandom { get; set; }

        /// <summary>Answers the Assistants API routes (/assistants, /threads) as OpenAI has since retiring them on 2026-08-26, to try the OpenAiApiRetired errors.</summary>
        [Parameter]
        public SwitchParameter AssistantsRetired { get; set; }

        /// <summary>Connects to the emulator with its keys and makes that connection current.</summary>
        [Parameter]
        public SwitchParameter Connect { get; set; }

        /// <summary>The name of the connection -Connect makes (default 'emulator').</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "emulator";

        /// <summary>Path of TrutoOpenAi.Emulator.dll; the copy bundled with the module when left out.</summary>
        [Parameter]
        public string? Path { get; set; }

        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

        protected override void StopProcessing() => _stopping.Cancel();

        protected override void EndProcessing()
        {
            var options = new EmulatorStartOptions
            {
                AssemblyPath = Path != null ? GetUnresolvedProviderPathFromPSPath(Path) : DefaultAssemblyPath(),
                Port = Port,
                SeedProjects = SeedProjects,
                SeedUsers = SeedUsers,
                SeedRandom = SeedRandom,
            };
            if (AssistantsRetired) options.ExtraArguments.Add("--assistants-retired");
            EmulatorProcess process;
            try
            {
                WriteVerbose($"Starting the emulator from {options.AssemblyPath}.");
                process = EmulatorProcess.StartAsync(options, _stopping.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            catch (Exception ex) when (ex is OpenAiException || ex is TimeoutException || ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
            {
                var id = ex is OpenAiException known ? known.ErrorId : "OpenAiEmulatorStartFailed";
                ThrowTerminatingError(new ErrorRecord(ex, id, ErrorCategory.ResourceUnavailable, options.AssemblyPath));
                return;
            }

            var samples = new System.Collections.Generic.List<string>();
            if (SeedApiKeys) samples.Add("\"api_keys\"");
            if (SeedInvites) samples.Add("\"invites\"");
            if (SeedAuditLog) samples.Add("\"audit_logs\"");
            if (samples.Count > 0)
            {
                try
                {
                    process.SeedAsync("{\"samples\":[" + string.Join(",", samples) + "]}", _stopping.Token).GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    process.Dispose();
                    if (ex is OperationCanceledException) throw new PipelineStoppedException();
                    ThrowTerminatingError(new ErrorRecord(ex, "OpenAiEmulatorSeedFailed", ErrorCategory.ResourceUnavailable, process.ControlUri));
                    return;
                }
            }

            var info = new OpenAiEmulatorInfo(process, Connect ? Name : null);
            EmulatorRegistry.Add(info);
            if (Connect)
            {
                var connection = new OpenAiConnection(new OpenAiConnectionSettings
                {
                    Name = Name,
                    BaseUri = process.BaseUri,
                    AdminKey = process.AdminKey,
                    ApiKey = process.ApiKey,
                }) { Source = "emulator" };
                OpenAiConnectionRegistry.Add(connection, makeCurrent: true);
                WriteVerbose($"Connected to the emulator at {process.BaseUri} as '{Name}'.");
            }
            WriteObject(info);
        }

        private static string DefaultAssemblyPath()
        {
            var moduleDirectory = System.IO.Path.GetDirectoryName(typeof(StartOpenAiEmulatorCommand).Assembly.Location) ?? ".";
            return System.IO.Path.Combine(moduleDirectory, "emulator", "TrutoOpenAi.Emulator.dll");
        }
    }
}
