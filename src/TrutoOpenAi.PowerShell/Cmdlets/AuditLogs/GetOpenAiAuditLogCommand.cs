using System;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Access;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.AuditLogs
{
    /// <summary>Gets the organization's audit log: who changed what, and when.</summary>
    /// <remarks>
    /// <para>Lists audit log events, newest first, streaming every page; -First stops the requests early. The filters are
    /// the API's and are applied by it: -StartTime and -EndTime (aliases -After/-Since and -Before/-Until) bound the event time (effective_at, whole seconds, both
    /// exclusive), -EventType (tab-completes the documented types, e.g. api_key.deleted), -ProjectId (projects can be piped
    /// in), -ActorId (user, service account or key tracking ids), -ActorEmail, -ResourceId (the object acted on), and
    /// -TenantOnly for tenant-scoped events. Each event has ProjectId, ActorEmail, ActorId, ResourceId and the type's
    /// payload in Details. Audit logging must be enabled for the organization. Needs an admin key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiAuditLog -EventType api_key.deleted, service_account.deleted -StartTime (Get-Date).AddDays(-7)</code>
    /// <para>Shows the keys and service accounts deleted in the last week.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiProject -Name 'tenant-acme' | Get-OpenAiAuditLog -First 20 | Format-Table EffectiveAt, Type, ActorEmail, ResourceId</code>
    /// <para>Shows the 20 latest events of one project.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiAuditLog", SupportsPaging = true)]
    [OutputType(typeof(OpenAiAuditLog))]
    [OpenAiOperation("list_all_openai_audit_logs", "GET", "/organization/audit_logs")]
    public sealed class GetOpenAiAuditLogCommand : OpenAiListCmdlet
    {
        /// <summary>Only events after this time (effective_at greater than it).</summary>
        [Parameter]
        [Alias("After", "Since")]
        public DateTime? StartTime { get; set; }

        /// <summary>Only events before this time (effective_at less than it).</summary>
        [Parameter]
        [Alias("Before", "Until")]
        public DateTime? EndTime { get; set; }

        /// <summary>Only events of these types, e.g. project.created or certificates.activated (tab completion lists them).</summary>
        [Parameter(Position = 0)]
        [ArgumentCompleter(typeof(AuditLogEventTypeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? EventType { get; set; }

        /// <summary>Only events scoped to these projects (proj_...); bound from piped projects.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ProjectCompleter))]
        public string[]? ProjectId { get; set; }

        /// <summary>Only events performed by these actors: user ids, service account ids or API key tracking ids.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ActorId { get; set; }

        /// <summary>Only events performed by users with these emails.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ActorEmail { get; set; }

        /// <summary>Only events on these objects (e.g. a project, key or certificate id).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? ResourceId { get; set; }

        /// <summary>Only tenant-scoped events (every -EventType must then be a tenant. type).</summary>
        [Parameter]
        public SwitchParameter TenantOnly { get; set; }

        protected override void ProcessRecord()
        {
            Try(null, () =>
            {
                var filter = new AuditLogFilter
                {
                    After = StartTime is { } a ? new DateTimeOffset(a.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(a, DateTimeKind.Local) : a) : (DateTimeOffset?)null,
                    Before = EndTime is { } b ? new DateTimeOffset(b.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(b, DateTimeKind.Local) : b) : (DateTimeOffset?)null,
                    EventTypes = EventType?.ToList() ?? new System.Collections.Generic.List<string>(),
                    ProjectIds = ProjectId?.ToList() ?? new System.Collections.Generic.List<string>(),
                    ActorIds = ActorId?.ToList() ?? new System.Collections.Generic.List<string>(),
                    ActorEmails = ActorEmail?.ToList() ?? new System.Collections.Generic.List<string>(),
                    ResourceIds = ResourceId?.ToList() ?? new System.Collections.Generic.List<string>(),
                    TenantOnly = TenantOnly,
                };
                WritePages(new AuditLogService(Client).List(filter, EffectivePageSize()), null, log => WithDetails(log));
            });
        }

        /// <summary>Adds Details: the type's payload as PowerShell objects (what ConvertFrom-Json would give).</summary>
        private static object WithDetails(OpenAiAuditLog log)
        {
            var wrapped = PSObject.AsPSObject(log);
            wrapped.Properties.Add(new PSNoteProperty("Details", log.DetailsElement is { } details ? JsonToPowerShell.Convert(details) : null));
            return wrapped;
        }
    }
}
