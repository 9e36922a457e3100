using System;
using System.Collections.Generic;
using TrutoOpenAi.Core.Emulator;

namespace TrutoOpenAi.PowerShell.Cmdlets.Emulator
{
    /// <summary>A running emulator started by Start-OpenAiEmulator. Its keys are not shown; -Connect uses them.</summary>
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

        public int Port => Process.Port;
        public int ProcessId => Process.ProcessId;
        public bool HasExited => Process.HasExited;
        public string? ConnectionName { get; }
        public DateTimeOffset StartedAt { get; }

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
