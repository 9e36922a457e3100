namespace TrutoOpenAi.Emulator.Infrastructure;

/// <summary>Anything kept in an <see cref="OrderedStore{T}"/>: an immutable record with an id.</summary>
public interface IHasId
{
    string Id { get; }
}

/// <summary>
/// Thread-safe, insertion-ordered collection of immutable items (oldest first), built for cheap cursor paging over
/// hundreds of thousands of items: an append-only slot list plus an id → slot dictionary. A page walks from the
/// cursor's slot and touches only the items it returns (plus those a filter skips); nothing is sorted or copied
/// per request. Updates replace the item in its slot; removal tombstones the slot (its id stays a valid cursor).
/// Keep items in creation order: append in created_at order (the helpers below never reorder).
/// </summary>
public sealed class OrderedStore<T> where T : class, IHasId
{
    private readonly object _gate = new();
    private List<T?> _slots = new();
    private Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private int _live;

    public int Count { get { lock (_gate) { return _live; } } }

    /// <summary>The newest live item (or null).</summary>
    public T? Last
    {
        get
        {
            lock (_gate)
            {
                for (var i = _slots.Count - 1; i >= 0; i--) if (_slots[i] is { } item) return item;
                return null;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _slots = new();
            _index = new(StringComparer.Ordinal);
            _live = 0;
        }
    }

    /// <summary>Append; false if the id exists already.</summary>
    public bool TryAdd(T item)
    {
        lock (_gate)
        {
            if (!_index.TryAdd(item.Id, _slots.Count)) return false;
            _slots.Add(item);
            _live++;
            return true;
        }
    }

    /// <summary>Append many under one lock (seeding). Items whose id exists already are skipped; returns how many were added.</summary>
    public int AddRange(IEnumerable<T> items, int capacityHint = 0)
    {
        lock (_gate)
        {
            if (capacityHint > 0)
            {
                _slots.EnsureCapacity(_slots.Count + capacityHint);
                _index.EnsureCapacity(_index.Count + capacityHint);
            }
            var added = 0;
            foreach (var item in items)
            {
                if (!_index.TryAdd(item.Id, _slots.Count)) continue;
                _slots.Add(item);
                added++;
            }
            _live += added;
            return added;
        }
    }

    /// <summary>Append an item built from the newest live item (e.g. to keep created_at non-decreasing), atomically.</summary>
    public T Append(Func<T?, T> create)
    {
        lock (_gate)
        {
            T? last = null;
            for (var i = _slots.Count - 1; i >= 0 && last is null; i--) last = _slots[i];
            var item = create(last);
            if (!_index.TryAdd(item.Id, _slots.Count)) throw new InvalidOperationException($"Duplicate id {item.Id}");
            _slots.Add(item);
            _live++;
            return item;
        }
    }

    /// <summary>The first live item matching <paramref name="predicate"/>, in insertion order (a linear scan).</summary>
    public T? Find(Func<T, bool> predicate)
    {
        lock (_gate)
        {
            foreach (var item in _slots) if (item is not null && predicate(item)) return item;
            return null;
        }
    }

    /// <summary>A copy of the live items in insertion order.</summary>
    public List<T> Snapshot()
    {
        lock (_gate)
        {
            var list = new List<T>(_live);
            foreach (var item in _slots) if (item is not null) list.Add(item);
            return list;
        }
    }

    public T? Get(string id)
    {
        lock (_gate)
        {
            return _index.TryGetValue(id, out var slot) ? _slots[slot] : null;
        }
    }

    /// <summary>
    /// Atomically replace the item with <paramref name="update"/>(current). The function may throw an
    /// <see cref="ApiException"/> to refuse (nothing changes). Returns null if the id is unknown or removed.
    /// </summary>
    public T? Update(string id, Func<T, T> update)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(id, out var slot) || _slots[slot] is not { } current) return null;
            var next = update(current);
            if (!string.Equals(next.Id, current.Id, StringComparison.Ordinal)) throw new InvalidOperationException("An update cannot change the id.");
            _slots[slot] = next;
            return next;
        }
    }

    /// <summary>Tombstone; returns the removed item or null.</summary>
    public T? Remove(string id)
    {
        lock (_gate)
        {
            if (!_index.TryGetValue(id, out var slot) || _slots[slot] is not { } current) return null;
            _slots[slot] = null;
            _live--;
            return current;
        }
    }

    /// <summary>
    /// One page in the cursor-after style. <paramref name="after"/>/<paramref name="before"/> are ids of items in this
    /// store (removed items still count as positions). Returns false when a cursor id is unknown (<paramref name="unknownCursor"/> names it).
    /// Ascending = insertion (created_at) order. With <paramref name="before"/>, the page holds the items right before
    /// the cursor, still in the requested order.
    /// </summary>
    public bool TryPage(int limit, string? after, string? before, bool descending, Func<T, bool>? filter, out List<T> page, out bool hasMore, out string? unknownCursor)
    {
        page = new List<T>(Math.Min(limit, 128));
        hasMore = false;
        unknownCursor = null;
        lock (_gate)
        {
            var count = _slots.Count;
            int afterSlot = -1, beforeSlot = -1;
            if (after is not null && !_index.TryGetValue(after, out afterSlot)) { unknownCursor = "after"; return false; }
            if (before is not null && !_index.TryGetValue(before, out beforeSlot)) { unknownCursor = "before"; return false; }

            // The window of slots allowed by the cursors, in ascending slot numbers: [lo, hi).
            int lo = 0, hi = count;
            if (!descending)
            {
                if (after is not null) lo = afterSlot + 1;
                if (before is not null) hi = Math.Min(hi, beforeSlot);
            }
            else
            {
                if (after is not null) hi = afterSlot;
                if (before is not null) lo = Math.Max(lo, beforeSlot + 1);
            }

            // Walking direction: normally in the requested order from the cursor; with only "before",
            // walk away from the before-cursor (towards the start of the list) and flip the page afterwards.
            var towardsHigh = !descending;
            var flip = before is not null && after is null;
            if (flip) towardsHigh = !towardsHigh;

            var i = towardsHigh ? lo : hi - 1;
            while (towardsHigh ? i < hi : i >= lo)
            {
                var item = _slots[i];
                if (item is not null && (filter is null || filter(item)))
                {
                    if (page.Count == limit) { hasMore = true; break; }
                    page.Add(item);
                }
                i += towardsHigh ? 1 : -1;
            }
            if (flip) page.Reverse();
        }
        return true;
    }
}
