using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Assistants
{
    /// <summary>An assistant (<c>assistant</c>) of the Assistants API, which OpenAI retired on 2026-08-26.</summary>
    public sealed class OpenAiAssistant : OpenAiObject
    {
        /// <summary>The assistant id (asst_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped assistants bind to -AssistantId parameters.</summary>
        [JsonIgnore]
        public string AssistantId => Id;

        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Model { get; set; }
        public string? Instructions { get; set; }

        /// <summary>The tools (code_interpreter, file_search, function), as the API returned them.</summary>
        public List<JsonElement>? Tools { get; set; }

        public JsonElement? ToolResources { get; set; }
        public double? Temperature { get; set; }
        public double? TopP { get; set; }
        public JsonElement? ResponseFormat { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : $"{Name} ({Id})";
    }

    /// <summary>A thread (<c>thread</c>): the messages of a conversation with assistants (Assistants API, retired 2026-08-26).</summary>
    public sealed class OpenAiThread : OpenAiObject
    {
        /// <summary>The thread id (thread_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped threads bind to -ThreadId parameters.</summary>
        [JsonIgnore]
        public string ThreadId => Id;

        public DateTimeOffset? CreatedAt { get; set; }
        public JsonElement? ToolResources { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        public override string ToString() => Id;
    }

    /// <summary>A message of a thread (<c>thread.message</c>).</summary>
    public sealed class OpenAiThreadMessage : OpenAiObject
    {
        /// <summary>The message id (msg_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string MessageId => Id;

        public string? ThreadId { get; set; }

        /// <summary><c>user</c> or <c>assistant</c>.</summary>
        public string? Role { get; set; }

        /// <summary><c>in_progress</c>, <c>incomplete</c> or <c>completed</c>.</summary>
        public string? Status { get; set; }

        /// <summary>The content parts (text, image_file, image_url), as the API returned them.</summary>
        public List<JsonElement>? Content { get; set; }

        /// <summary>The assistant that wrote the message (assistant messages).</summary>
        public string? AssistantId { get; set; }

        /// <summary>The run that wrote the message (assistant messages).</summary>
        public string? RunId { get; set; }

        public List<JsonElement>? Attachments { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        /// <summary>The text of the message: its text parts joined.</summary>
        [JsonIgnore]
        public string Text
        {
            get
            {
                if (Content is null) return string.Empty;
                var parts = new List<string>();
                foreach (var part in Content)
                {
                    if (part.ValueKind == JsonValueKind.Object && part.TryGetProperty("text", out var text))
                    {
                        if (text.ValueKind == JsonValueKind.Object && text.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String) parts.Add(value.GetString()!);
                        else if (text.ValueKind == JsonValueKind.String) parts.Add(text.GetString()!);
                    }
                }
                return string.Join("\n", parts);
            }
        }

        public override string ToString() => $"{Role}: {Text}";
    }

    /// <summary>A run of an assistant on a thread (<c>thread.run</c>).</summary>
    public sealed class OpenAiThreadRun : OpenAiObject
    {
        /// <summary>The run id (run_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped runs bind to -RunId parameters.</summary>
        [JsonIgnore]
        public string RunId => Id;

        public string? ThreadId { get; set; }
        public string? AssistantId { get; set; }

        /// <summary><c>queued</c>, <c>in_progress</c>, <c>requires_action</c>, <c>cancelling</c>, <c>cancelled</c>, <c>failed</c>, <c>completed</c>, <c>incomplete</c> or <c>expired</c>.</summary>
        public string? Status { get; set; }

        /// <summary>What the run waits for in requires_action: the tool calls whose outputs to submit.</summary>
        public OpenAiRunRequiredAction? RequiredAction { get; set; }

        /// <summary>Why the run failed (code and message), when it did.</summary>
        public OpenAiRunLastError? LastError { get; set; }

        /// <summary>Why the run is incomplete (reason), when it is.</summary>
        public JsonElement? IncompleteDetails { get; set; }

        public string? Model { get; set; }
        public string? Instructions { get; set; }
        public List<JsonElement>? Tools { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? StartedAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public DateTimeOffset? CancelledAt { get; set; }
        public DateTimeOffset? FailedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public JsonElement? Usage { get; set; }
        public int? MaxPromptTokens { get; set; }
        public int? MaxCompletionTokens { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        /// <summary>The tool calls waiting for outputs (empty unless the run requires action).</summary>
        [JsonIgnore]
        public IReadOnlyList<OpenAiRunToolCall> ToolCalls =>
            (IReadOnlyList<OpenAiRunToolCall>?)RequiredAction?.SubmitToolOutputs?.ToolCalls ?? Array.Empty<OpenAiRunToolCall>();

        /// <summary>True once the run can change no more (completed, failed, cancelled, incomplete or expired).</summary>
        [JsonIgnore]
        public bool IsTerminal => Status is "completed" or "failed" or "cancelled" or "incomplete" or "expired";

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>The required action of a run: submit the outputs of these tool calls.</summary>
    public sealed class OpenAiRunRequiredAction
    {
        /// <summary>Always <c>submit_tool_outputs</c>.</summary>
        public string? Type { get; set; }
        public OpenAiRunSubmitToolOutputs? SubmitToolOutputs { get; set; }
    }

    /// <summary>The tool calls a run waits on.</summary>
    public sealed class OpenAiRunSubmitToolOutputs
    {
        public List<OpenAiRunToolCall>? ToolCalls { get; set; }
    }

    /// <summary>One function call a run waits on: answer it with Submit-OpenAiThreadRunToolOutput.</summary>
    public sealed class OpenAiRunToolCall
    {
        /// <summary>The tool call id (call_...), the key of its output.</summary>
        public string? Id { get; set; }
        public string? Type { get; set; }
        public OpenAiRunFunctionCall? Function { get; set; }

        public override string ToString() => $"{Id}: {Function?.Name}({Function?.Arguments})";
    }

    /// <summary>The function a tool call names and its arguments (JSON text).</summary>
    public sealed class OpenAiRunFunctionCall
    {
        public string? Name { get; set; }
        public string? Arguments { get; set; }
    }

    /// <summary>The last error of a run or run step.</summary>
    public sealed class OpenAiRunLastError
    {
        /// <summary><c>server_error</c>, <c>rate_limit_exceeded</c> or <c>invalid_prompt</c>.</summary>
        public string? Code { get; set; }
        public string? Message { get; set; }

        public override string ToString() => $"{Code}: {Message}";
    }

    /// <summary>A step of a run (<c>thread.run.step</c>): a message created or tool calls made.</summary>
    public sealed class OpenAiThreadRunStep : OpenAiObject
    {
        /// <summary>The step id (step_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string StepId => Id;

        public string? ThreadId { get; set; }
        public string? RunId { get; set; }
        public string? AssistantId { get; set; }

        /// <summary><c>message_creation</c> or <c>tool_calls</c>.</summary>
        public string? Type { get; set; }

        /// <summary><c>in_progress</c>, <c>cancelled</c>, <c>failed</c>, <c>completed</c> or <c>expired</c>.</summary>
        public string? Status { get; set; }

        /// <summary>The message created or the tool calls made, as the API returned them.</summary>
        public JsonElement? StepDetails { get; set; }

        public OpenAiRunLastError? LastError { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public JsonElement? Usage { get; set; }
        public Dictionary<string, string>? Metadata { get; set; }

        public override string ToString() => $"{Id} ({Type}, {Status})";
    }
}
