using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Catalog;
using TrutoOpenAi.Core.Models;
using TrutoOpenAi.Core.Models.Directory;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Unified;

namespace TrutoOpenAi.PowerShell.Completion
{
    /// <summary>Completes the names given to Connect-OpenAi (-Connection, Get-OpenAiConnection -Name, Disconnect-OpenAi -Name); no request.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionSource.Complete(wordToComplete, OpenAiConnectionRegistry.All
                .Select(c => new Candidate(c.Name, c.Name, $"{c.Name} ({c.BaseUri}){(c.IsCurrent ? ", current" : "")}")));
    }

    /// <summary>
    /// Completes model ids (-Model, Get-OpenAiModel -Id) from GET /models of the command line's connection, kept for
    /// 10 minutes per connection.
    /// </summary>
    public sealed class ModelIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var models = CompletionSource.Cached<OpenAiModel>(fakeBoundParameters, "models", CompletionSource.ModelLifetime,
                (client, ct) => CompletionSource.FirstPage(new ModelService(client).List(), 1000, ct));
            return CompletionSource.Complete(wordToComplete, models
                .OrderBy(m => m.Id, StringComparer.OrdinalIgnoreCase)
                .Select(m => new Candidate(m.Id, m.Id, string.IsNullOrEmpty(m.OwnedBy) ? m.Id : $"{m.Id} (owned by {m.OwnedBy})")));
        }
    }

    /// <summary>
    /// Completes projects of the command line's connection from the first page of GET /organization/projects (100 projects,
    /// kept for 30 s): a parameter named Name takes project names, any other (-ProjectId, -Id) project ids, found by id or name.
    /// </summary>
    public sealed class ProjectCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var projects = CompletionSource.Cached<OpenAiProject>(fakeBoundParameters, "projects", CompletionSource.DirectoryLifetime,
                (client, ct) => CompletionSource.FirstPage(new ProjectService(client).List(100, includeArchived: false), 100, ct));
            var byName = string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase);
            return CompletionSource.Complete(wordToComplete, projects.Select(p => byName
                ? new Candidate(p.Name ?? p.Id, p.Name ?? p.Id, $"{p.Name} ({p.Id})")
                : new Candidate(p.Id, string.IsNullOrEmpty(p.Name) ? p.Id : $"{p.Name} ({p.Id})", $"{p.Name} ({p.Id})", p.Name)));
        }
    }

    /// <summary>
    /// Completes roles: the built-in roles and the first page of RBAC roles (100, kept for 30 s) of the organization, or of
    /// the project given by -ProjectId on the same line. A parameter named Name takes role names; -RoleId takes the role_...
    /// ids of RBAC roles, found by id or name.
    /// </summary>
    public sealed class RoleCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var projectId = fakeBoundParameters != null && fakeBoundParameters.Contains("ProjectId")
                ? (fakeBoundParameters["ProjectId"] is PSObject p ? p.BaseObject : fakeBoundParameters["ProjectId"]) as string : null;
            if (string.IsNullOrWhiteSpace(projectId)) projectId = null;
            var scope = projectId is null ? "organization" : "project";
            var rbac = CompletionSource.Cached<OpenAiRbacRole>(fakeBoundParameters, "roles|" + (projectId ?? ""), CompletionSource.DirectoryLifetime,
                (client, ct) => CompletionSource.FirstPage(new DirectoryService(client).ListRoles(projectId, 100), 100, ct));
            if (string.Equals(parameterName, "Name", StringComparison.OrdinalIgnoreCase))
            {
                var names = DirectoryMapping.BuiltInRoles.Where(r => r.ApplicableIn == scope).Select(r => new Candidate(r.Name!, r.Name, $"{r.Name}: {r.Label} (built-in)"))
                    .Concat(rbac.Select(r => new Candidate(r.Name ?? r.Id, r.Name, $"{r.Name} ({r.Id})")));
                return CompletionSource.Complete(wordToComplete, names);
            }
            return CompletionSource.Complete(wordToComplete, rbac.Select(r =>
                new Candidate(r.Id, string.IsNullOrEmpty(r.Name) ? r.Id : $"{r.Name} ({r.Id})", string.IsNullOrEmpty(r.Description) ? $"{r.Name} ({r.Id})" : $"{r.Name} ({r.Id}): {r.Description}", r.Name)));
        }
    }

    /// <summary>
    /// Completes MCP tool names (Start-OpenAiMcpServer -Tool, -ExcludeTool) from the operation table; with -ReadOnly or
    /// -Area on the line, only the tools those leave. No request.
    /// </summary>
    public sealed class McpToolCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var readOnly = fakeBoundParameters != null && fakeBoundParameters.Contains("ReadOnly") && LanguagePrimitives.IsTrue(fakeBoundParameters["ReadOnly"]);
            var areas = fakeBoundParameters != null && fakeBoundParameters.Contains("Area")
                ? LanguagePrimitives.ConvertTo<string[]>(fakeBoundParameters["Area"]) : null;
            var tools = OperationTable.All
                .Where(o => !string.IsNullOrEmpty(o.Tool))
                .Where(o => !readOnly || o.Access == OpenAiOperationAccess.Read)
                .Where(o => areas is null || areas.Length == 0 || areas.Any(a => string.Equals(a, o.Area, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(o => o.Tool, StringComparer.Ordinal)
                .Select(o => new Candidate(o.Tool, o.Tool, $"{o.Method} {o.Path} ({o.Area})"));
            return CompletionSource.Complete(wordToComplete, tools);
        }
    }
}
