using System.Text.Json;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>
/// A resource area of the emulated API (projects, users, files...). Every non-abstract class implementing
/// this interface in the assembly is found by reflection at startup, instantiated with its parameterless
/// constructor and asked to map its routes: adding an area is adding a folder and a class, no central edit.
/// </summary>
public interface IEmulatorArea
{
    /// <summary>Areas are mapped in ascending order, then by type name. Only matters for route conflicts.</summary>
    int Order => 0;

    /// <summary>Map the area's routes on <paramref name="v1"/> (the group for "/v1"; paths are relative to it,
    /// e.g. "/organization/projects"). Get the area's data with <c>state.Store&lt;TStore&gt;()</c>.</summary>
    void Map(RouteGroupBuilder v1, EmulatorState state);
}

/// <summary>
/// In-memory data of one area. Created lazily by <see cref="EmulatorState.Store{T}"/> (a public constructor taking
/// <see cref="EmulatorState"/>), which also calls <see cref="Reset"/> once. POST /_emulator/reset calls
/// <see cref="Reset"/> again on every store in creation order (a store that needs another store should fetch it in
/// its constructor, so it is created and reset first).
/// </summary>
public interface IEmulatorStore
{
    /// <summary>Drop all data and re-create the startup content (seed from <see cref="EmulatorState.Options"/>).</summary>
    void Reset();
}

/// <summary>
/// A store that can add bulk data through POST /_emulator/seed. Each seeder reads the keys it knows from the request
/// object (e.g. "projects", "name_prefix") and returns a summary keyed by what it added, or null if the request has
/// nothing for it.
/// </summary>
public interface IEmulatorSeeder
{
    IReadOnlyDictionary<string, object?>? Seed(JsonElement request);
}
