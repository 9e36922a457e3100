using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Management.Automation;
using TrutoOpenAi.Core.Emulator;

namespace TrutoOpenAi.PowerShell.Cmdlets.Mcp
{
    /// <summary>Runs the TrutoOpenAi MCP server on this console's standard input and output, for an AI agent's MCP host.</summary>
    /// <remarks>
    /// <para>The MCP (Model Context Protocol) server offers every operation of the module's operation table to AI agents:
    /// the product's 157 OpenAI tools by their names (list_all_openai_users, create_a_openai_project...) and the spec's
    /// other operations named in the same pattern (list_all_openai_groups...), through the same core as the cmdlets:
    /// the same keys, headers, retries, paging and error mapping. It runs in its own .NET process (TrutoOpenAi.Mcp.dll, bundled in the module's mcp folder)
    /// connected to this console's stdin and stdout, and this cmdlet returns when the host closes the connection.
    /// Register it with an MCP host as a command such as
    /// pwsh -NoProfile -Command "Import-Module TrutoOpenAi; Start-OpenAiMcpServer", or start TrutoOpenAi.Mcp.dll directly
    /// with dotnet and the OPENAI_* environment variables (see the README).</para>
    /// <para>The connection (-Connection, else the current one, else the environment) is handed to the server through
    /// its environment, never its command line, and the server never writes a key to its results or its log (stderr).
    /// -ReadOnly, -Area, -Kind, -Tool and -ExcludeTool narrow the tools offered; a tool left out is also refused.
    /// -ListTools writes the tools that would be offered, and starts nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>Start-OpenAiEmulator -Connect | Out-Null; Start-OpenAiMcpServer -ReadOnly -Area Projects -ListTools | Format-Table Name, Method, Path</code>
    /// <para>Shows the read-only project tools a server started with -ReadOnly -Area Projects would offer.</para>
    /// </example>
    /// <example>
    /// <code>pwsh -NoProfile -Command "Import-Module TrutoOpenAi; Connect-OpenAi -Name agents -AdminKey (Get-Secret OpenAiAdmin); Start-OpenAiMcpServer -Kind read,write"</code>
    /// <para>The command line to give an MCP host: connects with a key from a secret vault and serves the list, get,
    /// create, update and delete tools on stdio until the host disconnects.</para>
    /// </example>
    [Cmdlet(VerbsLifecycle.Start, "OpenAiMcpServer")]
    [OutputType(typeof(PSObject))]
    public sealed class StartOpenAiMcpServerCommand : OpenAiCmdlet
    {
        /// <summary>Offers only the tools that change nothing (list, get and search).</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        /// <summary>Offers only the tools of these API areas (Organization, Projects, Usage, Files, VectorStores...).</summary>
        [Parameter]
        [ValidateSet("Organization", "Projects", "Usage", "Responses", "Conversations", "Audio", "Images", "Evals", "FineTuning",
            "Batches", "Files", "Uploads", "Models", "VectorStores", "Containers", "ChatCompletions", "Assistants", "Threads", IgnoreCase = true)]
        public string[]? Area { get; set; }

        /// <summary>Offers only these kinds of tool, as Truto's filters do: read (list, get), write (create, update, delete), custom (other actions).</summary>
        [Parameter]
        [ValidateSet("read", "write", "custom", IgnoreCase = true)]
        public string[]? Kind { get; set; }

        /// <summary>Offers only tools whose name matches one of these patterns (wildcards * and ?).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.McpToolCompleter))]
        public string[]? Tool { get; set; }

        /// <summary>Leaves out the tools whose name matches one of these patterns (wildcards * and ?).</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.McpToolCompleter))]
        public string[]? ExcludeTool { get; set; }

        /// <summary>How much the server logs to stderr: Trace, Debug, Information (default), Warning, Error or None.</summary>
        [Parameter]
        [ValidateSet("Trace", "Debug", "Information", "Warning", "Error", "Critical", "None", IgnoreCase = true)]
        public string LogLevel { get; set; } = "Information";

        /// <summary>Writes the tools the server would offer (name, method, path, area, kind) and starts nothing.</summary>
        [Parameter]
        public SwitchParameter ListTools { get; set; }

        /// <summary>Path of TrutoOpenAi.Mcp.dll; the copy bundled with the module when left out.</summary>
        [Parameter]
        public string? Path { get; set; }

        protected override void EndProcessing()
        {
            var serverPath = Path != null ? GetUnresolvedProviderPathFromPSPath(Path) : DefaultServerPath();
            if (!File.Exists(serverPath))
            {
                ThrowTerminatingError(new ErrorRecord(
                    new FileNotFoundException($"The MCP server was not found at '{serverPath}'. Run './build.ps1 Build' to stage it, or pass -Path.", serverPath),
                    "OpenAiMcpServerNotFound", ErrorCategory.ObjectNotFound, serverPath));
            }

            var arguments = new List<string> { serverPath, "--log-level", LogLevel };
            if (ReadOnly) arguments.Add("--read-only");
            if (Area is { Length: > 0 }) { arguments.Add("--area"); arguments.Add(string.Join(",", Area)); }
            if (Kind is { Length: > 0 }) { arguments.Add("--kind"); arguments.Add(string.Join(",", Kind).ToLowerInvariant()); }
            if (Tool is { Length: > 0 }) { arguments.Add("--tool"); arguments.Add(string.Join(",", Tool)); }
            if (ExcludeTool is { Length: > 0 }) { arguments.Add("--exclude-tool"); arguments.Add(string.Join(",", ExcludeTool)); }
            if (ListTools) arguments.Add("--list-tools");

            var start = new ProcessStartInfo(EmulatorProcess.FindDotnet())
            {
                UseShellExecute = false,
                // Serving: the server inherits this console's stdin, stdout and stderr, which the MCP host reads and writes.
                RedirectStandardOutput = ListTools,
                CreateNoWindow = true,
                Arguments = string.Join(" ", arguments.ConvertAll(Quote)),
            };
            start.Environment["DOTNET_NOLOGO"] = "1";
            if (!ListTools) ActiveConnection.CopyToEnvironment(start.Environment!);

            WriteVerbose(ListTools ? $"Listing the tools of {serverPath}." : $"Serving MCP on stdio from {serverPath} for connection '{ActiveConnection.Name}' ({ActiveConnection.BaseUri}).");
            using var process = Process.Start(start) ?? throw new InvalidOperationException("The MCP server did not start.");
            if (ListTools)
            {
                string? line;
                while ((line = process.StandardOutput.ReadLine()) != null)
                {
                    var cells = line.Split('\t');
                    if (cells.Length < 5) continue;
                    var info = new PSObject();
                    info.TypeNames.Insert(0, "TrutoOpenAi.McpTool");
                    info.Properties.Add(new PSNoteProperty("Name", cells[0]));
                    info.Properties.Add(new PSNoteProperty("Method", cells[1]));
                    info.Properties.Add(new PSNoteProperty("Path", cells[2]));
                    info.Properties.Add(new PSNoteProperty("Area", cells[3]));
                    info.Properties.Add(new PSNoteProperty("Kind", cells[4]));
                    info.Properties.Add(new PSNoteProperty("ReadOnly", cells.Length > 5 && cells[5] == "read-only"));
                    WriteObject(info);
                }
            }
            while (!process.WaitForExit(250))
            {
                if (CancellationToken.IsCancellationRequested)
                {
                    try { process.Kill(); } catch (InvalidOperationException) { }
                    throw new PipelineStoppedException();
                }
            }
            if (process.ExitCode != 0)
            {
                WriteError(new ErrorRecord(new InvalidOperationException($"The MCP server exited with code {process.ExitCode}; its reason is on stderr."),
                    "OpenAiMcpServerFailed", ErrorCategory.InvalidResult, serverPath));
            }
        }

        private static string DefaultServerPath()
        {
            var moduleDirectory = System.IO.Path.GetDirectoryName(typeof(StartOpenAiMcpServerCommand).Assembly.Location) ?? ".";
            return System.IO.Path.Combine(moduleDirectory, "mcp", "TrutoOpenAi.Mcp.dll");
        }

        private static string Quote(string argument) =>
            argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '"', '\t', '*', '?' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
    }
}
