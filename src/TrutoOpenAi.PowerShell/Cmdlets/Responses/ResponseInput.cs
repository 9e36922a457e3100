using System.Collections;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.PowerShell.Cmdlets.Conversations;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>The request body of Measure-OpenAiResponseInput and Compress-OpenAiResponse: model, input and the fields they share.</summary>
    internal static class ResponseInput
    {
        /// <summary>
        /// A body with <c>model</c> (when given), <c>input</c> (-Message as a user message, then -InputItem items checked as
        /// Add-OpenAiConversationItem checks them), <c>previous_response_id</c>, <c>instructions</c> and -AdditionalBody.
        /// Throws OpenAiValidationException before any request when there is nothing to send or an item cannot be one.
        /// </summary>
        public static JsonObject Body(string? model, string? message, object[]? items, string? previousResponseId, string? instructions, Hashtable? additional, bool allowEmpty = false)
        {
            var input = new JsonArray();
            if (!string.IsNullOrEmpty(message)) input.Add(ConversationItemCmdlet.MessageItem("user", message!));
            foreach (var item in items ?? new object[0]) input.Add(ConversationItemCmdlet.ToItem(item, "InputItem"));
            if (input.Count == 0 && previousResponseId is null && !allowEmpty)
                throw new OpenAiValidationException("Message", "Nothing to send: give -Message, -InputItem or a response (-ResponseId).", "OpenAiMissingInput");
            var body = new JsonObject();
            if (!string.IsNullOrWhiteSpace(model)) body["model"] = model;
            if (input.Count > 0) body["input"] = input;
            if (previousResponseId != null) body["previous_response_id"] = previousResponseId;
            if (instructions != null) body["instructions"] = instructions;
            ModelInput.Merge(body, additional);
            return body;
        }
    }
}
