using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Deletes an eval and its runs.</summary>
    /// <remarks>
    /// <para>Deletes the evals given by -Id or piped in from Get-OpenAiEval. Each eval is looked up first and named in the
    /// confirmation prompt (ConfirmImpact High); an unknown id writes an OpenAiNotFound error and the pipeline goes on.
    /// Writes nothing unless -PassThru, then the API's deletion confirmation. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Remove-OpenAiEval -Id eval_abc123 -Confirm:$false</code>
    /// <para>Deletes one eval without prompting.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiEval | Where-Object Name -like 'scratch*' | Remove-OpenAiEval -WhatIf</code>
    /// <para>Shows which scratch evals would be deleted, deleting none.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Remove, "OpenAiEval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(OpenAiPlatformDeletion))]
    [OpenAiOperation("delete_a_openai_eval_by_id", "DELETE", "/evals/{eval_id}")]
    public sealed class RemoveOpenAiEvalCommand : OpenAiCmdlet
    {
        /// <summary>The id of the eval to delete (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EvalId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Writes the API's deletion confirmation.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Goes ahead without asking for confirmation, for unattended scripts (pwsh -NonInteractive); -WhatIf still only reports.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            var service = new EvalService(Client);
            Try(Id, () =>
            {
                var current = Await(observer => service.GetEvalAsync(Id, observer, CancellationToken));
                if (!ShouldChange(Describe("eval", current.Name, current.Id), "Delete", Force)) return;
                var deletion = Await(observer => service.DeleteEvalAsync(Id, observer, CancellationToken));
                if (PassThru) WriteObject(deletion);
            });
        }
    }
}
