using System.Management.Automation;
using TrutoOpenAi.Core.Models.Guardrails;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>Sets how long OpenAI keeps the organization's data.</summary>
    /// <remarks>
    /// <para>Sets the organization's data retention control to zero_data_retention, modified_abuse_monitoring,
    /// enhanced_zero_data_retention or enhanced_modified_abuse_monitoring (Tab completes them; any other value is refused
    /// before a request with OpenAiInvalidRetentionType). It applies to every project whose retention is
    /// organization_default, so the cmdlet asks for confirmation (ConfirmImpact High) and shows the type before -> after.
    /// When the organization already has the type, nothing is sent and -Verbose says so. Writes the control with -PassThru.
    /// Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiOrganizationDataRetention -RetentionType zero_data_retention -WhatIf</code>
    /// <para>Shows the organization's retention type before and after, changing nothing.</para>
    /// </example>
    /// <example>
    /// <code>Set-OpenAiOrganizationDataRetention zero_data_retention -Confirm:$false -PassThru</code>
    /// <para>Switches the organization to zero data retention without prompting and writes the new control.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiOrganizationDataRetention", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiDataRetention))]
    [OpenAiOperation("", "POST", "/organization/data_retention")]
    public sealed class SetOpenAiOrganizationDataRetentionCommand : OpenAiCmdlet
    {
        private string _type = string.Empty;

        /// <summary>The retention type: zero_data_retention, modified_abuse_monitoring, enhanced_zero_data_retention or enhanced_modified_abuse_monitoring.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ArgumentCompleter(typeof(RetentionTypeCompleter))]
        public string RetentionType { get; set; } = string.Empty;

        /// <summary>Writes the organization's retention control (also when it was already as asked).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            var types = GuardrailArguments.Check(new[] { RetentionType }, DataRetentionTypes.Organization, nameof(RetentionType),
                "retention type an organization takes", "OpenAiInvalidRetentionType", out var error);
            if (error != null) ThrowTerminatingError(error);
            _type = types[0];
        }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new GuardrailService(Client);
            Try(null, () =>
            {
                var current = Await(observer => service.GetOrganizationDataRetentionAsync(observer, CancellationToken));
                if (current.RetentionType == _type)
                {
                    WriteVerbose($"The organization's data retention is already {_type}: nothing to change.");
                    if (PassThru) WriteObject(current);
                    return;
                }
                if (!ShouldChange($"Set the organization's data retention: {current.RetentionType} -> {_type}.",
                        $"Set the organization's data retention from {current.RetentionType} to {_type}? Projects set to organization_default follow it.",
                        "Set organization data retention", Force))
                    return;
                var updated = Await(observer => service.UpdateOrganizationDataRetentionAsync(_type, observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
