using System;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Gets conversations by id.</summary>
    /// <remarks>
    /// <para>The API has no list of conversations, so -Id is required; conversations and objects with a ConversationId
    /// (items, responses created in a conversation) bind it by property name. An unknown id writes an OpenAiNotFound
    /// error for that id and the pipeline goes on. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$c = New-OpenAiConversation -Metadata @{ topic = 'demo' }; Get-OpenAiConversation -Id $c.Id</code>
    /// <para>Reads a conversation back with its metadata.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiConversation")]
    [OutputType(typeof(OpenAiConversation))]
    [OpenAiOperation("get_single_openai_conversation_by_id", "GET", "/conversations/{conversation_id}")]
    public sealed class GetOpenAiConversationCommand : OpenAiCmdlet
    {
        /// <summary>The conversation ids (conv_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ConversationId")]
        [ValidateNotNullOrEmpty]
        public string[] Id { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var service = new ConversationService(Client);
            foreach (var id in Id)
            {
                Try(id, () => WriteObject(Await(observer => service.GetAsync(id, observer, CancellationToken))));
            }
        }
    }
}
