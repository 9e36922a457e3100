using System.Collections;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Renames an eval or replaces its metadata.</summary>
    /// <remarks>
    /// <para>The API lets only the name and metadata of an eval change (not its data source configuration or testing
    /// criteria: create a new eval for those). -Metadata replaces the whole map. Give -Name, -Metadata or both; with
    /// neither, an OpenAiInvalidArgument error is written and nothing is sent. Writes the eval as changed only with -PassThru.
    /// Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Set-OpenAiEval -Id eval_abc123 -Name 'Capitals v2' -Metadata @{ owner = 'qa' } -PassThru</code>
    /// <para>Renames an eval and replaces its metadata.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiEval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiEval))]
    [OpenAiOperation("update_a_openai_eval_by_id", "POST", "/evals/{eval_id}")]
    public sealed class SetOpenAiEvalCommand : OpenAiCmdlet
    {
        /// <summary>The id of the eval (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("EvalId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The new metadata (replaces the whole map; up to 16 pairs).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        /// <summary>Writes the changed eval.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            Try(Id, () =>
            {
                if (Name is null && Metadata is null)
                    throw new OpenAiValidationException("Name", "Give -Name, -Metadata or both: they are all an eval lets change.");
                if (!ShouldProcess($"eval {Id}", Name is null ? "Set metadata" : $"Rename to '{Name}'")) return;
                var updated = Await(observer => new EvalService(Client).UpdateEvalAsync(Id, Name, EvalInput.Metadata(Metadata), observer, CancellationToken));
                if (PassThru) WriteObject(updated);
            });
        }
    }
}
