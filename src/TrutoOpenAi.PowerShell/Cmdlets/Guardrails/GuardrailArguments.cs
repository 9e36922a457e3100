using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TrutoOpenAi.Core.Models.Guardrails;

namespace TrutoOpenAi.PowerShell.Cmdlets.Guardrails
{
    /// <summary>
    /// Checks the guardrail values the spec enumerates (hosted tool types, retention types) before any request, so a typo
    /// stops the command before it changes a single project of a piped list.
    /// </summary>
    internal static class GuardrailArguments
    {
        /// <summary>The values in their canonical spelling; an ErrorRecord (to throw) naming the first unknown one.</summary>
        public static string[] Check(IEnumerable<string>? values, IReadOnlyCollection<string> allowed, string parameter, string what, string errorId,
            out ErrorRecord? error)
        {
            var result = new List<string>();
            error = null;
            foreach (var value in values ?? Array.Empty<string>())
            {
                var known = allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    error = new ErrorRecord(
                        new PSArgumentException($"-{parameter} '{value}' is not a {what}. Valid values: {string.Join(", ", allowed)}.", parameter),
                        errorId, ErrorCategory.InvalidArgument, value);
                    error.ErrorDetails = new ErrorDetails(error.Exception.Message)
                    {
                        RecommendedAction = $"Use one of: {string.Join(", ", allowed)} (Tab completes them).",
                    };
                    return Array.Empty<string>();
                }
                if (!result.Contains(known)) result.Add(known);
            }
            return result.ToArray();
        }

        /// <summary>Model ids, trimmed and without repeats; an ErrorRecord (to throw) for an empty one.</summary>
        public static string[] CheckModelIds(IEnumerable<string>? values, string parameter, out ErrorRecord? error)
        {
            var result = new List<string>();
            error = null;
            foreach (var value in values ?? Array.Empty<string>())
            {
                var id = value?.Trim();
                if (string.IsNullOrEmpty(id) || id!.Any(char.IsWhiteSpace))
                {
                    error = new ErrorRecord(new PSArgumentException($"-{parameter} has an empty or blank model id ('{value}').", parameter),
                        "OpenAiInvalidModelId", ErrorCategory.InvalidArgument, value);
                    error.ErrorDetails = new ErrorDetails(error.Exception.Message) { RecommendedAction = "Get-OpenAiModel lists the model ids." };
                    return Array.Empty<string>();
                }
                if (!result.Contains(id, StringComparer.Ordinal)) result.Add(id);
            }
            return result.ToArray();
        }
    }

    /// <summary>Tab completion for hosted tool types (-Allow, -Enable, -Disable of Set-OpenAiProjectHostedToolPermission).</summary>
    public sealed class HostedToolCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => Complete(HostedTools.All, wordToComplete);

        internal static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string? wordToComplete)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return values.Where(v => pattern.IsMatch(v)).Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
        }
    }

    /// <summary>Tab completion for -RetentionType: the project's types, or the organization's on Set-OpenAiOrganizationDataRetention.</summary>
    public sealed class RetentionTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            HostedToolCompleter.Complete(
                commandName.IndexOf("Organization", StringComparison.OrdinalIgnoreCase) >= 0 ? DataRetentionTypes.Organization : DataRetentionTypes.Project,
                wordToComplete);
    }
}
