using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TrutoOpenAi.Core.Models.Access;

namespace TrutoOpenAi.PowerShell.Cmdlets.AuditLogs
{
    /// <summary>Tab completion for -EventType: the spec's audit log event types (AuditLogEventType) matching what was typed.</summary>
    public sealed class AuditLogEventTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
            return AuditLogEventTypes.All.Where(t => pattern.IsMatch(t))
                .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue, t));
        }
    }
}
