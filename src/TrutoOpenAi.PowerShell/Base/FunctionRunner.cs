using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Responses;

namespace TrutoOpenAi.PowerShell
{
    /// <summary>
    /// The function-call loop of the model cmdlets (Invoke-OpenAiResponse, Invoke-OpenAiChatCompletion), apart from how
    /// each API carries the calls and their outputs: which PowerShell commands are offered (-Function), whether the calls
    /// of a round run (-InvokeFunction None|Confirm|Auto), running them on the pipeline thread, and the round limit
    /// (-MaxToolRound). A command that throws gives its error message as the output and a warning; the loop goes on.
    /// </summary>
    internal sealed class FunctionRunner
    {
        private readonly PSCmdlet _cmdlet;
        private readonly string _mode;
        private readonly int _maxRounds;

        public FunctionRunner(PSCmdlet cmdlet, string mode, int maxRounds)
        {
            _cmdlet = cmdlet;
            _mode = mode;
            _maxRounds = maxRounds;
        }

        /// <summary>The offered commands by tool name.</summary>
        public Dictionary<string, CommandInfo> Functions { get; } = new Dictionary<string, CommandInfo>(StringComparer.Ordinal);

        /// <summary>Resolves -Function entries (names or CommandInfo) and returns their function tools (Responses shape).</summary>
        public IReadOnlyList<System.Text.Json.Nodes.JsonObject> Offer(IEnumerable<object>? entries)
        {
            var tools = new List<System.Text.Json.Nodes.JsonObject>();
            foreach (var entry in entries ?? Array.Empty<object>())
            {
                var command = Resolve(_cmdlet, entry);
                var tool = FunctionTool.Describe(command);
                Functions[(string)tool["name"]!] = command;
                tools.Add(tool);
            }
            return tools;
        }

        /// <summary>True when the calls of this round are to run: -InvokeFunction is not None and every call names an offered command.</summary>
        public bool WillRun(IReadOnlyList<OpenAiFunctionCall> calls) =>
            calls.Count > 0 && _mode != "None" && calls.All(c => Functions.ContainsKey(c.Name));

        /// <summary>The error that ends the loop after round <paramref name="round"/> (0-based) when it is the last allowed; null otherwise.</summary>
        public ErrorRecord? LimitReached(int round, object last) =>
            round + 1 < _maxRounds ? null
                : new ErrorRecord(new InvalidOperationException(
                        $"The model still asked for functions after {_maxRounds} rounds (-MaxToolRound); the last answer is the TargetObject."),
                    "OpenAiToolLoopLimit", ErrorCategory.LimitsExceeded, last);

        /// <summary>Runs the calls in order (asking first with -InvokeFunction Confirm); returns each call's output text.</summary>
        public IReadOnlyList<string> Run(IReadOnlyList<OpenAiFunctionCall> calls)
        {
            var outputs = new List<string>();
            foreach (var call in calls)
            {
                if (_mode == "Confirm" && !_cmdlet.ShouldContinue($"{call.Name} {call.Arguments}", "Run this function for the model?"))
                {
                    outputs.Add("The user declined to run this function.");
                    continue;
                }
                outputs.Add(Run(Functions[call.Name], call));
            }
            return outputs;
        }

        private string Run(CommandInfo command, OpenAiFunctionCall call)
        {
            var arguments = new Hashtable(StringComparer.OrdinalIgnoreCase);
            try
            {
                using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(call.Arguments) ? "{}" : call.Arguments);
                foreach (var property in document.RootElement.EnumerateObject())
                    if (property.Value.ValueKind != JsonValueKind.Null) arguments[property.Name] = ToPlain(property.Value); // null: the parameter's default
                _cmdlet.WriteVerbose($"Running {command.Name} for the model ({call.CallId}).");
                var invoke = _cmdlet.InvokeCommand;
                var results = invoke.InvokeScript(false, ScriptBlock.Create("param($__command, $__arguments) & $__command @__arguments"), null, command, arguments);
                var texts = results.Select(r => r?.BaseObject is string s ? s : r is null ? string.Empty
                    : invoke.InvokeScript(false, ScriptBlock.Create("param($o) $o | ConvertTo-Json -Depth 6 -Compress"), null, r).FirstOrDefault()?.ToString() ?? string.Empty);
                return string.Join("\n", texts);
            }
            catch (Exception ex) when (ex is RuntimeException || ex is JsonException || ex is ArgumentException || ex is InvalidOperationException)
            {
                var message = (ex as RuntimeException)?.ErrorRecord?.Exception?.Message ?? ex.Message;
                _cmdlet.WriteWarning($"{command.Name} failed for the model ({call.CallId}): {message}");
                return "Error: " + message;
            }
        }

        /// <summary>A -Function entry (a command name, alias or CommandInfo) as the command it names; OpenAiFunctionNotFound when there is none.</summary>
        internal static CommandInfo Resolve(PSCmdlet cmdlet, object entry, string parameter = "Function")
        {
            var value = entry is PSObject ps ? ps.BaseObject : entry;
            if (value is CommandInfo info) return info;
            var name = value?.ToString() ?? string.Empty;
            var found = cmdlet.InvokeCommand.GetCommand(name, CommandTypes.Function | CommandTypes.Cmdlet | CommandTypes.ExternalScript | CommandTypes.Alias);
            if (found is AliasInfo alias && alias.ResolvedCommand != null) found = alias.ResolvedCommand;
            return found ?? throw new OpenAiValidationException(parameter, $"-{parameter} '{name}' is not a command in this session.", "OpenAiFunctionNotFound");
        }

        private static object? ToPlain(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt64(out var l) ? (object)l : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToArray(),
            JsonValueKind.Object => value.EnumerateObject().Aggregate(new Hashtable(), (h, p) => { h[p.Name] = ToPlain(p.Value); return h; }),
            _ => null,
        };
    }
}
