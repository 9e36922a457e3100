using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TrutoOpenAi.Core.Http;

namespace TrutoOpenAi.Core.Paging
{
    /// <summary>The paging styles of reference/list_pagination.md.</summary>
    public enum PagingStyle
    {
        /// <summary>One request, one page (e.g. GET /models).</summary>
        None,
        /// <summary>limit/after; the response has has_more and last_id (falls back to the last item's id).</summary>
        CursorAfter,
        /// <summary>limit/after; the response has only has_more: the cursor is the last item's id (fine-tuning).</summary>
        HasMoreOnly,
        /// <summary>page; the response has has_more and next_page (usage and costs).</summary>
        PageToken,
        /// <summary>limit/after; the response has has_more and next, the cursor to send as after (RBAC roles and groups).</summary>
        NextCursor,
    }

    /// <summary>
    /// Walks a list endpoint lazily, one page per <see cref="NextPageAsync"/>: nothing is fetched before it is asked for,
    /// and only one page is held at a time, so memory stays flat however long the list.
    /// </summary>
    public sealed class ListPager<T>
    {
        private readonly OpenAiClient _client;
        private readonly OpenAiRequest _request;
        private readonly Func<JsonElement, T>? _map;
        private readonly Func<JsonElement, IEnumerable<T>>? _expand;
        private bool _done;

        public ListPager(OpenAiClient client, OpenAiRequest request, PagingStyle style, Func<JsonElement, T> map)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _request = request ?? throw new ArgumentNullException(nameof(request));
            Style = style;
            _map = map ?? throw new ArgumentNullException(nameof(map));
        }

        private ListPager(OpenAiClient client, OpenAiRequest request, PagingStyle style, Func<JsonElement, IEnumerable<T>> expand)
        {
            _client = client ?? throw new ArgumentNullException(nameof(client));
            _request = request ?? throw new ArgumentNullException(nameof(request));
            Style = style;
            _expand = expand ?? throw new ArgumentNullException(nameof(expand));
        }

        /// <summary>
        /// A pager whose items are expanded from each element of <c>data</c>: one element may give zero or more items
        /// (usage and costs: one bucket gives one item per result). -First/-Skip then count the expanded items.
        /// </summary>
        public static ListPager<T> Flattening(OpenAiClient client, OpenAiRequest request, PagingStyle style, Func<JsonElement, IEnumerable<T>> expand) =>
            new ListPager<T>(client, request, style, expand);

        /// <summary>The request as it will be sent next (its query carries the cursor once a page has been read).</summary>
        public OpenAiRequest Request => _request;

        public PagingStyle Style { get; }
        public int PagesFetched { get; private set; }
        public bool HasMore => !_done;

        /// <summary>
        /// Whole-page retries on top of the client's own (a page is a read: repeating it is harmless). A long listing under
        /// sustained faults then stops only if one page fails (MaxRetries + 1) × (PageRetries + 1) times in a row.
        /// None when the connection's MaxRetries is 0 (the caller asked to fail fast).
        /// </summary>
        public int PageRetries { get; set; } = 4;

        /// <summary>The cursor the next page starts after (null before the first page): where a stopped listing resumes.</summary>
        public string? ResumeCursor => _request.GetQuery(Style == PagingStyle.PageToken ? "page" : "after");

        /// <summary>Starts the listing after <paramref name="cursor"/> (a ResumeCursor of a stopped listing).</summary>
        public void StartAfter(string cursor) => _request.SetQuery(Style == PagingStyle.PageToken ? "page" : "after", cursor);

        /// <summary>Fetches the next page; null once the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> NextPageAsync(IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (_done) return null;
            using var document = await FetchAsync(observer, cancellationToken).ConfigureAwait(false);
            PagesFetched++;
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && Style != PagingStyle.None &&
                (!root.TryGetProperty("data", out var listData) || listData.ValueKind != JsonValueKind.Array))
                throw new OpenAiResponseException($"GET /{_request.Path} answered a list whose 'data' is {(root.TryGetProperty("data", out var d) ? d.ValueKind.ToString().ToLowerInvariant() : "missing")}, not an array.");
            var items = new List<T>();
            string? lastItemId = null;
            using var reading = Json.TolerantReader.Observe(observer); // fields that do not fit their model are reported here
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in data.EnumerateArray())
                {
                    if (_expand != null) items.AddRange(_expand(element));
                    else items.Add(_map!(element));
                    if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                        lastItemId = id.GetString();
                }
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in root.EnumerateArray())
                {
                    if (_expand != null) items.AddRange(_expand(element));
                    else items.Add(_map!(element));
                }
            }

            var hasMore = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("has_more", out var more) && more.ValueKind == JsonValueKind.True;
            var next = hasMore ? NextCursor(root, lastItemId) : null;
            if (Style == PagingStyle.None || !hasMore || string.IsNullOrEmpty(next) || next == _request.GetQuery(Style == PagingStyle.PageToken ? "page" : "after") || items.Count == 0 && Style != PagingStyle.PageToken)
            {
                _done = true;
            }
            else
            {
                _request.SetQuery(Style == PagingStyle.PageToken ? "page" : "after", next);
            }
            return items;
        }

        private async Task<JsonDocument> FetchAsync(IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            for (var retry = 0; ; retry++)
            {
                try
                {
                    return await _client.SendJsonAsync(_request, observer, cancellationToken).ConfigureAwait(false);
                }
                catch (OpenAiException ex) when (retry < PageRetries && _client.MaxRetries > 0 && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
                {
                    var delay = _client.RetryDelay(Math.Min(retry + _client.MaxRetries, 4));
                    observer?.OnRetry(retry + 1, PageRetries, delay, "page failed after the connection's retries: " + ex.ErrorId);
                    await _client.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private static bool IsTransient(OpenAiException ex) =>
            ex is OpenAiTransportException ||
            ex is OpenAiApiException api && RetryPolicy.IsRetryableStatus(api.StatusCode) &&
            (api.RetryAfter is null || api.RetryAfter.Value <= TimeSpan.FromSeconds(60));

        private string? NextCursor(JsonElement root, string? lastItemId)
        {
            switch (Style)
            {
                case PagingStyle.PageToken:
                    return Text(root, "next_page");
                case PagingStyle.CursorAfter:
                    return Text(root, "last_id") ?? lastItemId;
                case PagingStyle.HasMoreOnly:
                    return lastItemId;
                case PagingStyle.NextCursor:
                    return Text(root, "next");
                default:
                    return null;
            }
        }

        private static string? Text(JsonElement root, string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
