using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Guardrails;

/// <summary>The guardrails of one project: data retention, model policy, hosted tools.</summary>
public sealed record ProjectGuardrails
{
    public string Retention { get; init; } = "organization_default";
    public string Mode { get; init; } = "deny_list";
    public string[] ModelIds { get; init; } = [];

    /// <summary>Each hosted tool type and whether it is enabled, in the spec's order.</summary>
    public IReadOnlyDictionary<string, bool> Tools { get; init; } = GuardrailStore.HostedTools.ToDictionary(t => t, _ => true);

    public bool Permits(string model) => Mode == "allow_list" ? ModelIds.Contains(model, StringComparer.Ordinal) : !ModelIds.Contains(model, StringComparer.Ordinal);
}

/// <summary>
/// Data retention of the organization and, per project, retention, model permissions and hosted tool permissions.
/// Startup content: the organization on modified_abuse_monitoring (the spec's example); every project on
/// organization_default, with no model policy (deny_list with no models: every model allowed; DELETE goes back to it)
/// and every hosted tool enabled. Model routes ask <see cref="PermitsModel"/> before answering.
/// </summary>
public sealed class GuardrailStore(EmulatorState state) : IEmulatorStore
{
    public static readonly string[] HostedTools = ["file_search", "web_search", "image_generation", "mcp", "code_interpreter"];

    public static readonly string[] OrganizationRetentionTypes =
        ["zero_data_retention", "modified_abuse_monitoring", "enhanced_zero_data_retention", "enhanced_modified_abuse_monitoring"];

    public static readonly string[] ProjectRetentionTypes = ["organization_default", "none", .. OrganizationRetentionTypes];

    private readonly ProjectStore _projects = state.Store<ProjectStore>();
    private readonly object _gate = new();
    private readonly Dictionary<string, ProjectGuardrails> _byProject = new(StringComparer.Ordinal);
    private string _organizationRetention = "modified_abuse_monitoring";

    public string OrganizationRetention
    {
        get { lock (_gate) return _organizationRetention; }
        set { lock (_gate) _organizationRetention = value; }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byProject.Clear();
            _organizationRetention = "modified_abuse_monitoring";
        }
    }

    /// <summary>The project's guardrails; 404 "No such project" for an unknown project.</summary>
    public ProjectGuardrails For(string projectId)
    {
        Project(projectId);
        lock (_gate) return _byProject.TryGetValue(projectId, out var g) ? g : new ProjectGuardrails();
    }

    /// <summary>Changes the project's guardrails; 404 for an unknown project, 400 for an archived one.</summary>
    public ProjectGuardrails Update(string projectId, Func<ProjectGuardrails, ProjectGuardrails> change)
    {
        if (Project(projectId).IsArchived)
            throw ApiErrors.BadRequest($"Project {projectId} is archived and cannot be updated.").Throw();
        lock (_gate)
        {
            var next = change(_byProject.TryGetValue(projectId, out var g) ? g : new ProjectGuardrails());
            _byProject[projectId] = next;
            return next;
        }
    }

    /// <summary>Whether a project (unknown projects: yes, they have no policy) may call <paramref name="model"/>.</summary>
    public bool PermitsModel(string projectId, string model)
    {
        lock (_gate) return !_byProject.TryGetValue(projectId, out var g) || g.Permits(model);
    }

    /// <summary>
    /// Refuses a model call outside the model permissions of the project the request names (OpenAI-Project header), as the
    /// API does: 403, code model_not_found. Requests that name no project are not checked.
    /// </summary>
    public void CheckModelAccess(Microsoft.AspNetCore.Http.HttpRequest request, string model)
    {
        var projectId = request.Headers["OpenAI-Project"].ToString();
        if (string.IsNullOrEmpty(projectId) || PermitsModel(projectId, model)) return;
        throw new ApiError(403, $"Project `{projectId}` does not have access to model `{model}`.", "invalid_request_error", "model", "model_not_found").Throw();
    }

    private Project Project(string projectId) => _projects.Get(projectId) ?? throw ApiErrors.NoSuch("project", projectId).Throw();
}
