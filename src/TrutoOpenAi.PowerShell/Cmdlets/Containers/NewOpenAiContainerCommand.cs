using System;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Creates a container for the code interpreter tool.</summary>
    /// <remarks>
    /// <para>Creates a container named -Name, optionally with uploaded files copied in (-FileId, or files piped in from
    /// Get-OpenAiFile / New-OpenAiFile: they are gathered into one container), an expiry after its last activity
    /// (-ExpiresAfter, whole minutes) and a memory limit (1g, 4g, 16g or 64g). Writes the new container. Add local files
    /// later with Add-OpenAiContainerFile. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiContainer -Name analysis -ExpiresAfter (New-TimeSpan -Minutes 20) -MemoryLimit 4g</code>
    /// <para>Creates a container with 4 GB of memory that expires 30 minutes after its last use.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiFile -Purpose user_data | New-OpenAiContainer -Name data</code>
    /// <para>Creates one container with every user_data file copied in.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiContainer))]
    [OpenAiOperation("create_a_openai_container", "POST", "/containers")]
    public sealed class NewOpenAiContainerCommand : OpenAiCmdlet
    {
        private readonly System.Collections.Generic.List<string> _fileIds = new System.Collections.Generic.List<string>();

        /// <summary>The container's name.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Ids of uploaded files (file-...) to copy into the container.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] FileId { get; set; } = new string[0];

        /// <summary>How long after its last activity the container expires (whole minutes).</summary>
        [Parameter]
        public TimeSpan? ExpiresAfter { get; set; }

        /// <summary>The container's memory: 1g (the API's default), 4g, 16g or 64g.</summary>
        [Parameter]
        [ValidateSet("1g", "4g", "16g", "64g")]
        public string? MemoryLimit { get; set; }

        protected override void ProcessRecord() => _fileIds.AddRange(FileId);

        protected override void EndProcessing()
        {
            Try(Name, () =>
            {
                OpenAiContainerExpiry? expiry = null;
                if (ExpiresAfter is TimeSpan span)
                {
                    if (span.TotalMinutes < 1 || span.TotalMinutes != Math.Floor(span.TotalMinutes))
                        throw new OpenAiValidationException("ExpiresAfter", $"-ExpiresAfter is counted in whole minutes (at least 1); {span} is not.");
                    expiry = new OpenAiContainerExpiry { Minutes = (int)span.TotalMinutes };
                }
                var files = _fileIds.Distinct().ToList();
                if (!ShouldProcess($"container '{Name}'" + (files.Count > 0 ? $" with {files.Count} file(s)" : ""), "Create")) return;
                var body = new ContainerCreateRequest { Name = Name, FileIds = files.Count > 0 ? files : null, ExpiresAfter = expiry, MemoryLimit = MemoryLimit };
                WriteObject(Await(observer => new ContainerService(Client).CreateAsync(body, observer, CancellationToken)));
            });
        }
    }
}
