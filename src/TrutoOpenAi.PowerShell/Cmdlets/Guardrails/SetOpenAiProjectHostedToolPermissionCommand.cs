using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Enables or disables hosted tools (file search, web search, image generation, MCP, code interpreter) for a project.</summary>
    /// <remarks>
    /// <para>-Allow gives the complete set of tools the project may use: those are enabled and every other tool type is
    /// disabled (-Allow with an empty list disables them all). -Enable and -Disable change only the tools they name. Tool
    /// types are file_search, web_search, image_generation, mcp and code_interpreter (Tab completes them); any other value
    /// stops the command before a request is sent (OpenAiUnknownHostedTool), so no piped project is changed.</para>
    /// <para>For each project (given by -ProjectId or piped in) the current permissions are read first. When they already
    /// match, nothing is sent and -Verbose says so; otherwise only the tools that change are sent, and -WhatIf and -Confirm
    /// show the enabled tools before -> after. Each piped project succeeds or fails on its own. Writes the permissions with
    /// -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Set-OpenAiProjectHostedToolPermission -Allow file_search -WhatIf</code>
    /// <para>Shows, per tenant project, the enabled tools before and after allowing only file search, changing nothing.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiProjectHostedToolPermission -ProjectId proj_abc123 -Disable web_search, code_interpreter -PassThru</code>
    /// <para>Turns off web search and code interpreter for one project, leaves the other tools alone, and writes the result.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiProjectHostedToolPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = AllowSet)]
    [OutputType(typeof(OpenAiProjectHostedToolPermission))]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/hosted_tool_permissions")]
    public sealed class SetOpenAiProjectHostedToolPermissionCommand : OpenAiCmdlet
    {
        private const string AllowSet = "Allow";
        private const string ChangeSet = "Change";
        private readonly Dictionary<string, bool> _wanted = new Dictionary<string, bool>();

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The only tool types the project may use; every other tool type is disabled. An empty list disables all.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AllowSet)]
        [AllowEmptyCollection]
        [ArgumentCompleter(typeof(HostedToolCompleter))]
        public string[] Allow { get; set; } = System.Array.Empty<string>();

        /// <summary>Tool types to enable; the tools not named keep their state.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ArgumentCompleter(typeof(HostedToolCompleter))]
        public string[]? Enable { get; set; }

        /// <summary>Tool types to disable; the tools not named keep their state.</summary>
        [Parameter(ParameterSetName = ChangeSet)]
        [ArgumentCompleter(typeof(HostedToolCompleter))]
        public string[]? Disable { get; set; }

        /// <summary>Writes the project's permissions (also when they were already as asked).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            if (ParameterSetName == AllowSet)
            {
                var allowed = Check(Allow, nameof(Allow));
                foreach (var tool in HostedTools.All) _wanted[tool] = allowed.Contains(tool);
                return;
            }
            var enable = Check(Enable, nameof(Enable));
            var disable = Check(Disable, nameof(Disable));
            if (enable.Length + disable.Length == 0)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("Give -Allow, -Enable or -Disable: there is nothing to change."),
                    "OpenAiNothingToChange", ErrorCategory.InvalidArgument, null));
            if (enable.Intersect(disable).FirstOrDefault() is { } both)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException($"'{both}' is given to both -Enable and -Disable."),
                    "OpenAiConflictingArguments", ErrorCategory.InvalidArgument, both));
            foreach (var tool in enable) _wanted[tool] = true;
            foreach (var tool in disable) _wanted[tool] = false;
        }

        private string[] Check(string[]? values, string parameter)
        {
            var tools = GuardrailArguments.Check(values, HostedTools.All, parameter, "hosted tool type", "OpenAiUnknownHostedTool", out var error);
            if (error != null) ThrowTerminatingError(error);
            return tools;
        }

        protected override void ProcessRecord()
        {
            var service = new GuardrailService(Client);
            Try(ProjectId, () =>
            {
                var project = Await(observer => new ProjectService(Client).GetAsync(ProjectId, observer, CancellationToken));
                var target = Describe("project", project.Name, project.Id);
                var current = Await(observer => service.GetHostedToolPermissionsAsync(ProjectId, observer, CancellationToken));
                var changes = _wanted.Where(w => !current.Tools.TryGetValue(w.Key, out var enabled) || enabled != w.Value)
                    .ToDictionary(w => w.Key, w => w.Value);
                if (changes.Count == 0)
                {
                    WriteVerbose($"Hosted tools of {target} are already as asked ({current}): nothing to change.");
                    if (PassThru) WriteObject(current);
                    return;
                }
                var after = current.Tools.Keys.Union(changes.Keys)
                    .Where(tool => changes.TryGetValue(tool, out var enabled) ? enabled : current.Tools[tool]);
                var change = $"enabled: {OpenAiProjectHostedToolPermission.Describe(current.Enabled)} -> {OpenAiProjectHostedToolPermission.Describe(after)}" +
                    Listed("; enables ", changes.Where(c => c.Value)) + Listed("; disables ", changes.Where(c => !c.Value));
                if (!ShouldProcess($"Set hosted tools of {target}: {change}.", $"Set hosted tools of {target}: {change}?", "Set hosted tool permissions"))
                    return;
                var updated = Await(observer => service.UpdateHostedToolPermissionsAsync(ProjectId, changes, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }

        private static string Listed(string prefix, IEnumerable<KeyValuePair<string, bool>> tools)
        {
            var names = string.Join(", ", tools.Select(t => t.Key));
            return names.Length == 0 ? string.Empty : prefix + names;
        }
    }
}
