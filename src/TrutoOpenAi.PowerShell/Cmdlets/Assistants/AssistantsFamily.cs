using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.PowerShell.Cmdlets.Evals;

namespace TrutoOpenAi.PowerShell.Cmdlets.Assistants
{
    /// <summary>What replaced each part of the retired Assistants API.</summary>
    internal enum AssistantsPart
    {
        Assistant,
        Thread,
        Message,
        Run,
        RunStep,
        ToolOutput,
    }

    /// <summary>
    /// Shared by the Assistants-family cmdlets (retired by OpenAI on 2026-08-26): turns the API's "endpoint gone" answers into
    /// OpenAiApiRetired errors naming the replacing cmdlets, refuses ids of the wrong kind before any request, and builds
    /// request bodies from parameters.
    /// </summary>
    internal static class AssistantsFamily
    {
        private static readonly string[] Prefixes = { "asst_", "thread_", "msg_", "run_", "step_" };

        /// <summary>The cmdlets that replace a part of the Assistants API.</summary>
        public static string Replacement(AssistantsPart part) => part switch
        {
            AssistantsPart.Assistant => "Assistants became prompts: give the model and instructions to Invoke-OpenAiResponse (-Model, -Instructions, -Tool), or a dashboard prompt with -PromptId.",
            AssistantsPart.Thread => "Threads became conversations: use New-OpenAiConversation, Get-OpenAiConversation, Set-OpenAiConversation and Remove-OpenAiConversation.",
            AssistantsPart.Message => "Thread messages became conversation items: use Add-OpenAiConversationItem, Get-OpenAiConversationItem and Remove-OpenAiConversationItem.",
            AssistantsPart.Run => "Runs became responses: use Invoke-OpenAiResponse -ConversationId (with -Background, Wait-OpenAiResponse and Stop-OpenAiResponse).",
            AssistantsPart.RunStep => "Run steps became the output items of a response: read them with Get-OpenAiResponse and Get-OpenAiConversationItem.",
            _ => "Tool outputs are input items of the next Invoke-OpenAiResponse call (its -InvokeFunction runs your functions).",
        };

        /// <summary>Runs one request's work; an answer saying the API is gone becomes an OpenAiApiRetired exception.</summary>
        public static void Guard(AssistantsPart part, Action action)
        {
            try
            {
                action();
            }
            catch (OpenAiApiException api) when (AssistantsApi.IsRetirement(api))
            {
                throw new OpenAiApiRetiredException(api, Replacement(part));
            }
        }

        /// <summary>Refuses an id of another kind (a thread id where a run id is expected...) before any request.</summary>
        public static void CheckId(string parameter, string? value, string prefix, string kind)
        {
            if (value is null) return;
            var other = Prefixes.FirstOrDefault(p => p != prefix && value.StartsWith(p, StringComparison.Ordinal));
            if (other != null)
                throw new OpenAiValidationException(parameter,
                    $"-{parameter} '{value}' is {KindOf(other)} id, not {kind} id ({prefix}...). Check the order of the ids, or pipe the object in.", "OpenAiWrongIdKind");
        }

        private static string KindOf(string prefix) => prefix switch
        {
            "asst_" => "an assistant",
            "thread_" => "a thread",
            "msg_" => "a message",
            "run_" => "a run",
            _ => "a run step",
        };

        /// <summary>Sets a field when the value is given.</summary>
        public static void Put(JsonObject body, string name, object? value)
        {
            switch (value)
            {
                case null:
                    return;
                case JsonNode node:
                    body[name] = node;
                    return;
                case string text:
                    body[name] = text;
                    return;
                case double number:
                    body[name] = number;
                    return;
                case int integer:
                    body[name] = integer;
                    return;
                case Hashtable table:
                    body[name] = EvalInput.MetadataNode(table);
                    return;
                default:
                    body[name] = EvalInput.ToNode(value, name);
                    return;
            }
        }

        /// <summary>Tools from hashtables or JSON (each an object such as @{ type = 'function'; function = @{ name = ... } }).</summary>
        public static JsonArray? Tools(object[]? tools)
        {
            if (tools is null) return null;
            var result = new JsonArray();
            foreach (var tool in tools)
            {
                var node = EvalInput.ToNode(tool, "Tool");
                if (node is JsonArray many) foreach (var item in many) result.Add(item?.DeepClone());
                else if (node is JsonObject one) result.Add(one);
                else throw new OpenAiValidationException("Tool", "Each -Tool must be an object, e.g. @{ type = 'code_interpreter' } or @{ type = 'function'; function = @{ name = 'get_weather' } }.");
            }
            return result;
        }

        /// <summary>A user (or assistant) message for a thread or run: {"role","content"}.</summary>
        public static JsonObject Message(string content, string role = "user") => new JsonObject { ["role"] = role, ["content"] = content };
    }
}
