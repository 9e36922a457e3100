using System.Collections.Generic;

namespace TrutoOpenAi.Core.Unified
{
    /// <summary>
    /// A list whose text is its items, "a; b": a list property of a unified object reads well in Export-Csv,
    /// string expansion and narrow table columns instead of showing its type name.
    /// </summary>
    public sealed class DisplayList<T> : List<T>
    {
        public DisplayList() { }

        public DisplayList(IEnumerable<T> items) : base(items) { }

        public override string ToString() => string.Join("; ", this);
    }
}
