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

        /// <summary>Fetches the next page; null once the list is exhausted.</summary>
        public async Task<IReadOnlyList<T>?> NextPageAsync(IOpenAiCallObserver? observer, CancellationToken cancellationToken)
        {
            if (_done) return null;
            using var document = await _client.SendJsonAsync(_request, observer, cancellationToken).ConfigureAwait(false);
            PagesFetched++;
            var root = document.RootElement;
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
