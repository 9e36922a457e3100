using System.Globalization;
using System.Net;

namespace TrutoOpenAi.Emulator;

/// <summary>Command line: [--host 127.0.0.1] [--port 0] [--seed-projects N] [--seed-users N] [--seed-random 42].</summary>
public sealed record EmulatorOptions
{
    public IPAddress Host { get; init; } = IPAddress.Loopback;
    public int Port { get; init; }
    public int SeedProjects { get; init; }
    public int SeedUsers { get; init; }
    public int? SeedRandom { get; init; }
    /// <summary>Answer the Assistants API routes (/assistants, /threads) as OpenAI has since retiring them on 2026-08-26.</summary>
    public bool AssistantsRetired { get; init; }

    public const string Usage =
        "Usage: dotnet TrutoOpenAi.Emulator.dll [--host 127.0.0.1] [--port 0] [--seed-projects N] [--seed-users N] [--seed-random 42] [--assistants-retired]\n" +
        "  --host           loopback address to bind (127.0.0.1, ::1 or localhost); default 127.0.0.1\n" +
        "  --port           TCP port; 0 (default) lets the OS choose a free port\n" +
        "  --seed-projects  start with N projects tenant-00001.. instead of the single 'Default Project'\n" +
        "  --seed-users     add N organization users user00001@example.com.. (readers) to the startup owner\n" +
        "  --seed-random    seed for ids and random faults (deterministic runs)\n" +
        "  --assistants-retired  answer /assistants and /threads as the retired Assistants API does (404 Invalid URL)\n" +
        "Environment: TRUTO_EMULATOR_ADMIN_KEY, TRUTO_EMULATOR_API_KEY, TRUTO_EMULATOR_PARENT_PID";

    /// <summary>Parse; throws <see cref="ArgumentException"/> with a user-facing message.</summary>
    public static EmulatorOptions Parse(string[] args)
    {
        var o = new EmulatorOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0) { inline = arg[(eq + 1)..]; arg = arg[..eq]; }
            string Value() => inline ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Missing value for {arg}."));
            switch (arg.ToLowerInvariant())
            {
                case "--host":
                    o = o with { Host = ParseHost(Value()) };
                    break;
                case "--port":
                    o = o with { Port = ParseInt(arg, Value(), 0, 65535) };
                    break;
                case "--seed-projects":
                    o = o with { SeedProjects = ParseInt(arg, Value(), 0, 10_000_000) };
                    break;
                case "--seed-users":
                    o = o with { SeedUsers = ParseInt(arg, Value(), 0, 10_000_000) };
                    break;
                case "--assistants-retired":
                    o = o with { AssistantsRetired = true };
                    break;
                case "--seed-random":
                    o = o with { SeedRandom = ParseInt(arg, Value(), int.MinValue, int.MaxValue) };
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
        return o;
    }

    private static IPAddress ParseHost(string text)
    {
        if (string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (!IPAddress.TryParse(text.Trim('[', ']'), out var address))
            throw new ArgumentException($"--host must be a loopback IP address (127.0.0.1, ::1) or localhost, not '{text}'.");
        if (!IPAddress.IsLoopback(address))
            throw new ArgumentException($"--host '{text}' is not a loopback address; the emulator binds loopback only.");
        return address;
    }

    private static int ParseInt(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException($"{name} must be an integer between {min} and {max}, not '{text}'.");
        return value;
    }
}
