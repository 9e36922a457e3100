using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Paging;

namespace TrutoOpenAi.PowerShell.Cmdlets.Catalog
{
    /// <summary>Lists the API operations the module covers and the command that performs each.</summary>
    /// <remarks>
    /// <para>The module's own catalog, read from the cmdlets themselves and joined with the operation table (derived from
    /// the OpenAI spec): one object per operation with its tool name (e.g. list_all_openai_projects), the command and
    /// parameter set that perform it, the HTTP method and path, the key it takes (KeyKind: Admin or Api), the headers it
    /// sends, its paging and page-size range, its body and answer kinds and whether it reads, writes or destroys. Filter
    /// with -Tool, -Command or -Path (wildcards). docs/tool-map.md is generated from it, and a test proves every entry by
    /// running the command against the emulator.</para>
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

        /// <summary>Every [OpenAiOperation] on every cmdlet of this assembly joined with the operation table, sorted by path and method.</summary>
        internal static IReadOnlyList<OpenAiOperationInfo> Build() =>
            typeof(GetOpenAiOperationCommand).Assembly.GetTypes()
                .Select(type => (type, cmdlet: type.GetCustomAttribute<CmdletAttribute>()))
                .Where(pair => pair.cmdlet != null)
                .SelectMany(pair => pair.type.GetCustomAttributes<OpenAiOperationAttribute>().Select(op => Describe(op, $"{pair.cmdlet!.VerbName}-{pair.cmdlet.NounName}")))
                .OrderBy(op => op.Path, StringComparer.Ordinal)
                .ThenBy(op => op.Method, StringComparer.Ordinal)
                .ThenBy(op => op.Command, StringComparer.Ordinal)
                .ToList();

        private static OpenAiOperationInfo Describe(OpenAiOperationAttribute declared, string command)
        {
            var row = OperationTable.ByTemplate(declared.Method, declared.Path);
            return new OpenAiOperationInfo
            {
                // The attribute's tool where it names one (seed tools), else the table's name for the operation.
                Tool = declared.Tool.Length > 0 ? declared.Tool : row?.Tool ?? string.Empty,
                IsSeedTool = row?.IsSeedTool ?? false,
                Command = command,
                ParameterSet = declared.ParameterSet ?? string.Empty,
                Method = declared.Method,
                Path = declared.Path,
                OperationId = row?.OperationId ?? string.Empty,
                KeyKind = row?.KeyKind ?? OpenAiKeyKind.Api,
                NeedsAdminKey = row?.NeedsAdminKey ?? false,
                Headers = row?.Headers.Select(h => $"{h.Key}: {h.Value}").ToArray() ?? new string[0],
                Paging = row?.Paging ?? PagingStyle.None,
                PageSize = row?.PageSize ?? string.Empty,
                Body = row?.Body ?? string.Empty,
                Response = row?.Response ?? string.Empty,
                Access = row?.Access ?? OpenAiOperationAccess.Write,
            };
        }
    }
}
