using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>Adds messages or other items to a conversation, in order, 20 per request.</summary>
    /// <remarks>
    /// <para>Adds -Message texts (as -Role, user by default) or -Item items (hashtables, JSON object text, or items read
    /// with Get-OpenAiConversationItem or Get-OpenAiResponseInputItem, copied without their ids) to the conversation
    /// -ConversationId. Piped strings are messages and piped hashtables or items are items; they are gathered and sent
    /// at most 20 per request (the API's limit), in input order, each request after the previous one answered: a long
    /// -Item list or a long pipeline is split, never refused by the API.</para>
    /// <para>An item that cannot be one (no type and no role, an unknown role, a message without content) writes an
    /// OpenAiInvalidInputItem error before it is sent, and is left out. When a request fails, its error is written and
    /// nothing after it is sent to that conversation (an OpenAiItemsNotAdded error counts the items left out), so the
    /// conversation never holds the items out of order. -WhatIf shows each request. Writes nothing unless -PassThru,
    /// then the added items with their ids. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$c = New-OpenAiConversation; 'Hello!', 'How are you?' | Add-OpenAiConversationItem -ConversationId $c.Id -PassThru</code>
    /// <para>Adds two user messages to a new conversation and writes them with their ids.</para>
    /// </example>
    /// <example>
    /// <code>$c = New-OpenAiConversation; 1..45 | ForEach-Object { @{ role = 'user'; content = "note $_" } } | Add-OpenAiConversationItem -ConversationId $c.Id -Verbose</code>
    /// <para>Adds 45 items in three requests (20, 20 and 5), in order.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Add, "OpenAiConversationItem", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = MessageSet)]
    [OutputType(typeof(OpenAiResponseItem))]
    [OpenAiOperation("create_a_openai_conversation_item", "POST", "/conversations/{conversation_id}/items")]
    public sealed class AddOpenAiConversationItemCommand : ConversationItemCmdlet
    {
        private const string MessageSet = "Message";
        private const string ItemSet = "Item";

        private readonly List<JsonObject> _pending = new List<JsonObject>();
        private string? _pendingConversation;
        private readonly Dictionary<string, int> _leftOut = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>The conversation to add to (conv_...); conversations and items piped in bind it by property name.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string ConversationId { get; set; } = string.Empty;

        /// <summary>Message texts to add, one message each (piped strings bind here).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = MessageSet)]
        [ValidateNotNullOrEmpty]
        public string[] Message { get; set; } = Array.Empty<string>();

        /// <summary>The role of the -Message messages: user (default), assistant, system or developer.</summary>
        [Parameter(ParameterSetName = MessageSet)]
        [ValidateSet("user", "assistant", "system", "developer")]
        public string Role { get; set; } = "user";

        /// <summary>Items to add: hashtables or JSON object text in the API's input item shape (a message needs role and
        /// content), or items read from a conversation or a response (piped hashtables and items bind here).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ItemSet)]
        [ValidateNotNull]
        public object[] Item { get; set; } = Array.Empty<object>();

        /// <summary>Extra fields the API should fill in the added items it returns (e.g. message.input_image.image_url, file_search_call.results,
        /// reasoning.encrypted_content; passed to the API as given).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? Include { get; set; }

        /// <summary>Write the added items (with their ids).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (_pendingConversation != null && !string.Equals(_pendingConversation, ConversationId, StringComparison.Ordinal)) Flush(all: true);
            _pendingConversation = ConversationId;
            if (ParameterSetName == MessageSet)
            {
                foreach (var text in Message) Queue(() => MessageItem(Role, text), text);
            }
            else
            {
                foreach (var value in Item) Queue(() => ToItem(value), value);
            }
            Flush(all: false);
        }

        protected override void EndProcessing()
        {
            Flush(all: true);
            foreach (var left in _leftOut)
            {
                if (left.Value == 0) continue;
                WriteError(new ErrorRecord(new InvalidOperationException(
                        $"{left.Value} item(s) were not added to conversation {left.Key}: a request before them failed, and adding them after it would change the conversation's order."),
                    "OpenAiItemsNotAdded", ErrorCategory.OperationStopped, left.Key));
            }
        }

        private void Queue(Func<JsonObject> build, object? source)
        {
            JsonObject item;
            try
            {
                item = build();
            }
            catch (OpenAiValidationException invalid)
            {
                WriteError(ErrorRecords.From(invalid, source));
                return;
            }
            if (_leftOut.ContainsKey(ConversationId)) _leftOut[ConversationId]++;
            else _pending.Add(item);
        }

        /// <summary>Sends the pending items: every full request of 20, and with <paramref name="all"/> the rest too.</summary>
        private void Flush(bool all)
        {
            var conversation = _pendingConversation;
            if (conversation is null) return;
            var count = all ? _pending.Count : _pending.Count - _pending.Count % Core.Services.ConversationService.MaxItemsPerRequest;
            if (count == 0) return;
            var batch = _pending.GetRange(0, count);
            _pending.RemoveRange(0, count);
            var added = SendItems(conversation, batch, Include, out var notSent);
            if (PassThru) WriteObject(added, enumerateCollection: true);
            if (notSent > 0)
            {
                // The failed request's items were reported with its error; count only those after them, and what is still queued.
                var after = Math.Max(0, notSent - Core.Services.ConversationService.MaxItemsPerRequest) + _pending.Count;
                _pending.Clear();
                _leftOut[conversation] = after;
            }
        }
    }
}
