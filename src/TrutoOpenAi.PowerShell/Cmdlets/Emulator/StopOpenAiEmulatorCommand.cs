using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Emulator
{
    /// <summary>Stops emulators started with Start-OpenAiEmulator.</summary>
    /// <remarks>
    /// <para>Stops the emulators piped in, or every emulator this process started when none is given, and removes the
    /// connections Start-OpenAiEmulator -Connect made for them. The emulator's state is in memory and is lost.</para>
    /// </remarks>
    /// <example>
    /// <code>$emulator = Start-OpenAiEmulator -Connect; Stop-OpenAiEmulator -InputObject $emulator</code>
    /// <para>Starts an emulator and stops it again.</para>
    /// </example>
    /// <example>
    /// <code>Stop-OpenAiEmulator</code>
    /// <para>Stops every emulator started in this session.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Stop, "OpenAiEmulator", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    [OutputType(typeof(OpenAiEmulatorInfo))]
    public sealed class StopOpenAiEmulatorCommand : PSCmdlet
    {
        /// <summary>The emulator to stop, as written by Start-OpenAiEmulator; all of this session's when left out.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public OpenAiEmulatorInfo[]? InputObject { get; set; }

        /// <summary>Writes each emulator after it stopped.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private bool _sawInput;

        protected override void ProcessRecord()
        {
            if (InputObject is null) return;
            _sawInput = true;
            foreach (var emulator in InputObject) Stop(emulator);
        }

        protected override void EndProcessing()
        {
            if (_sawInput) return;
            foreach (var emulator in EmulatorRegistry.All()) Stop(emulator);
        }

        private void Stop(OpenAiEmulatorInfo emulator)
        {
            if (!ShouldProcess($"emulator at {emulator.BaseUri} (process {emulator.ProcessId})", "Stop")) return;
            emulator.Process.Dispose();
            EmulatorRegistry.Remove(emulator);
            if (emulator.ConnectionName != null && OpenAiConnectionRegistry.Find(emulator.ConnectionName) is { } connection &&
                connection.BaseUri.AbsoluteUri.TrimEnd('/') == emulator.BaseUri.AbsoluteUri.TrimEnd('/'))
            {
                OpenAiConnectionRegistry.Remove(emulator.ConnectionName);
            }
            emulator.ConnectionName = null;
            WriteVerbose($"Stopped the emulator at {emulator.BaseUri}.");
            if (PassThru) WriteObject(emulator);
        }
    }
}
