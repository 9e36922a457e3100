using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;

namespace TrutoOpenAi.PowerShell.Cmdlets.Connection
{
    /// <summary>Gets the connections made with Connect-OpenAi in this process.</summary>
    /// <remarks>
    /// <para>Shows each connection's name, base URI, organization, project, whether it holds an admin key and an API key
    /// (never the keys), its retry budget, and the rate-limit headers of its latest response.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiConnection</code>
    /// <para>Lists every connection; the current one has IsCurrent set.</para>
    /// </example>
    /// <example>
    /// <code>(Get-OpenAiConnection -Current).RateLimit</code>
    /// <para>Shows the remaining requests and tokens the API reported on its latest answer.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiConnection", DefaultParameterSetName = "ByName")]
    [OutputType(typeof(OpenAiConnection))]
    public sealed class GetOpenAiConnectionCommand : PSCmdlet
    {
        static GetOpenAiConnectionCommand() => RunspaceScope.Ensure();

        /// <summary>Names of the connections to get; wildcards are allowed.</summary>
        [Parameter(Position = 0, ParameterSetName = "ByName", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(Completion.ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Gets only the current connection.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Current")]
        public SwitchParameter Current { get; set; }

        protected override void ProcessRecord()
        {
            if (Current)
            {
                if (OpenAiConnectionRegistry.Current is { } current) WriteObject(current);
                return;
            }
            var all = OpenAiConnectionRegistry.All;
            if (Name is null || Name.Length == 0)
            {
                WriteObject(all, enumerateCollection: true);
                return;
            }
            foreach (var name in Name)
            {
                var pattern = new WildcardPattern(name, WildcardOptions.IgnoreCase);
                var matches = all.Where(c => pattern.IsMatch(c.Name)).ToList();
                if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
                {
                    WriteError(new ErrorRecord(new ItemNotFoundException($"There is no connection named '{name}'."),
                        "OpenAiConnectionNotFound", ErrorCategory.ObjectNotFound, name));
                }
                WriteObject(matches, enumerateCollection: true);
            }
        }
    }
}
