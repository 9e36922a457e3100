using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Projects;

/// <summary>
/// Items kept per project (service accounts, API keys, rate limits): one <see cref="OrderedStore{T}"/> per project,
/// created on first use (filled by <paramref name="initial"/>); an unknown project answers 404 "No such project".
/// </summary>
public sealed class ProjectScoped<T>(ProjectStore projects, Func<IEnumerable<T>>? initial = null) where T : class, IHasId
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OrderedStore<T>> _byProject = new(StringComparer.Ordinal);

    public void Clear()
    {
        lock (_gate) _byProject.Clear();
    }

    public OrderedStore<T> For(string projectId)
    {
        if (projects.Get(projectId) is null) throw ApiErrors.NoSuch("project", projectId).Throw();
        lock (_gate)
        {
            if (!_byProject.TryGetValue(projectId, out var store))
            {
                _byProject[projectId] = store = new OrderedStore<T>();
                if (initial is not null) store.AddRange(initial());
            }
            return store;
        }
    }
}
