using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Sets how long OpenAI keeps a project's data.</summary>
    /// <remarks>
    /// <para>Sets the retention control of the projects given by -ProjectId or piped in: organization_default (follow the
    /// organization), none, zero_data_retention, modified_abuse_monitoring, enhanced_zero_data_retention or
    /// enhanced_modified_abuse_monitoring (Tab completes them). Any other value stops the command before a request
    /// (OpenAiInvalidRetentionType), so no piped project is changed. For each project the current type is read first:
    /// when it already matches nothing is sent and -Verbose says so; otherwise -WhatIf and -Confirm show it before -> after.
    /// Each piped project succeeds or fails on its own. Writes the control with -PassThru. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-*' | Set-OpenAiProjectDataRetention -RetentionType zero_data_retention -WhatIf</code>
    /// <para>Shows, per tenant project, the retention type before and after, changing nothing.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiProjectDataRetention -ProjectId proj_abc123 -RetentionType organization_default -PassThru</code>
    /// <para>Makes the project follow the organization's retention again and writes the new control.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiProjectDataRetention", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiDataRetention))]
    [OpenAiOperation("", "POST", "/organization/projects/{project_id}/data_retention")]
    public sealed class SetOpenAiProjectDataRetentionCommand : OpenAiCmdlet
    {
        private string _type = string.Empty;

        /// <summary>The project (proj_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string ProjectId { get; set; } = string.Empty;

        /// <summary>The retention type: organization_default, none, zero_data_retention, modified_abuse_monitoring, enhanced_zero_data_retention or enhanced_modified_abuse_monitoring.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ArgumentCompleter(typeof(RetentionTypeCompleter))]
        public string RetentionType { get; set; } = string.Empty;

        /// <summary>Writes the project's retention control (also when it was already as asked).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            var types = GuardrailArguments.Check(new[] { RetentionType }, DataRetentionTypes.Project, nameof(RetentionType),
                "retention type a project takes", "OpenAiInvalidRetentionType", out var error);
            if (error != null) ThrowTerminatingError(error);
            _type = types[0];
        }

        protected override void ProcessRecord()
        {
            var service = new GuardrailService(Client);
            Try(ProjectId, () =>
            {
                var project = Await(observer => new ProjectService(Client).GetAsync(ProjectId, observer, CancellationToken));
                var target = Describe("project", project.Name, project.Id);
                var current = Await(observer => service.GetProjectDataRetentionAsync(ProjectId, observer, CancellationToken));
                if (current.RetentionType == _type)
                {
                    WriteVerbose($"Data retention of {target} is already {_type}: nothing to change.");
                    if (PassThru) WriteObject(current);
                    return;
                }
                if (!ShouldProcess($"Set data retention of {target}: {current.RetentionType} -> {_type}.",
                        $"Set data retention of {target} from {current.RetentionType} to {_type}?", "Set project data retention"))
                    return;
                var updated = Await(observer => service.UpdateProjectDataRetentionAsync(ProjectId, _type, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
