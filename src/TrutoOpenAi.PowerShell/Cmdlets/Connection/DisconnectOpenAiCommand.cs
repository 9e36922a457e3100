using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Connection
{
    /// <summary>Removes connections made with Connect-OpenAi and releases their HTTP clients.</summary>
    /// <remarks>
    /// <para>Forgets the named connections (the current one when no name is given), in every runspace. When the current
    /// connection is removed, no connection is current any more (as after Disconnect-AzAccount or Disconnect-MgGraph): another
    /// organization's connection never takes its place silently, so the next cmdlet without -Connection stops with
    /// OpenAiNotConnected (or uses the OPENAI_* environment variables when they hold a key) until Connect-OpenAi picks one.
    /// Calls already running on the connection finish. Nothing is sent to the API: keys are not revoked.</para>
    /// </remarks>
    /// <example>
    /// <code>Disconnect-OpenAi -Name contoso</code>
    /// <para>Forgets the 'contoso' connection.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiConnection | Disconnect-OpenAi</code>
    /// <para>Forgets every connection.</para>
    /// </example>
    [Cmdlet(VerbsCommunications.Disconnect, "OpenAi")]
    [OutputType(typeof(void))]
    public sealed class DisconnectOpenAiCommand : PSCmdlet
    {
        static DisconnectOpenAiCommand() => RunspaceScope.Ensure();

        /// <summary>Names of the connections to remove; the current connection when left out.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(Completion.ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var names = Name ?? (OpenAiConnectionRegistry.Current is { } active ? new[] { active.Name } : new string[0]);
            foreach (var name in names)
            {
                var wasCurrent = OpenAiConnectionRegistry.Current is { } current && string.Equals(current.Name, name, System.StringComparison.OrdinalIgnoreCase);
                if (OpenAiConnectionRegistry.Remove(name))
                    WriteVerbose(wasCurrent
                        ? $"Connection '{name}' removed; no connection is current now. Run Connect-OpenAi or pass -Connection."
                        : $"Connection '{name}' removed.");
                else
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no connection named '{name}'."),
                        "OpenAiConnectionNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }
    }
}
