using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Directory;

/// <summary>The RBAC/groups list envelope (list_pagination.md §4): {"object":"list","data","has_more","next"}; no first/last ids.</summary>
public static class NextCursorList
{
    /// <summary>Roles: limit default 1000, 0-1000, order asc by default.</summary>
    public static readonly ListSpec Roles = new(DefaultLimit: 1000, MinLimit: 0, MaxLimit: 1000, DefaultOrder: "asc");
    /// <summary>Groups: limit default 100, 0-1000, asc.</summary>
    public static readonly ListSpec Groups = new(DefaultLimit: 100, MinLimit: 0, MaxLimit: 1000, DefaultOrder: "asc");
    /// <summary>Group users: limit default 100, 0-1000, desc.</summary>
    public static readonly ListSpec GroupUsers = new(DefaultLimit: 100, MinLimit: 0, MaxLimit: 1000, DefaultOrder: "desc");
    /// <summary>Project groups: default 20, 0-100, asc.</summary>
    public static readonly ListSpec ProjectGroups = new(DefaultLimit: 20, MinLimit: 0, MaxLimit: 100, DefaultOrder: "asc");
    /// <summary>Role assignments: the spec gives no default; 100 here, 0-1000, asc.</summary>
    public static readonly ListSpec Assignments = new(DefaultLimit: 100, MinLimit: 0, MaxLimit: 1000, DefaultOrder: "asc");

    public static IResult Page<T>(OrderedStore<T> store, HttpRequest request, ListSpec spec, Func<T, object?> project, Func<T, bool>? filter = null)
        where T : class, IHasId
    {
        var query = ListQuery.Parse(request, spec);
        if (!store.TryPage(query.Limit, query.After, null, query.Descending, filter, out var items, out var hasMore, out _))
            throw ApiErrors.BadRequest($"Invalid 'after': no object with id '{query.After}' in this list.", "after", "invalid_value").Throw();
        var data = items.Select(project).ToList();
        var next = hasMore && items.Count > 0 ? items[^1].Id : null;
        return Results.Json(new { @object = "list", data, has_more = hasMore, next }, EmulatorJson.Options);
    }
}
