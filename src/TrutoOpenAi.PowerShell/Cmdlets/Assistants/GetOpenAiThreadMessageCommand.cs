using System.Management.Automation;
using TrutoOpenAi.Core.Models.Assistants;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>Retired by OpenAI on 2026-08-26 (use Get-OpenAiConversationItem instead): gets the messages of a thread.</summary>
    /// <remarks>
    /// <para>The Assistants API was retired by OpenAI on 2026-08-26: against the OpenAI API this cmdlet writes an
    /// OpenAiApiRetired error naming the replacement (Get-OpenAiConversationItem). It still works against the emulator.</para>
    /// <para>Without -MessageId, lists the messages of the thread (-ThreadId, or threads and runs piped in), newest first
    /// (-Order Ascending for oldest first), streaming every page; -RunId keeps the messages one run wrote (asked of the API).
    /// With -MessageId, gets those messages. Each message has Role, Text and Content. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiThread -Id thread_abc123 | Get-OpenAiThreadMessage -Order Ascending | Format-Table Role, Text</code>
    /// <para>Shows a thread's conversation in order.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiThreadMessage", DefaultParameterSetName = ListSet, SupportsPaging = true)]
    [OutputType(typeof(OpenAiThreadMessage))]
    [OpenAiOperation("list_all_openai_messages", "GET", "/threads/{thread_id}/messages", ParameterSet = ListSet)]
    [OpenAiOperation("get_single_openai_message_by_id", "GET", "/threads/{thread_id}/messages/{message_id}", ParameterSet = ByIdSet)]
    public sealed class GetOpenAiThreadMessageCommand : OpenAiListCmdlet
    {
        private const string ListSet = "List";
        private const string ByIdSet = "ById";

        /// <summary>The id of the thread (thread_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ThreadId { get; set; } = string.Empty;

        /// <summary>Ids of the messages to get (msg_...).</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] MessageId { get; set; } = new string[0];

        /// <summary>Only the messages this run wrote (run_...).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateNotNullOrEmpty]
        public string? RunId { get; set; }

        /// <summary>Descending (newest first, the API's default) or Ascending (oldest first).</summary>
        [Parameter(ParameterSetName = ListSet)]
        [ValidateSet("Ascending", "Descending")]
        public string? Order { get; set; }

        protected override void ProcessRecord()
        {
            var service = new AssistantsService(Client);
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in MessageId)
                {
                    Try(id, () => AssistantsFamily.Guard(AssistantsPart.Message, () =>
                    {
                        AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                        AssistantsFamily.CheckId("MessageId", id, "msg_", "a message");
                        WriteObject(Await(o => service.GetMessageAsync(ThreadId, id, o, CancellationToken)));
                    }));
                }
                return;
            }
            Try(ThreadId, () => AssistantsFamily.Guard(AssistantsPart.Message, () =>
            {
                AssistantsFamily.CheckId("ThreadId", ThreadId, "thread_", "a thread");
                AssistantsFamily.CheckId("RunId", RunId, "run_", "a run");
                WritePages(service.ListMessages(ThreadId, EffectivePageSize(), RunId, string.Equals(Order, "Ascending", System.StringComparison.OrdinalIgnoreCase)));
            }));
        }
    }
}
