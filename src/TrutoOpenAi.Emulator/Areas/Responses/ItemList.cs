using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Responses;

/// <summary>Pages a list of items that carry an "id" (input items, conversation items) the way the API does:
/// limit 1-100 (default 20), order asc/desc (default desc), after = an id of the list.</summary>
internal static class ItemList
{
    public static JsonObject Page(IReadOnlyList<JsonObject> items, HttpRequest request, string defaultOrder = "desc")
    {
        var query = request.Query;
        var limit = 20;
        if (query.TryGetValue("limit", out var rawLimit))
        {
            if (!int.TryParse(rawLimit, out limit))
                throw ApiErrors.BadRequest($"Invalid 'limit': expected an integer, got '{rawLimit}'.", "limit", "invalid_type").Throw();
            if (limit < 1) throw ApiErrors.BadRequest($"Invalid 'limit': integer below minimum value. Expected a value >= 1, but got {limit} instead.", "limit", "integer_below_min_value").Throw();
            if (limit > 100) throw ApiErrors.BadRequest($"Invalid 'limit': integer above maximum value. Expected a value <= 100, but got {limit} instead.", "limit", "integer_above_max_value").Throw();
        }
        var order = query.TryGetValue("order", out var rawOrder) ? rawOrder.ToString() : defaultOrder;
        if (order is not ("asc" or "desc"))
            throw ApiErrors.BadRequest($"Invalid value: '{order}'. Supported values are: 'asc' and 'desc'.", "order", "invalid_value").Throw();
        var ordered = order == "asc" ? items.ToList() : items.Reverse().ToList();
        var start = 0;
        if (query.TryGetValue("after", out var after) && !string.IsNullOrEmpty(after))
        {
            var index = ordered.FindIndex(i => (string?)i["id"] == after);
            if (index < 0) throw ApiErrors.BadRequest($"Invalid 'after': no item with id '{after}' in this list.", "after").Throw();
            start = index + 1;
        }
        var page = ordered.Skip(start).Take(limit).ToList();
        var data = new JsonArray(page.Select(i => (JsonNode)i.DeepClone()).ToArray());
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["first_id"] = page.Count > 0 ? (string?)page[0]["id"] : null,
            ["last_id"] = page.Count > 0 ? (string?)page[^1]["id"] : null,
            ["has_more"] = start + page.Count < ordered.Count,
        };
    }
}
