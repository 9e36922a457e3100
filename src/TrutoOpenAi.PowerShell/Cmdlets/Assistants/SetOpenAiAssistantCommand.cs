using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Invoke-OpenAiResponse -Instructions, or prompts, instead): changes an assistant.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement. It still works against the emulator.</para>
    /// <para>Changes the given fields of an assistant (-Model, -Name, -Description, -Instructions, -Tool replaces every
    /// tool, -Metadata replaces the map). With nothing to change, an OpenAiInvalidArgument error is written and nothing is
    /// sent. Writes the changed assistant. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAssistant -Id asst_abc123 | Set-OpenAiAssistant -Instructions 'Answer briefly.'</code>
    /// <para>Changes an assistant's instructions.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Set, "OpenAiAssistant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiAssistant))]
    [OpenAiOperation("update_a_openai_assistant_by_id", "POST", "/assistants/{assistant_id}")]
    public sealed class SetOpenAiAssistantCommand : OpenAiCmdlet
    {
        /// <summary>Writes the changed object (for a removal or cancel, the API's answer).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The id of the assistant (asst_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AssistantId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>The new model.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>The new name.</summary>
        [Parameter]
        [ValidateLength(1, 256)]
        public string? Name { get; set; }

        /// <summary>The new description.</summary>
        [Parameter]
        [ValidateLength(1, 512)]
        public string? Description { get; set; }

        /// <summary>The new instructions.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>The new tools (replace every tool).</summary>
        [Parameter]
        public object[]? Tool { get; set; }

        /// <summary>The new metadata (replaces the whole map).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(Id, () => AssistantsFamily.Guard(AssistantsPart.Assistant, () =>
            {
                AssistantsFamily.CheckId("Id", Id, "asst_", "an assistant");
                var body = new JsonObject();
                AssistantsFamily.Put(body, "model", Model);
                AssistantsFamily.Put(body, "name", Name);
                AssistantsFamily.Put(body, "description", Description);
                AssistantsFamily.Put(body, "instructions", Instructions);
                AssistantsFamily.Put(body, "tools", AssistantsFamily.Tools(Tool));
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (body.Count == 0) throw new OpenAiValidationException("Model", "Give at least one of -Model, -Name, -Description, -Instructions, -Tool or -Metadata.");
                if (!ShouldProcess($"assistant {Id}", "Set " + string.Join(", ", System.Linq.Enumerable.Select(body, p => p.Key)))) return;
                var json = body.ToJsonString();
                var result = Await(o => new AssistantsService(Client).UpdateAssistantAsync(Id, json, o, CancellationToken));
                if (PassThru) WriteObject(result);
            }));
        }
    }
}
