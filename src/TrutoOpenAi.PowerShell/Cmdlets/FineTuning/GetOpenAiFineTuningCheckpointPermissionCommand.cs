using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Gets the projects allowed to use a fine-tuned model checkpoint.</summary>
    /// <remarks>
    /// <para>Lists the permissions of the checkpoint given by -FineTunedModelCheckpoint (its ft:... model name, or
    /// checkpoints piped in from Get-OpenAiFineTuningCheckpoint), newest first unless -Order Ascending, streaming every page.
    /// -ProjectId keeps only that project's permission (filtered by the API). Each permission carries PermissionId,
    /// ProjectId and FineTunedModelCheckpoint, so it pipes to Remove-OpenAiFineTuningCheckpointPermission. An unknown
    /// checkpoint writes an OpenAiNotFound error and the pipeline goes on. Needs the admin key, although the path is not
    /// under /organization.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiFineTuningJob -Id ftjob-abc123 | Get-OpenAiFineTuningCheckpoint | Get-OpenAiFineTuningCheckpointPermission</code>
    /// <para>Lists which projects may use each checkpoint of a job.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFineTuningCheckpointPermission -FineTunedModelCheckpoint 'ft:gpt-4o-mini:org:support:ab12cd34' -ProjectId proj_abc</code>
    /// <para>Shows whether one project may use the checkpoint.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiFineTuningCheckpointPermission", SupportsPaging = true)]
    [OutputType(typeof(OpenAiFineTuningCheckpointPermission))]
    [OpenAiOperation("list_all_openai_checkpoint_permissions", "GET", "/fine_tuning/checkpoints/{fine_tuned_model_checkpoint}/permissions")]
    public sealed class GetOpenAiFineTuningCheckpointPermissionCommand : OpenAiListCmdlet
    {
        /// <summary>The checkpoint's model name (ft:...), as in a checkpoint's FineTunedModelCheckpoint.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string FineTunedModelCheckpoint { get; set; } = string.Empty;

        /// <summary>Only this project's permission.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string? ProjectId { get; set; }

        /// <summary>The order by creation time: Ascending (oldest first) or Descending (newest first). Default: the API's (newest first).</summary>
        [Parameter]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        /// <summary>The same as -Order Ascending (the name before -Order; kept so older scripts work).</summary>
        [Parameter(DontShow = true)]
        public SwitchParameter Ascending { get; set; }

        protected override void ProcessRecord()
        {
            Try(FineTunedModelCheckpoint, () =>
                WritePages(new FineTuningService(Client).ListCheckpointPermissions(FineTunedModelCheckpoint, EffectivePageSize(), ProjectId, ApiOrder(Order, Ascending ? "Ascending" : null) == "asc")));
        }
    }
}
