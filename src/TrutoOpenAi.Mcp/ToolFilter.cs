using System.Text.RegularExpressions;

namespace TrutoOpenAi.Mcp;

/// <summary>
/// Which tools the server offers: all by default; narrowed to read-only tools, to areas, to Truto's kinds
/// (read, write, custom) or to name patterns (wildcards * and ?); exclusions win.
/// </summary>
public sealed class ToolFilter
{
    public bool ReadOnly { get; set; }
    public List<string> Areas { get; } = new();
    public List<string> Kinds { get; } = new();
    public List<string> Include { get; } = new();
    public List<string> Exclude { get; } = new();

    public bool Allows(ToolDefinition tool)
    {
        if (ReadOnly && !tool.ReadOnly) return false;
        if (Areas.Count > 0 && !Areas.Any(a => string.Equals(a, tool.Area, StringComparison.OrdinalIgnoreCase))) return false;
        if (Kinds.Count > 0 && !Kinds.Any(k => string.Equals(k, tool.Kind, StringComparison.OrdinalIgnoreCase))) return false;
        if (Include.Count > 0 && !Include.Any(p => Matches(p, tool.Name))) return false;
        if (Exclude.Any(p => Matches(p, tool.Name))) return false;
        return true;
    }

    public static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern.Trim()).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase);

    public static IEnumerable<string> SplitList(string? value) =>
        (value ?? "").Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString()
    {
        var parts = new List<string>();
        if (ReadOnly) parts.Add("read-only");
        if (Areas.Count > 0) parts.Add("areas " + string.Join(",", Areas));
        if (Kinds.Count > 0) parts.Add("kinds " + string.Join(",", Kinds));
        if (Include.Count > 0) parts.Add("tools " + string.Join(",", Include));
        if (Exclude.Count > 0) parts.Add("excluding " + string.Join(",", Exclude));
        return parts.Count == 0 ? "all tools" : string.Join("; ", parts);
    }
}
