using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using TrutoOpenAi.Emulator.Areas.Projects;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Usage;

/// <summary>
/// Usage and costs (spec tag "Usage"): the ten /organization/usage/* endpoints and /organization/costs, answered from
/// <see cref="UsageGenerator"/> for every project of the emulator. Page-token paging over time buckets as the spec
/// says (list_pagination.md §3): start_time (required, inclusive), end_time (exclusive, default now), bucket_width,
/// limit = buckets per page (per-width default and maximum), page = the previous next_page.
/// </summary>
public sealed class UsageArea : IEmulatorArea
{
    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var projects = state.Store<ProjectStore>();
        var traffic = state.Store<ModelTraffic>();
        foreach (var endpoint in UsageEndpointDef.Endpoints)
        {
            v1.MapGet(endpoint.Path, (HttpRequest request) =>
            {
                var query = UsageRequest.Parse(request, endpoint, state.Clock.UnixSeconds);
                projects.Items.TryPage(int.MaxValue, null, null, false, null, out var all, out _, out _);
                var json = UsagePage.Write(endpoint, query, all, state.Clock.UnixSeconds, traffic.Snapshot());
                return Results.Bytes(json, "application/json");
            });
        }
    }
}

/// <summary>A validated usage/costs query.</summary>
public sealed record UsageRequest(long Start, long End, string Width, int Limit, int FirstBucket, string[] GroupBy,
    IReadOnlyDictionary<string, HashSet<string>> Filters, bool? Batch)
{
    public static UsageRequest Parse(HttpRequest request, UsageEndpointDef endpoint, long now)
    {
        var q = request.Query;
        var start = Integer(q, "start_time") ?? throw ApiErrors.MissingParameter("start_time").Throw();
        var endGiven = Integer(q, "end_time");
        var width = First(q, "bucket_width") ?? "1d";
        if (!endpoint.BucketWidths.Contains(width))
            throw ApiErrors.BadRequest($"Invalid value: '{width}'. Supported values are: {Quote(endpoint.BucketWidths)}.", "bucket_width", "invalid_value").Throw();
        if (endGiven is { } e && e <= start)
            throw ApiErrors.BadRequest($"Invalid 'end_time': end_time ({e}) must be greater than start_time ({start}).", "end_time", "invalid_value").Throw();
        var end = endGiven ?? Math.Max(now, start);

        var groupBy = new List<string>();
        foreach (var value in Values(q, "group_by").SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!endpoint.GroupBy.Contains(value))
                throw ApiErrors.BadRequest($"Invalid value: '{value}'. Supported values are: {Quote(endpoint.GroupBy)}.", "group_by", "invalid_value").Throw();
            if (!groupBy.Contains(value)) groupBy.Add(value);
        }

        var (defaultLimit, maxLimit) = endpoint.Limits(width);
        var limit = defaultLimit;
        if (First(q, "limit") is { } rawLimit)
        {
            if (!long.TryParse(rawLimit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                throw ApiErrors.BadRequest($"Invalid 'limit': expected an integer, but got '{rawLimit}' instead.", "limit", "invalid_type").Throw();
            if (value < 1)
                throw ApiErrors.BadRequest($"Invalid 'limit': integer below minimum value. Expected a value >= 1, but got {value} instead.", "limit", "integer_below_min_value").Throw();
            if (value > maxLimit)
                throw ApiErrors.BadRequest($"Invalid 'limit': integer above maximum value. Expected a value <= {maxLimit}, but got {value} instead.", "limit", "integer_above_max_value").Throw();
            limit = (int)value;
        }

        var firstBucket = 0;
        if (First(q, "page") is { Length: > 0 } page)
            firstBucket = PageToken.Read(page, start, width);

        var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var name in endpoint.Filters)
        {
            var values = Values(q, name).Where(v => v.Length > 0).ToList();
            if (values.Count == 0) continue;
            if (UsageEndpointDef.FilterEnums.TryGetValue(name, out var allowed))
            {
                foreach (var v in values.Where(v => !allowed.Contains(v)))
                    throw ApiErrors.BadRequest($"Invalid value: '{v}'. Supported values are: {Quote(allowed)}.", name, "invalid_value").Throw();
            }
            filters[name] = new HashSet<string>(values, StringComparer.Ordinal);
        }

        bool? batch = null;
        if (endpoint.Name == "completions" && First(q, "batch") is { } rawBatch)
        {
            batch = rawBatch switch
            {
                "true" => true,
                "false" => false,
                _ => throw ApiErrors.BadRequest($"Invalid value for 'batch': expected a boolean, but got '{rawBatch}' instead.", "batch", "invalid_type").Throw(),
            };
        }
        return new UsageRequest(start, end, width, limit, firstBucket, groupBy.ToArray(), filters, batch);
    }

    private static long? Integer(IQueryCollection q, string name)
    {
        if (First(q, name) is not { } text) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < 0)
            throw ApiErrors.BadRequest($"Invalid '{name}': expected a non-negative integer (unix seconds), but got '{text}' instead.", name, "invalid_type").Throw();
        return value;
    }

    private static string? First(IQueryCollection q, string name) => q.TryGetValue(name, out StringValues raw) && raw.Count > 0 ? raw[0] : null;

    /// <summary>Every value of an array parameter: repeated <c>name=</c> (form, explode) and <c>name[]=</c> are both accepted.</summary>
    private static IEnumerable<string> Values(IQueryCollection q, string name)
    {
        foreach (var key in new[] { name, name + "[]" })
            if (q.TryGetValue(key, out StringValues raw))
                foreach (var v in raw) if (v is not null) yield return v;
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}

/// <summary>Opaque next_page tokens: the index of the next bucket, bound to the query's start_time and bucket_width.</summary>
public static class PageToken
{
    public static string Write(long start, string width, int bucket) =>
        "page_" + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{start}:{width}:{bucket}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static int Read(string token, long start, string width)
    {
        try
        {
            if (token.StartsWith("page_", StringComparison.Ordinal))
            {
                var body = token[5..].Replace('-', '+').Replace('_', '/');
                body = body.PadRight(body.Length + (4 - body.Length % 4) % 4, '=');
                var parts = Encoding.ASCII.GetString(Convert.FromBase64String(body)).Split(':');
                if (parts.Length == 3 && parts[0] == start.ToString(CultureInfo.InvariantCulture) && parts[1] == width &&
                    int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var bucket))
                    return bucket;
            }
        }
        catch (FormatException)
        {
        }
        throw ApiErrors.BadRequest("Invalid 'page': the page token is not valid for this query (use the next_page of the previous response, with the same start_time and bucket_width).", "page", "invalid_value").Throw();
    }
}

/// <summary>Builds one page: buckets from FirstBucket, at most Limit of them, each with its grouped results.</summary>
public static class UsagePage
{
    /// <summary>One page; <paramref name="calls"/> (sorted by time) are the emulator's own model calls, counted beside the
    /// generated history.</summary>
    public static byte[] Write(UsageEndpointDef endpoint, UsageRequest query, IReadOnlyList<Project> projects, long now, ModelCall[]? calls = null)
    {
        var width = UsageEndpointDef.Seconds(query.Width);
        var total = (int)Math.Min(int.MaxValue, (query.End - query.Start + width - 1) / width);
        var scoped = query.Filters.TryGetValue("project_ids", out var ids) ? projects.Where(p => ids.Contains(p.Id)).ToList() : projects;

        using var buffer = new MemoryStream(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, EmulatorJson.WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("object", "page");
            w.WriteStartArray("data");
            var last = Math.Min(total, query.FirstBucket + query.Limit);
            for (var b = query.FirstBucket; b < last; b++)
            {
                var bucketStart = query.Start + b * width;
                var bucketEnd = Math.Min(bucketStart + width, query.End);
                w.WriteStartObject();
                w.WriteString("object", "bucket");
                w.WriteNumber("start_time", bucketStart);
                w.WriteNumber("end_time", bucketEnd);
                w.WriteStartArray("results");
                var atoms = UsageGenerator.Atoms(endpoint, scoped, bucketStart, bucketEnd - bucketStart, now);
                if (calls is { Length: > 0 }) atoms = atoms.Concat(LiveUsage.Atoms(endpoint, calls, bucketStart, bucketEnd));
                foreach (var group in Group(endpoint, query, atoms))
                    WriteResult(w, endpoint, query, group.First, group.Sums);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var hasMore = last < total;
            w.WriteBoolean("has_more", hasMore);
            if (hasMore) w.WriteString("next_page", PageToken.Write(query.Start, query.Width, last));
            else w.WriteNull("next_page");
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static IEnumerable<(UsageAtom First, decimal[] Sums)> Group(UsageEndpointDef endpoint, UsageRequest query, IEnumerable<UsageAtom> atoms)
    {
        var groups = new SortedDictionary<string, (UsageAtom First, decimal[] Sums)>(StringComparer.Ordinal);
        foreach (var atom in atoms)
        {
            if (!Matches(atom, query)) continue;
            var key = string.Join('\u001f', query.GroupBy.Select(g => Convert.ToString(UsageEndpointDef.Key(atom, g), CultureInfo.InvariantCulture) ?? ""));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (atom, new decimal[endpoint.Measures.Length]);
                groups[key] = group;
            }
            for (var i = 0; i < group.Sums.Length; i++) group.Sums[i] += atom.Measures[i];
        }
        return groups.Values;
    }

    private static bool Matches(UsageAtom atom, UsageRequest query)
    {
        foreach (var (name, values) in query.Filters)
            if (UsageEndpointDef.FilterValue(atom, name) is not { } value || !values.Contains(value)) return false;
        return query.Batch is not { } batch || atom.Batch == batch;
    }

    private static void WriteResult(Utf8JsonWriter w, UsageEndpointDef endpoint, UsageRequest query, UsageAtom first, decimal[] sums)
    {
        w.WriteStartObject();
        w.WriteString("object", endpoint.ResultObject);
        if (endpoint.IsCosts)
        {
            var byLineItem = query.GroupBy.Contains("line_item");
            w.WriteStartObject("amount");
            w.WriteNumber("value", sums[0]);
            w.WriteString("currency", "usd");
            w.WriteEndObject();
            WriteKey(w, query, first, "line_item");
            WriteKey(w, query, first, "project_id");
            WriteKey(w, query, first, "api_key_id");
            if (byLineItem) w.WriteNumber("quantity", sums[1]); else w.WriteNull("quantity");
            if (byLineItem && first.QuantityUnit is { } unit) w.WriteString("quantity_unit", unit); else w.WriteNull("quantity_unit");
        }
        else
        {
            for (var i = 0; i < endpoint.Measures.Length; i++) w.WriteNumber(endpoint.Measures[i], (long)sums[i]);
            foreach (var field in endpoint.GroupBy) WriteKey(w, query, first, field);
        }
        w.WriteEndObject();
    }

    private static void WriteKey(Utf8JsonWriter w, UsageRequest query, UsageAtom atom, string field)
    {
        if (!query.GroupBy.Contains(field))
        {
            w.WriteNull(field);
            return;
        }
        switch (UsageEndpointDef.Key(atom, field))
        {
            case bool b: w.WriteBoolean(field, b); break;
            case string s: w.WriteString(field, s); break;
            default: w.WriteNull(field); break;
        }
    }
}
