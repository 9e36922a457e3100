using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>The cursor-after list envelope: {"object":"list","data":[...],"first_id","last_id","has_more"}.</summary>
public sealed class ListResponse<T>
{
    public string Object => "list";
    public required IReadOnlyList<T> Data { get; init; }
    public string? FirstId { get; init; }
    public string? LastId { get; init; }
    public bool HasMore { get; init; }
}

/// <summary>How one list endpoint pages, copied from reference/list_pagination.md.</summary>
/// <param name="DefaultLimit">The documented default limit.</param>
/// <param name="MinLimit">Lowest accepted limit (1, or 0 where the spec says 0-100).</param>
/// <param name="MaxLimit">Highest accepted limit; null where the spec gives no range (then any positive number).</param>
/// <param name="SupportsBefore">The endpoint documents a "before" parameter (otherwise it is ignored, like the API).</param>
/// <param name="DefaultOrder">"asc" or "desc" when the endpoint documents an "order" parameter; null = no order parameter (ascending, ignored).</param>
public sealed record ListSpec(int DefaultLimit = 20, int MinLimit = 1, int? MaxLimit = 100, bool SupportsBefore = false, string? DefaultOrder = null)
{
    public static readonly ListSpec Standard = new();
}

/// <summary>Validated paging query of a cursor-after list. A repeated query parameter uses its first value.</summary>
public sealed record ListQuery(int Limit, string? After, string? Before, bool Descending)
{
    /// <summary>Parse limit/after/before/order as the API does; throws <see cref="ApiException"/> (400 with param) when invalid.</summary>
    public static ListQuery Parse(HttpRequest request, ListSpec spec)
    {
        var q = request.Query;
        var limit = spec.DefaultLimit;
        if (q.TryGetValue("limit", out var rawLimit))
        {
            var text = rawLimit[0] ?? "";
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw ApiErrors.BadRequest($"Invalid 'limit': expected an integer, but got '{text}' instead.", "limit", "invalid_type").Throw();
            if (value < spec.MinLimit)
                throw ApiErrors.BadRequest($"Invalid 'limit': integer below minimum value. Expected a value >= {spec.MinLimit}, but got {value} instead.", "limit", "integer_below_min_value").Throw();
            if (spec.MaxLimit is { } max && value > max)
                throw ApiErrors.BadRequest($"Invalid 'limit': integer above maximum value. Expected a value <= {max}, but got {value} instead.", "limit", "integer_above_max_value").Throw();
            limit = (int)Math.Min(value, int.MaxValue);
        }

        var after = Cursor(q, "after");
        var before = spec.SupportsBefore ? Cursor(q, "before") : null;

        var descending = false;
        if (spec.DefaultOrder is { } defaultOrder)
        {
            var order = q.TryGetValue("order", out var rawOrder) ? rawOrder[0] ?? "" : defaultOrder;
            descending = order switch
            {
                "asc" => false,
                "desc" => true,
                _ => throw ApiErrors.BadRequest($"Invalid value for 'order': expected one of 'asc' or 'desc', but got '{order}' instead.", "order", "invalid_value").Throw(),
            };
        }
        return new ListQuery(limit, after, before, descending);
    }

    private static string? Cursor(IQueryCollection q, string name)
    {
        if (!q.TryGetValue(name, out StringValues raw)) return null;
        var value = raw[0] ?? "";
        return value.Length == 0 ? null : value;
    }

    /// <summary>Read "name=true|false" (absent → default); throws 400 with param otherwise.</summary>
    public static bool ParseBool(HttpRequest request, string name, bool defaultValue)
    {
        if (!request.Query.TryGetValue(name, out var raw)) return defaultValue;
        var text = raw[0] ?? "";
        if (bool.TryParse(text, out var value)) return value;
        throw ApiErrors.BadRequest($"Invalid value for '{name}': expected a boolean, but got '{text}' instead.", name, "invalid_type").Throw();
    }
}

public static class CursorList
{
    /// <summary>
    /// One page of <paramref name="store"/> in the cursor-after envelope. <paramref name="project"/> maps a stored
    /// item to what is serialised (often the item itself). An unknown cursor id answers 400 with param "after"/"before".
    /// </summary>
    public static ListResponse<TOut> Page<T, TOut>(OrderedStore<T> store, ListQuery query, Func<T, TOut> project, Func<T, bool>? filter = null)
        where T : class, IHasId
    {
        if (!store.TryPage(query.Limit, query.After, query.Before, query.Descending, filter, out var items, out var hasMore, out var param))
        {
            var id = param == "after" ? query.After : query.Before;
            throw ApiErrors.BadRequest($"Invalid '{param}': no object with id '{id}' in this list.", param, "invalid_value").Throw();
        }
        var data = new TOut[items.Count];
        for (var i = 0; i < items.Count; i++) data[i] = project(items[i]);
        return new ListResponse<TOut>
        {
            Data = data,
            FirstId = items.Count > 0 ? items[0].Id : null,
            LastId = items.Count > 0 ? items[^1].Id : null,
            HasMore = hasMore,
        };
    }

    public static ListResponse<T> Page<T>(OrderedStore<T> store, ListQuery query, Func<T, bool>? filter = null) where T : class, IHasId
        => Page(store, query, static x => x, filter);
}
