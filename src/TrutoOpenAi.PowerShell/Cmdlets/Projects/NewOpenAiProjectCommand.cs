using System.Management.Automation;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Projects
{
    /// <summary>Creates a project in the organization.</summary>
    /// <remarks>
    /// <para>Creates one project per name, bound from the pipeline by property name, so a CSV of tenants provisions them
    /// all. Writes each new project. Residency fixes where the project's data is stored and processed; the organization
    /// must have access to it. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiProject -Name 'tenant-acme'</code>
    /// <para>Creates the project 'tenant-acme' and writes it.</para>
    /// </example>
    /// <example>
    /// <code>Import-Csv tenants.csv | New-OpenAiProject -WhatIf</code>
    /// <para>Shows which projects a CSV with a Name column would create, without creating them.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiProject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiProject))]
    [OpenAiOperation("create_a_openai_project", "POST", "/organization/projects")]
    public sealed class NewOpenAiProjectCommand : OpenAiCmdlet
    {
        /// <summary>The project's name, shown in reports.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Data residency of the project, e.g. GLOBAL or EU_STORAGE_PROCESSING; the organization default when left out.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("GLOBAL", "US_STORAGE_PROCESSING", "EU_STORAGE_PROCESSING", "JP_STORAGE", "KR_STORAGE", "CA_STORAGE",
            "SG_STORAGE", "IN_STORAGE", "AU_STORAGE", "GB_STORAGE", "AE_STORAGE", "AE_STORAGE_PROCESSING", IgnoreCase = true)]
        public string? Residency { get; set; }

        /// <summary>The id of an external (customer-managed) encryption key to associate with the project.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ExternalKeyId { get; set; }

        protected override void ProcessRecord()
        {
            if (!ShouldProcess($"project '{Name}'", "Create")) return;
            var body = new ProjectCreateRequest { Name = Name, Residency = Residency?.ToUpperInvariant(), ExternalKeyId = ExternalKeyId };
            Try(Name, () => WriteObject(Await(observer => new ProjectService(Client).CreateAsync(body, observer, CancellationToken))));
        }
    }
}
