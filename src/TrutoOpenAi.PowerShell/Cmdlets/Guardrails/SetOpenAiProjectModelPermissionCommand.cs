using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Sets which models a project may call: only some (-Allow), or all but some (-Deny).</summary>
    /// <remarks>
    /// <para>Replaces the project's model policy. -Allow makes an allow list (the project may call only these models; an empty
    /// list allows none), -Deny a deny list (every model but these; an empty list allows all). Projects can be piped in.
    /// For each project the current policy is read first: when it already says the same (same mode, same models in any
    /// order) nothing is sent and -Verbose says so; otherwise -WhatIf and -Confirm show the change as before -> after, with
    /// the models added and removed. A model id the API does not know is refused (OpenAiInvalidRequest) and the project
    /// keeps its policy; each piped project succeeds or fails on its own. Writes the policy with -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Set-OpenAiProjectModelPermission -Allow gpt-4o-mini, text-embedding-3-small -WhatIf</code>
    /// <para>Shows, per tenant project, the model list before and after, changing nothing.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiProjectModelPermission -ProjectId proj_abc123 -Deny o3 -PassThru</code>
    /// <para>Lets the project call every model but o3, and writes the new policy.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiProjectModelPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = AllowSet)]
    [OutputType(typeof(OpenAiProjectModelPermission))]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/model_permissions")]
    public sealed class SetOpenAiProjectModelPermissionCommand : OpenAiCmdlet
    {
        private const string AllowSet = "Allow";
        private const string DenySet = "Deny";
        private string[] _modelIds = System.Array.Empty<string>();

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The only models the project may call (an allow list). An empty list allows none.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AllowSet)]
        [AllowEmptyCollection]
        public string[] Allow { get; set; } = System.Array.Empty<string>();

        /// <summary>The models the project may not call (a deny list); every other model is allowed. An empty list allows all.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DenySet)]
        [AllowEmptyCollection]
        public string[] Deny { get; set; } = System.Array.Empty<string>();

        /// <summary>Writes the project's policy (also when it was already as asked).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private string Mode => ParameterSetName == DenySet ? OpenAiProjectModelPermission.DenyList : OpenAiProjectModelPermission.AllowList;

        protected override void BeginProcessing()
        {
            _modelIds = GuardrailArguments.CheckModelIds(ParameterSetName == DenySet ? Deny : Allow, ParameterSetName, out var error);
            if (error != null) ThrowTerminatingError(error);
        }

        protected override void ProcessRecord()
        {
            var service = new GuardrailService(Client);
            Try(ProjectId, () =>
            {
                var project = Await(observer => new ProjectService(Client).GetAsync(ProjectId, observer, CancellationToken));
                var target = Describe("project", project.Name, project.Id);
                var current = Await(observer => service.GetModelPermissionsAsync(ProjectId, observer, CancellationToken));
                if (current.IsSameAs(Mode, _modelIds))
                {
                    WriteVerbose($"Model permissions of {target} are already {current}: nothing to change.");
                    if (PassThru) WriteObject(current);
                    return;
                }
                var added = _modelIds.Except(current.ModelIds).ToArray();
                var removed = current.ModelIds.Except(_modelIds).ToArray();
                var change = $"{current} -> {OpenAiProjectModelPermission.Describe(Mode, _modelIds)}" +
                    (added.Length > 0 ? $"; adds {string.Join(", ", added)}" : string.Empty) +
                    (removed.Length > 0 ? $"; removes {string.Join(", ", removed)}" : string.Empty);
                if (!ShouldProcess($"Set model permissions of {target}: {change}.", $"Set model permissions of {target} to {change}?", "Set model permissions"))
                    return;
                var updated = Await(observer => service.UpdateModelPermissionsAsync(ProjectId, Mode, _modelIds, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
