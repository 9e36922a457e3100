using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.ServiceAccounts;

/// <summary>The spec's ProjectServiceAccount.</summary>
public sealed record ServiceAccount : IHasId
{
    public required string Id { get; init; }
    public string Object => "organization.project.service_account";
    public required string Name { get; init; }
    public string Role { get; init; } = "member";
    public long CreatedAt { get; init; }
}

/// <summary>Service accounts per project, oldest first; none at startup.</summary>
public sealed class ServiceAccountStore(EmulatorState state) : IEmulatorStore
{
    private readonly ProjectScoped<ServiceAccount> _byProject = new(state.Store<ProjectStore>());

    public void Reset()
    {
        _byProject.Clear();
    }

    public OrderedStore<ServiceAccount> For(string projectId) => _byProject.For(projectId);
}
