using System.Management.Automation;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Get-OpenAiConversation instead): gets threads.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26, and threads stored there are no longer readable:
    /// against the OpenAI API this cmdlet writes an OpenAiApiRetired error naming the replacement (threads became
    /// conversations: Get-OpenAiConversation). It still works against the emulator.</para>
    /// <para>Gets the threads given by -Id or piped in by property name (ThreadId); the API has no list of threads. Needs an
    /// API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThread -Id thread_abc123</code>
    /// <para>Gets one thread.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiThread")]
    [OutputType(typeof(OpenAiThread))]
    [OpenAiOperation("get_single_openai_thread_by_id", "GET", "/threads/{thread_id}")]
    public sealed class GetOpenAiThreadCommand : OpenAiCmdlet
    {
        /// <summary>Ids of the threads to get (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ThreadId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            foreach (var id in Id)
            {
                Try(id, () => AssistantsFamily.Guard(AssistantsPart.Thread, () =>
                {
                    AssistantsFamily.CheckId("Id", id, "thread_", "a thread");
                    WriteObject(Await(o => service.GetThreadAsync(id, o, CancellationToken)));
                }));
            }
        }
    }
}
