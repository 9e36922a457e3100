using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Connection
{
    /// <summary>Removes connections made with Connect-OpenAi and releases their HTTP clients.</summary>
    /// <remarks>
    /// <para>Forgets the named connections (the current one when no name is given). When the current connection is removed,
    /// another remaining connection, if any, becomes current. Nothing is sent to the API: keys are not revoked.</para>
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
        /// <summary>Names of the connections to remove; the current connection when left out.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string[]? Name { get; set; }

        protected override void ProcessRecord()
        {
            var names = Name ?? (OpenAiConnectionRegistry.Current is { } current ? new[] { current.Name } : new string[0]);
            foreach (var name in names)
            {
                if (OpenAiConnectionRegistry.Remove(name))
                    WriteVerbose($"Connection '{name}' removed.");
                else
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no connection named '{name}'."),
                        "OpenAiConnectionNotFound", ErrorCategory.ObjectNotFound, name));
            }
        }
    }
}
