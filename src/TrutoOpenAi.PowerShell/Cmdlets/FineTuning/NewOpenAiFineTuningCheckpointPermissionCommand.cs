using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Lets projects use a fine-tuned model checkpoint.</summary>
    /// <remarks>
    /// <para>Grants the projects given by -ProjectId access to the checkpoint given by -FineTunedModelCheckpoint (its
    /// ft:... model name; checkpoints can be piped in from Get-OpenAiFineTuningCheckpoint). Projects that already have
    /// access, or unknown projects, make the API refuse the whole request (OpenAiInvalidRequest). Writes the new
    /// permissions, one per project. Needs the admin key, although the path is not under /organization.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint 'ft:gpt-4o-mini:org:support:ab12cd34' -ProjectId proj_abc, proj_def</code>
    /// <para>Lets two projects use the checkpoint.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Id ftjob-abc123 | Get-OpenAiFineTuningCheckpoint -First 1 | New-OpenAiFineTuningCheckpointPermission -ProjectId proj_abc</code>
    /// <para>Lets a project use the newest checkpoint of a job.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiFineTuningCheckpointPermission", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiFineTuningCheckpointPermission))]
    [OpenAiOperation("create_a_openai_checkpoint_permission", "POST", "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions")]
    public sealed class NewOpenAiFineTuningCheckpointPermissionCommand : OpenAiCmdlet
    {
        /// <summary>The checkpoint's model name (ft:...), as in a checkpoint's FineTunedModelCheckpoint.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FineTunedModelCheckpoint { get; set; } = string.Empty;

        /// <summary>The projects to grant access (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[] ProjectId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            Try(FineTunedModelCheckpoint, () =>
            {
                if (!ShouldProcess($"checkpoint {FineTunedModelCheckpoint}", $"Grant access to {string.Join(", ", ProjectId)}")) return;
                WriteObject(Await(observer => new FineTuningService(Client).CreateCheckpointPermissionsAsync(FineTunedModelCheckpoint, ProjectId, observer, CancellationToken)), true);
            });
        }
    }
}
