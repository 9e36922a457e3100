using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace TrutoOpenAi.PowerShell.Cmdlets.Catalog
{
    /// <summary>Lists the API operations the module covers and the command that performs each.</summary>
    /// <remarks>
    /// <para>The module's own catalog, read from the cmdlets themselves: one object per operation with the product's tool
    /// name (e.g. list_all_openai_projects), the command and parameter set that perform it, the HTTP method and path, and
    /// whether it needs the admin key. Filter with -Tool, -Command or -Path (wildcards). docs/tool-map.md is generated
    /// from it, and a test proves every entry by running the command against the emulator.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiOperation -Command *Project | Format-Table Tool, Command, Method, Path</code>
    /// <para>Shows which project operations each project cmdlet performs.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiOperation -Path '/organization/*' | Measure-Object</code>
    /// <para>Counts the admin API operations the module covers.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiOperation")]
    [OutputType(typeof(OpenAiOperationInfo))]
    public sealed class GetOpenAiOperationCommand : PSCmdlet
    {
        private static readonly Lazy<IReadOnlyList<OpenAiOperationInfo>> Catalog = new Lazy<IReadOnlyList<OpenAiOperationInfo>>(Build);

        /// <summary>Only operations whose tool name matches; wildcards are allowed.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string? Tool { get; set; }

        /// <summary>Only operations performed by commands whose name matches; wildcards are allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        public string? Command { get; set; }

        /// <summary>Only operations whose API path matches (e.g. '/organization/*'); wildcards are allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        public string? Path { get; set; }

        protected override void EndProcessing()
        {
            var tool = Pattern(Tool);
            var command = Pattern(Command);
            var path = Pattern(Path);
            foreach (var operation in Catalog.Value)
            {
                if (tool != null && !tool.IsMatch(operation.Tool)) continue;
                if (command != null && !command.IsMatch(operation.Command)) continue;
                if (path != null && !path.IsMatch(operation.Path)) continue;
                WriteObject(operation);
            }
        }

        private static WildcardPattern? Pattern(string? text) =>
            string.IsNullOrEmpty(text) ? null : new WildcardPattern(text, WildcardOptions.IgnoreCase);

        /// <summary>Every [OpenAiOperation] on every cmdlet of this assembly, sorted by path and method.</summary>
        internal static IReadOnlyList<OpenAiOperationInfo> Build() =>
            typeof(GetOpenAiOperationCommand).Assembly.GetTypes()
                .Select(type => (type, cmdlet: type.GetCustomAttribute<CmdletAttribute>()))
                .Where(pair => pair.cmdlet != null)
                .SelectMany(pair => pair.type.GetCustomAttributes<OpenAiOperationAttribute>().Select(op => new OpenAiOperationInfo
                {
                    Tool = op.Tool,
                    Command = $"{pair.cmdlet!.VerbName}-{pair.cmdlet.NounName}",
                    ParameterSet = op.ParameterSet ?? string.Empty,
                    Method = op.Method,
                    Path = op.Path,
                    NeedsAdminKey = op.Path.StartsWith("/organization", StringComparison.OrdinalIgnoreCase) ||
                                    op.Path.StartsWith("/projects", StringComparison.OrdinalIgnoreCase),
                }))
                .OrderBy(op => op.Path, StringComparer.Ordinal)
                .ThenBy(op => op.Method, StringComparer.Ordinal)
                .ThenBy(op => op.Command, StringComparer.Ordinal)
                .ToList();
    }
}
