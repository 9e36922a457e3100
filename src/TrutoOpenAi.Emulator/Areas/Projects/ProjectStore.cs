using System.Text.Json;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Projects;

/// <summary>
/// The organisation's projects, oldest first. Startup content: one "Default Project", or with --seed-projects N
/// the projects tenant-00001..N (ids deterministic under --seed-random, created_at increasing up to now).
/// Other areas use <c>state.Store&lt;ProjectStore&gt;().Get(projectId)</c> to check a parent project.
/// </summary>
public sealed class ProjectStore(EmulatorState state) : IEmulatorStore, IEmulatorSeeder
{
    public const string IdPrefix = "proj_";
    private readonly object _seedGate = new();
    private readonly Dictionary<string, int> _seedCounters = new(StringComparer.Ordinal);

    public OrderedStore<Project> Items { get; } = new();

    public Project? Get(string id) => Items.Get(id);

    public void Reset()
    {
        Items.Clear();
        lock (_seedGate) _seedCounters.Clear();
        if (state.Options.SeedProjects > 0)
        {
            AddSeeded(state.Options.SeedProjects, "tenant-");
        }
        else
        {
            var now = state.Clock.UnixSeconds;
            Items.TryAdd(new Project { Id = state.Ids.New(IdPrefix), Name = Project.DefaultName, CreatedAt = now, IsDefault = true });
        }
    }

    public Project Create(string name, string? externalKeyId, string? residency) =>
        Items.Append(last => new Project
        {
            Id = state.Ids.New(IdPrefix),
            Name = name,
            CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0),
            ExternalKeyId = externalKeyId,
            Residency = residency,
        });

    /// <summary>Add <paramref name="count"/> projects named prefix + 5-digit number (numbering continues per prefix).
    /// created_at increases by one second per project and never passes now. Returns how many were added.</summary>
    public int AddSeeded(int count, string namePrefix)
    {
        if (count <= 0) return 0;
        int first;
        lock (_seedGate)
        {
            _seedCounters.TryGetValue(namePrefix, out first);
            _seedCounters[namePrefix] = first + count;
        }
        var now = state.Clock.UnixSeconds;
        var floor = Items.Last?.CreatedAt ?? 0;
        var start = now - count;
        var ids = state.Ids;
        return Items.AddRange(Generate(), count);

        IEnumerable<Project> Generate()
        {
            for (var i = 1; i <= count; i++)
            {
                yield return new Project
                {
                    Id = ids.New(IdPrefix),
                    Name = namePrefix + (first + i).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                    CreatedAt = Math.Max(start + i, floor),
                };
            }
        }
    }

    /// <summary>POST /_emulator/seed {"projects": N, "name_prefix": "tenant-"}.</summary>
    public IReadOnlyDictionary<string, object?>? Seed(JsonElement request)
    {
        if (!request.TryGetProperty("projects", out var countElement)) return null;
        if (countElement.ValueKind != JsonValueKind.Number || !countElement.TryGetInt32(out var count) || count < 0 || count > 10_000_000)
            throw ApiErrors.BadRequest("'projects' must be an integer between 0 and 10000000.", "projects").Throw();
        var prefix = "tenant-";
        if (request.TryGetProperty("name_prefix", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.String) throw ApiErrors.InvalidType("name_prefix", "a string", p.ValueKind).Throw();
            prefix = p.GetString()!;
        }
        var added = AddSeeded(count, prefix);
        return new Dictionary<string, object?> { ["projects"] = new { added, total = Items.Count } };
    }
}
