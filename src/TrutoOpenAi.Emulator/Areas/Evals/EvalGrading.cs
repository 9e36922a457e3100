using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrutoOpenAi.Emulator.Areas.Evals;

/// <summary>
/// How the emulator grades: templates ({{item.x}}, {{sample.output_text}}) are filled from the data source item and
/// the sample; string_check applies eq, ne, like (contains) or ilike (contains, ignoring case) and scores 1 or 0;
/// text_similarity computes fuzzy_match as 1 - Levenshtein distance / longer length, and every other metric (bleu,
/// gleu, meteor, cosine, rouge_*) as the F1 of shared words; it passes at pass_threshold. Other graders
/// (label_model, score_model, python, multi) are not run: they always pass with score 1.
/// </summary>
public static partial class EvalGrading
{
    public static readonly string[] CriterionTypes = ["label_model", "string_check", "text_similarity", "python", "score_model", "multi"];
    public static readonly string[] StringOperations = ["eq", "ne", "like", "ilike"];
    public static readonly string[] SimilarityMetrics = ["cosine", "fuzzy_match", "bleu", "gleu", "meteor", "rouge_1", "rouge_2", "rouge_3", "rouge_4", "rouge_5", "rouge_l"];

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*)\s*\}\}")]
    private static partial Regex Variable();

    /// <summary>Fills {{item.path}} and {{sample.path}} from the namespaces; unknown references become empty.</summary>
    public static string Render(string template, JsonNode? item, JsonNode? sample) =>
        Variable().Replace(template, match =>
        {
            var parts = match.Groups[1].Value.Split('.');
            JsonNode? node = parts[0] switch { "item" => item, "sample" => sample, _ => null };
            for (var i = 1; i < parts.Length && node is not null; i++)
                node = node is JsonArray array && int.TryParse(parts[i], out var index) ? (index < array.Count ? array[index] : null) : (node as JsonObject)?[parts[i]];
            return node switch
            {
                null => string.Empty,
                JsonValue value when value.TryGetValue<string>(out var text) => text,
                _ => node.ToJsonString(),
            };
        });

    /// <summary>Grades one item with one criterion.</summary>
    public static EvalGraderResult Grade(JsonObject criterion, JsonNode item, JsonNode sample)
    {
        var name = (string?)criterion["name"] ?? "grader";
        var type = (string?)criterion["type"] ?? "";
        switch (type)
        {
            case "string_check":
            {
                var input = Render((string?)criterion["input"] ?? "", item, sample);
                var reference = Render((string?)criterion["reference"] ?? "", item, sample);
                var pass = (string?)criterion["operation"] switch
                {
                    "eq" => input == reference,
                    "ne" => input != reference,
                    "like" => input.Contains(reference, StringComparison.Ordinal),
                    "ilike" => input.Contains(reference, StringComparison.OrdinalIgnoreCase),
                    _ => false,
                };
                return new EvalGraderResult(name, "string-check-grader", pass ? 1 : 0, pass);
            }
            case "text_similarity":
            {
                var input = Render((string?)criterion["input"] ?? "", item, sample);
                var reference = Render((string?)criterion["reference"] ?? "", item, sample);
                var score = Math.Round((string?)criterion["evaluation_metric"] == "fuzzy_match" ? Fuzzy(input, reference) : WordF1(input, reference), 4);
                var threshold = criterion["pass_threshold"] is JsonValue t && t.TryGetValue<double>(out var d) ? d : 1.0;
                return new EvalGraderResult(name, "text-similarity-grader", score, score >= threshold);
            }
            default:
                return new EvalGraderResult(name, type.Replace('_', '-') + "-grader", 1, true);
        }
    }

    /// <summary>1 - edit distance / length of the longer text (1 for two empty texts).</summary>
    public static double Fuzzy(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1.0 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    /// <summary>F1 of the words the two texts share (case-insensitive).</summary>
    public static double WordF1(string a, string b)
    {
        var left = Words(a);
        var right = Words(b);
        if (left.Count == 0 || right.Count == 0) return left.Count == right.Count ? 1 : 0;
        var pool = right.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        var shared = 0;
        foreach (var word in left)
        {
            if (pool.TryGetValue(word, out var n) && n > 0) { shared++; pool[word] = n - 1; }
        }
        if (shared == 0) return 0;
        var precision = (double)shared / left.Count;
        var recall = (double)shared / right.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }
}
