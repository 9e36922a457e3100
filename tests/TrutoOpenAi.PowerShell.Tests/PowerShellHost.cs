using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Security;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Tests;

/// <summary>
/// Runs the module's cmdlets in-process against a MockHttp transport: a connection with a fake handler is
/// registered under a unique name and passed with -Connection, so tests never touch the network or each other.
/// </summary>
internal sealed record RunResult(List<PSObject> Output, List<ErrorRecord> Errors, List<string> Verbose, List<string> Debug, List<string> Warnings);

internal sealed class PowerShellHost : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellHost(HttpMessageHandler transport, int maxRetries = 0)
    {
        ConnectionName = "xunit-" + Guid.NewGuid().ToString("n");
        var settings = new OpenAiConnectionSettings
        {
            Name = ConnectionName,
            BaseUri = new Uri("https://api.test/v1/"),
            AdminKey = SecretText.ToSecure("sk-admin-secretsecretsecret"),
            ApiKey = SecretText.ToSecure("sk-proj-secretsecretsecret"),
            MaxRetries = maxRetries,
        };
        OpenAiConnectionRegistry.Add(new OpenAiConnection(settings, transport), makeCurrent: false);

        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(typeof(Cmdlets.Projects.GetOpenAiProjectCommand).Assembly.Location);
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        _runspace.SessionStateProxy.SetVariable("conn", ConnectionName);
    }

    public string ConnectionName { get; }

    /// <summary>Runs a script; the streams are copied out before the PowerShell instance is disposed.</summary>
    public RunResult Run(string script)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        var output = shell.Invoke();
        return new RunResult(output.ToList(), shell.Streams.Error.ToList(), shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(d => d.Message).ToList(), shell.Streams.Warning.Select(w => w.Message).ToList());
    }

    public void SetVariable(string name, object value) => _runspace.SessionStateProxy.SetVariable(name, value);

    public System.Management.Automation.PowerShell Create(string script)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        return shell;
    }

    public void Dispose()
    {
        _runspace.Dispose();
        OpenAiConnectionRegistry.Remove(ConnectionName);
    }
}
