using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Conversations
{
    /// <summary>
    /// What New-OpenAiConversation and Add-OpenAiConversationItem share: items built from -Message/-Role and -Item and
    /// checked before any request, -Metadata checked against the API's limits, and items sent in order, at most
    /// <see cref="ConversationService.MaxItemsPerRequest"/> per request.
    /// </summary>
    public abstract class ConversationItemCmdlet : OpenAiCmdlet
    {
        /// <summary>The roles a message item can have.</summary>
        internal static readonly string[] Roles = { "user", "assistant", "system", "developer" };

        /// <summary>A message item: role and text (the API's short form, content as a string).</summary>
        internal static JsonObject MessageItem(string role, string text) =>
            new JsonObject { ["type"] = "message", ["role"] = role, ["content"] = text };

        /// <summary>
        /// An input item from a hashtable, an object, JSON object text, or an item read from a conversation or response
        /// (copied without its id, so the API gives the copy a new one). Throws OpenAiValidationException when it cannot be one.
        /// </summary>
        internal static JsonObject ToItem(object? value, string parameter = "Item")
        {
            var raw = value is PSObject ps ? ps.BaseObject : value;
            if (raw is null) throw new OpenAiValidationException(parameter, $"-{parameter} holds a null item.", "OpenAiInvalidInputItem");
            JsonObject item;
            if (raw is OpenAiResponseItem read)
            {
                // Items nested in another object (a compaction's Output) have no raw text of their own: serialize them.
                item = read.RawJson != "{}" && JsonNode.Parse(read.RawJson) is JsonObject parsed ? parsed
                    : ModelInput.ToJsonObject(read, parameter, "OpenAiInvalidInputItem");
                item.Remove("id");
            }
            else
            {
                item = ModelInput.ToJsonObject(raw, parameter, "OpenAiInvalidInputItem");
            }
            var type = Text(item, "type");
            var role = Text(item, "role");
            if (type is null && role is null)
                throw new OpenAiValidationException(parameter, $"-{parameter} {Shorten(item)} has neither a type nor a role: give type (message, function_call_output, ...) or a message's role.", "OpenAiInvalidInputItem");
            if (type is null || type == "message")
            {
                if (role is null || !Roles.Contains(role))
                    throw new OpenAiValidationException(parameter, $"-{parameter} {Shorten(item)} is a message with {(role is null ? "no role" : $"the unknown role '{role}'")}; roles: {string.Join(", ", Roles)}.", "OpenAiInvalidInputItem");
                if (item["content"] is null)
                    throw new OpenAiValidationException(parameter, $"-{parameter} {Shorten(item)} is a message without content.", "OpenAiInvalidInputItem");
            }
            return item;
        }

        /// <summary>
        /// Sends <paramref name="items"/> to the conversation in order, one request per run of at most 20, each after the
        /// previous one answered, asking ShouldProcess per request. Returns the items added. A failed request writes its
        /// error and nothing after it is sent (so the conversation keeps the input order); the items not sent are
        /// <paramref name="notSent"/> (from the first of the failed request on); -WhatIf or a "no" leaves them out too.
        /// </summary>
        private protected List<OpenAiResponseItem> SendItems(string conversationId, IReadOnlyList<JsonObject> items, IEnumerable<string>? include, out int notSent)
        {
            var service = new ConversationService(Client);
            var added = new List<OpenAiResponseItem>();
            var sent = 0;
            notSent = 0;
            foreach (var chunk in ConversationService.Chunks(items))
            {
                if (!ShouldProcess($"conversation {conversationId}", $"Add {chunk.Count} item(s)"))
                {
                    sent += chunk.Count;
                    continue;
                }
                try
                {
                    added.AddRange(Await(observer => service.AddItemsAsync(conversationId, chunk, include, observer, CancellationToken)));
                }
                catch (OpenAiException failure)
                {
                    notSent = items.Count - sent;
                    WriteOrThrow(failure, conversationId);
                    return added;
                }
                sent += chunk.Count;
            }
            return added;
        }

        private static string? Text(JsonObject item, string name) =>
            item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

        private static string Shorten(JsonObject item)
        {
            var text = item.ToJsonString();
            return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
        }
    }
}
