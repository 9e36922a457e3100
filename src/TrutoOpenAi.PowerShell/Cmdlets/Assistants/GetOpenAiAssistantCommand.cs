using System.Management.Automation;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Invoke-OpenAiResponse -Instructions, or prompts, instead): gets assistants.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (assistants became prompts: Invoke-OpenAiResponse -Model -Instructions
    /// -Tool, or -PromptId). It still works against the emulator and against services that keep the API.</para>
    /// <para>Without -Id, lists the assistants, newest first, streaming every page. With -Id (or objects piped by property
    /// name, e.g. runs' AssistantId), gets those assistants; an unknown id writes an OpenAiNotFound error. Requests carry
    /// OpenAI-Beta: assistants=v2. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAssistant -First 5 | Format-Table Id, Name, Model</code>
    /// <para>Lists the five newest assistants.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiAssistant", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiAssistant))]
    [OpenAiOperation("list_all_openai_assistants", "GET", "/assistants", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_assistant_by_id", "GET", "/assistants/{assistant_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiAssistantCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>Ids of the assistants to get (asst_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("AssistantId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    Try(id, () => AssistantsFamily.Guard(AssistantsPart.Assistant, () =>
                    {
                        AssistantsFamily.CheckId("Id", id, "asst_", "an assistant");
                        WriteObject(Await(o => service.GetAssistantAsync(id, o, CancellationToken)));
                    }));
                }
                return;
            }
            Try(null, () => AssistantsFamily.Guard(AssistantsPart.Assistant, () => WritePages(service.ListAssistants(EffectivePageSize()))));
        }
    }
}
