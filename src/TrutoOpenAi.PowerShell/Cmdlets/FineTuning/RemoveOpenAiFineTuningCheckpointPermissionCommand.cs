using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Takes a project's access to a fine-tuned model checkpoint away.</summary>
    /// <remarks>
    /// <para>Deletes the permission given by -FineTunedModelCheckpoint and -PermissionId, or permissions piped in from
    /// Get-OpenAiFineTuningCheckpointPermission (both bind by property name). The project can no longer use the
    /// checkpoint. ConfirmImpact High. An unknown permission writes an OpenAiNotFound error and the pipeline goes on.
    /// Writes nothing unless -PassThru, then the removed permission. Needs the admin key, although the path is not under
    /// /organization.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint 'ft:gpt-4o-mini:org:support:ab12cd34' -ProjectId proj_abc | Remove-OpenAiFineTuningCheckpointPermission -Confirm:$false</code>
    /// <para>Takes one project's access away.</para>
    /// </example>
    /// <example>
    /// <code>Remove-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint 'ft:gpt-4o-mini:org:support:ab12cd34' -PermissionId cp_abc123 -WhatIf</code>
    /// <para>Shows what would be removed, removing nothing.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiFineTuningCheckpointPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiFineTuningCheckpointPermission))]
    [OpenAiOperation("delete_a_openai_checkpoint_permission_by_id", "DELETE", "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions/{permission_id}")]
    public sealed class RemoveOpenAiFineTuningCheckpointPermissionCommand : OpenAiCmdlet
    {
        /// <summary>The checkpoint's model name (ft:...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FineTunedModelCheckpoint { get; set; } = string.Empty;

        /// <summary>The permission to remove (cp_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string PermissionId { get; set; } = string.Empty;

        /// <summary>Writes the removed permission.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The piped permission, when there is one (to name its project and write it with -PassThru).</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public OpenAiFineTuningCheckpointPermission? InputObject { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            Try(PermissionId, () =>
            {
                var piped = InputObject != null && InputObject.Id == PermissionId ? InputObject : null;
                var target = piped?.ProjectId is { } project ? $"permission {PermissionId} of project {project} on {FineTunedModelCheckpoint}" : $"permission {PermissionId} on {FineTunedModelCheckpoint}";
                if (!ShouldChange(target, "Remove", Force)) return;
                Await(observer => new FineTuningService(Client).DeleteCheckpointPermissionAsync(FineTunedModelCheckpoint, PermissionId, observer, CancellationToken));
                if (PassThru) WriteObject(piped ?? new OpenAiFineTuningCheckpointPermission { Id = PermissionId, FineTunedModelCheckpoint = FineTunedModelCheckpoint });
            });
        }
    }
}
