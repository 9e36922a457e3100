using System;
using System.Collections.Generic;
using TrutoOpenAi.Core.Emulator;

namespace TrutoOpenAi.PowerShell.Cmdlets.Emulator
{
    /// <summary>
    /// An emulator started by Start-OpenAiEmulator. Its keys are SecureStrings (AdminKey, ApiKey), never shown as text:
    /// pass them to Connect-OpenAi for a second named connection. After Stop-OpenAiEmulator, HasExited is true and
    /// ConnectionName is null (the connection -Connect made is gone).
    /// </summary>
    public sealed class OpenAiEmulatorInfo
    {
        internal OpenAiEmulatorInfo(EmulatorProcess process, string? connectionName)
        {
            Process = process;
            ConnectionName = connectionName;
            StartedAt = DateTimeOffset.Now;
        }

        internal EmulatorProcess Process { get; }

        /// <summary>The API base to connect to, e.g. http://127.0.0.1:5123/v1.</summary>
        public Uri BaseUri => Process.BaseUri;

        /// <summary>The control API (recorded requests, faults, reset, seed).</summary>
        public Uri ControlUri => Process.ControlUri;

        /// <summary>The loopback port it listens on.</summary>
        public int Port => Process.Port;

        /// <summary>The emulator's process id.</summary>
        public int ProcessId => Process.ProcessId;

        /// <summary>True once the emulator has exited or was stopped.</summary>
        public bool HasExited => Process.HasExited;

        /// <summary>The connection Start-OpenAiEmulator -Connect made; null without -Connect and after Stop-OpenAiEmulator.</summary>
        public string? ConnectionName { get; internal set; }

        /// <summary>When it was started.</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>The admin key the emulator accepts, e.g. for Connect-OpenAi -AdminKey.</summary>
        public System.Security.SecureString AdminKey => Process.AdminKey;

        /// <summary>The API (project) key the emulator accepts, e.g. for Connect-OpenAi -ApiKey.</summary>
        public System.Security.SecureString ApiKey => Process.ApiKey;

        public override string ToString() => BaseUri.ToString();
    }

    /// <summary>Emulators started in this process, so Stop-OpenAiEmulator can find them.</summary>
    internal static class EmulatorRegistry
    {
        private static readonly object Gate = new object();
        private static readonly List<OpenAiEmulatorInfo> Running = new List<OpenAiEmulatorInfo>();

        static EmulatorRegistry()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, __) => { foreach (var emulator in All()) emulator.Process.Stop(); };
        }

        public static void Add(OpenAiEmulatorInfo emulator) { lock (Gate) Running.Add(emulator); }
        public static void Remove(OpenAiEmulatorInfo emulator) { lock (Gate) Running.Remove(emulator); }
        public static List<OpenAiEmulatorInfo> All() { lock (Gate) return new List<OpenAiEmulatorInfo>(Running); }
    }
}
