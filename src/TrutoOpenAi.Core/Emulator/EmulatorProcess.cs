using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace TrutoOpenAi.Core.Emulator
{
    /// <summary>Options for starting the bundled OpenAI API emulator.</summary>
    public sealed class EmulatorStartOptions
    {
        /// <summary>Path of TrutoOpenAi.Emulator.dll.</summary>
        public string AssemblyPath { get; set; } = string.Empty;
        /// <summary>0 lets the OS pick a free loopback port.</summary>
        public int Port { get; set; }
        public int SeedProjects { get; set; }
        /// <summary>Organization users user00001@example.com.. (readers) to add at start (--seed-users).</summary>
        public int SeedUsers { get; set; }
        public int? SeedRandom { get; set; }
        public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
        /// <summary>Extra command-line arguments (never keys: those go through the environment).</summary>
        public IList<string> ExtraArguments { get; } = new List<string>();
    }

    /// <summary>
    /// A running emulator process on loopback. Its keys are generated here, handed to the process through the
    /// environment (never the command line), and kept only as SecureString.
    /// </summary>
    public sealed class EmulatorProcess : IDisposable
    {
        public const string ReadyMarker = "EMULATOR_LISTENING ";
        private readonly Process _process;
        private volatile bool _stopped;

        private EmulatorProcess(Process process, Uri baseUri, SecureString adminKey, SecureString apiKey)
        {
            _process = process;
            ProcessId = process.Id;
            BaseUri = baseUri;
            AdminKey = adminKey;
            ApiKey = apiKey;
            ControlUri = new Uri(baseUri.GetLeftPart(UriPartial.Authority) + "/_emulator/");
        }

        public Uri BaseUri { get; }
        public Uri ControlUri { get; }
        /// <summary>The process id (still known after the process is stopped).</summary>
        public int ProcessId { get; }
        public int Port => BaseUri.Port;
        public SecureString AdminKey { get; }
        public SecureString ApiKey { get; }
        /// <summary>True once the process has exited or was stopped (never throws, also after Dispose).</summary>
        public bool HasExited
        {
            get
            {
                if (_stopped) return true;
                try { return _process.HasExited; }
                catch (InvalidOperationException) { return true; }
            }
        }

        /// <summary>
        /// POSTs <paramref name="json"/> to the control API's /seed (e.g. {"samples":["api_keys"]}) and returns its answer.
        /// </summary>
        public async Task<string> SeedAsync(string json, CancellationToken cancellationToken)
        {
            using (var http = new System.Net.Http.HttpClient { Timeout = TimeSpan.FromSeconds(60) })
            using (var content = new System.Net.Http.StringContent(json, System.Text.Encoding.UTF8, "application/json"))
            using (var response = await http.PostAsync(new Uri(ControlUri, "seed"), content, cancellationToken).ConfigureAwait(false))
            {
                var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"The emulator refused the seed request ({(int)response.StatusCode}): {text}");
                return text;
            }
        }

        public static async Task<EmulatorProcess> StartAsync(EmulatorStartOptions options, CancellationToken cancellationToken)
        {
            if (!File.Exists(options.AssemblyPath))
                throw new OpenAiValidationException("Path", $"The emulator was not found at '{options.AssemblyPath}'. Run './build.ps1 Build' to stage it.", "OpenAiEmulatorNotFound");
            var adminKey = "sk-admin-emulator-" + RandomToken();
            var apiKey = "sk-proj-emulator-" + RandomToken();

            var start = new ProcessStartInfo(FindDotnet())
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = false,
                CreateNoWindow = true,
                WorkingDirectory = Path.GetDirectoryName(options.AssemblyPath) ?? Environment.CurrentDirectory,
            };
            var arguments = new List<string> { options.AssemblyPath, "--host", "127.0.0.1", "--port", options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (options.SeedProjects > 0) arguments.AddRange(new[] { "--seed-projects", options.SeedProjects.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (options.SeedUsers > 0) arguments.AddRange(new[] { "--seed-users", options.SeedUsers.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (options.SeedRandom is int seed) arguments.AddRange(new[] { "--seed-random", seed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            arguments.AddRange(options.ExtraArguments);
            start.Arguments = string.Join(" ", arguments.ConvertAll(Quote));
            start.Environment["TRUTO_EMULATOR_ADMIN_KEY"] = adminKey;
            start.Environment["TRUTO_EMULATOR_API_KEY"] = apiKey;
            start.Environment["TRUTO_EMULATOR_PARENT_PID"] = Process.GetCurrentProcess().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["DOTNET_NOLOGO"] = "1";

            var process = Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
            var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var stderr = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data != null && e.Data.StartsWith(ReadyMarker, StringComparison.Ordinal)) ready.TrySetResult(e.Data.Substring(ReadyMarker.Length).Trim());
            };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (stderr) { if (stderr.Length < 4000) stderr.AppendLine(e.Data); } };
            process.EnableRaisingEvents = true;
            process.Exited += (_, __) => ready.TrySetException(new InvalidOperationException($"The emulator exited (code {SafeExitCode(process)}) before listening. {stderr}"));
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var timeout = Task.Delay(options.StartTimeout, cancellationToken);
            var winner = await Task.WhenAny(ready.Task, timeout).ConfigureAwait(false);
            if (winner != ready.Task)
            {
                TryKill(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"The emulator did not report listening within {options.StartTimeout.TotalSeconds:0} s. {stderr}");
            }
            var baseUri = new Uri(await ready.Task.ConfigureAwait(false));
            return new EmulatorProcess(process, baseUri, SecretText.ToSecure(adminKey), SecretText.ToSecure(apiKey));
        }

        public void Stop()
        {
            if (_stopped) return;
            TryKill(_process);
        }

        public void Dispose()
        {
            Stop();
            _stopped = true;
            _process.Dispose();
        }

        /// <summary>The dotnet host running this process, or the one next to the runtime, or dotnet on PATH.</summary>
        public static string FindDotnet()
        {
            var exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
            var hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath)) return hostPath!;
            try
            {
                var main = Process.GetCurrentProcess().MainModule?.FileName;
                if (main != null && string.Equals(Path.GetFileName(main), exe, StringComparison.OrdinalIgnoreCase)) return main;
            }
            catch (Exception) { /* no access to the main module: try the next place */ }
            var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory(); // .../shared/Microsoft.NETCore.App/<version>/
            var root = Directory.GetParent(runtimeDir.TrimEnd(Path.DirectorySeparatorChar))?.Parent?.Parent?.FullName;
            if (root != null && File.Exists(Path.Combine(root, exe))) return Path.Combine(root, exe);
            var dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(dotnetRoot) && File.Exists(Path.Combine(dotnetRoot, exe))) return Path.Combine(dotnetRoot, exe);
            return exe;
        }

        private static string RandomToken()
        {
            var bytes = new byte[18];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(bytes);
            return Convert.ToBase64String(bytes).Replace('+', 'A').Replace('/', 'B').TrimEnd('=');
        }

        private static string Quote(string argument) =>
            argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";

        private static string SafeExitCode(Process process)
        {
            try { return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture); }
            catch (InvalidOperationException) { return "?"; }
        }

        private static void TryKill(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException) { }
            catch (System.ComponentModel.Win32Exception) { }
        }
    }
}
