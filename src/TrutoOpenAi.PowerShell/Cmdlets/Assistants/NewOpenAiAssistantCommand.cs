using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Invoke-OpenAiResponse -Instructions, or prompts, instead): creates an assistant.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Invoke-OpenAiResponse -Model -Instructions -Tool). It still works
    /// against the emulator and against services that keep the API.</para>
    /// <para>Creates an assistant on -Model with -Instructions and -Tool (hashtables or JSON: @{ type = 'code_interpreter' },
    /// @{ type = 'function'; function = @{ name = 'get_weather'; parameters = @{ type = 'object' } } }). Writes the new
    /// assistant; it carries AssistantId, so it pipes into New-OpenAiThreadRun. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiAssistant -Model gpt-4o-mini -Name Tutor -Instructions 'You are a math tutor.'</code>
    /// <para>Creates an assistant.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiAssistant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiAssistant))]
    [OpenAiOperation("create_a_openai_assistant", "POST", "/assistants")]
    public sealed class NewOpenAiAssistantCommand : OpenAiCmdlet
    {
        /// <summary>The model the assistant uses, e.g. gpt-4o-mini.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string Model { get; set; } = string.Empty;

        /// <summary>The name of the assistant (up to 256 characters).</summary>
        [Parameter]
        [ValidateLength(1, 256)]
        public string? Name { get; set; }

        /// <summary>A description (up to 512 characters).</summary>
        [Parameter]
        [ValidateLength(1, 512)]
        public string? Description { get; set; }

        /// <summary>The system instructions of the assistant.</summary>
        [Parameter]
        public string? Instructions { get; set; }

        /// <summary>Tools: hashtables or JSON objects (code_interpreter, file_search, function).</summary>
        [Parameter]
        public object[]? Tool { get; set; }

        /// <summary>Sampling temperature (0-2).</summary>
        [Parameter]
        [ValidateRange(0.0, 2.0)]
        public double? Temperature { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the assistant with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(Name, () => AssistantsFamily.Guard(AssistantsPart.Assistant, () =>
            {
                var body = new JsonObject { ["model"] = Model };
                AssistantsFamily.Put(body, "name", Name);
                AssistantsFamily.Put(body, "description", Description);
                AssistantsFamily.Put(body, "instructions", Instructions);
                AssistantsFamily.Put(body, "tools", AssistantsFamily.Tools(Tool));
                AssistantsFamily.Put(body, "temperature", Temperature);
                AssistantsFamily.Put(body, "metadata", Metadata);
                if (!ShouldProcess(Name is null ? $"assistant on {Model}" : $"assistant '{Name}' on {Model}", "Create")) return;
                var json = body.ToJsonString();
                WriteObject(Await(o => new AssistantsService(Client).CreateAssistantAsync(json, o, CancellationToken)));
            }));
        }
    }
}
