using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Creates a conversation, optionally with its first messages and items.</summary>
    /// <remarks>
    /// <para>Creates a conversation with -Metadata and first items: -Message texts (as -Role, user by default) followed by
    /// -Item items (hashtables or JSON object text in the API's input item shape). The API takes at most 20 items in the
    /// create request; the rest are added right after it with Add-OpenAiConversationItem's requests of 20, in order, so
    /// a long list is never refused. Items and metadata are checked before any request (OpenAiInvalidInputItem,
    /// OpenAiInvalidMetadata).</para>
    /// <para>Writes the conversation; its ConversationId pipes into Add-OpenAiConversationItem and
    /// Get-OpenAiConversationItem, and Invoke-OpenAiResponse -ConversationId answers within it. There is no list of
    /// conversations in the API: keep the id. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiConversation -Message 'Hello!' -Metadata @{ topic = 'demo' }</code>
    /// <para>Creates a conversation holding one user message.</para>
    /// </example>
    /// <example>
    /// <code>$c = New-OpenAiConversation -Role system -Message 'You answer in French.'; Invoke-OpenAiResponse -Model gpt-4o-mini -ConversationId $c.Id -Message 'Hello'</code>
    /// <para>Starts a conversation with a system message and asks a model within it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiConversation))]
    [OpenAiOperation("create_a_openai_conversation", "POST", "/conversations")]
    public sealed class NewOpenAiConversationCommand : ConversationItemCmdlet
    {
        /// <summary>Message texts to start with, one message each.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[]? Message { get; set; }

        /// <summary>The role of the -Message messages: user (default), assistant, system or developer.</summary>
        [Parameter]
        [ValidateSet("user", "assistant", "system", "developer")]
        public string Role { get; set; } = "user";

        /// <summary>Items to start with, after the -Message messages: hashtables or JSON object text in the API's input item
        /// shape (a message needs role and content), or items read from another conversation or a response.</summary>
        [Parameter]
        [ValidateNotNull]
        public object[]? Item { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the conversation with (keys up to 64 characters, values up to 512).</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            List<JsonObject> items;
            Dictionary<string, string>? metadata;
            try
            {
                items = (Message ?? Array.Empty<string>()).Select(text => MessageItem(Role, text)).ToList();
                items.AddRange((Item ?? Array.Empty<object>()).Select(item => ToItem(item)));
                metadata = ModelInput.Metadata(Metadata);
            }
            catch (OpenAiValidationException invalid)
            {
                WriteError(ErrorRecords.From(invalid, null));
                return;
            }
            var first = items.Take(ConversationService.MaxItemsPerRequest).ToList();
            var rest = items.Skip(first.Count).ToList();
            Try(null, () =>
            {
                if (!ShouldProcess("conversation" + (items.Count > 0 ? $" with {items.Count} item(s)" : string.Empty), "Create")) return;
                var conversation = Await(observer => new ConversationService(Client).CreateAsync(first, metadata, observer, CancellationToken));
                if (rest.Count > 0) SendItems(conversation.Id, rest, null, out _);
                WriteObject(conversation);
            });
        }
    }
}
