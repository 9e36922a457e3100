using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Gets which hosted tools (file search, web search, image generation, MCP, code interpreter) a project may use.</summary>
    /// <remarks>
    /// <para>Writes one object per project: FileSearch, WebSearch, ImageGeneration, Mcp and CodeInterpreter (true when
    /// enabled), the Enabled and Disabled tool types, and Tools (every tool type the API reported, including types added
    /// after this module). Projects can be piped in; each answer carries its ProjectId, so it pipes on to
    /// Set-OpenAiProjectHostedToolPermission. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Get-OpenAiProjectHostedToolPermission</code>
    /// <para>Shows which hosted tools every tenant project may use.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject | Get-OpenAiProjectHostedToolPermission | Where-Object WebSearch | Select-Object ProjectId</code>
    /// <para>Lists the projects that may search the web.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiProjectHostedToolPermission")]
    [OutputType(typeof(OpenAiProjectHostedToolPermission))]
    [OpenAiOperation("", "GET", "/organization/projects/{project_id}/hosted_tool_permissions")]
    public sealed class GetOpenAiProjectHostedToolPermissionCommand : OpenAiCmdlet
    {
        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        protected override void ProcessRecord() =>
            Try(ProjectId, () => WriteObject(Await(observer => new GuardrailService(Client).GetHostedToolPermissionsAsync(ProjectId, observer, CancellationToken))));
    }
}
