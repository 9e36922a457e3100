using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Containers
{
    /// <summary>Deletes a container and its files.</summary>
    /// <remarks>
    /// <para>Deletes each container given by -Id (or piped in from Get-OpenAiContainer). The container is looked up first and
    /// named in the confirmation prompt (ConfirmImpact High); one that does not exist writes an OpenAiNotFound error and the
    /// pipeline goes on. Writes nothing unless -PassThru. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiContainer -Name 'scratch*' | Remove-OpenAiContainer -Confirm:$false</code>
    /// <para>Deletes every container whose name starts with scratch.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiContainer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_container_by_id", "DELETE", "/containers/{container_id}")]
    public sealed class RemoveOpenAiContainerCommand : OpenAiCmdlet
    {
        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The id of the container to delete (cntr_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ContainerId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ContainerService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetAsync(Id, observer, CancellationToken));
                if (!ShouldChange(Describe("container", current.Name, current.Id), "Delete", Force)) return;
                var deletion = Await(observer => service.DeleteAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
