using System.Diagnostics;
using System.Globalization;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>When TRUTO_EMULATOR_PARENT_PID is set, stop the host once that process has exited (polled every second),
/// so an emulator never outlives the test run that started it.</summary>
public sealed class ParentProcessWatcher(IHostApplicationLifetime lifetime, ILogger<ParentProcessWatcher> logger) : BackgroundService
{
    public const string Variable = "TRUTO_EMULATOR_PARENT_PID";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            logger.LogWarning("{Variable} is not a process id; ignoring it.", Variable);
            return;
        }
        Process? parent = null;
        try { parent = Process.GetProcessById(pid); } catch (ArgumentException) { }
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            if (!IsAlive(parent))
            {
                logger.LogWarning("Parent process {Pid} has exited; stopping the emulator.", pid);
                lifetime.StopApplication();
                return;
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static bool IsAlive(Process? process)
    {
        if (process is null) return false;
        try
        {
            process.Refresh();
            return !process.HasExited;
        }
        catch (InvalidOperationException) { return false; }
        catch (System.ComponentModel.Win32Exception) { return true; }
    }
}
