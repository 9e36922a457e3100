// Checks the emulator's replies against the spec: reads the replies-*.jsonl files the emulator writes when
// TRUTO_EMULATOR_REPLY_LOG names a directory (the whole Pester suite runs that way), finds each reply's operation in the
// operation table, and validates its body against the spec's schema for that operation's success answer
// (response-schemas.json, extracted at development time by src/tools/CatalogGen). Known disagreements between the spec's
// own examples and its schemas are listed in exceptions.tsv and in the emulator README: operation ("*" for all), JSON path
// (a regex over the reported path, array indexes as [n]), when (the kind of value excused there: null, string, number,
// integer, boolean, object, array, "several" for a oneOf that more than one branch matches, "*" for any), reason.
//
//   dotnet ReplyCheck.dll <reply-log-dir> [<report.json>]
// Prints a summary; writes a JSON report { checked, operations: { "GET /path": { checked, enforced, violations: [...] } } }.
// conformant.txt lists the operations whose replies have been made to conform (a ratchet: an operation joins it once its
// replies pass, and never leaves): exits 1 when a reply of one of those violates its schema. The others are reported.
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using TrutoOpenAi.Core.Catalog;

if (args.Length < 1) { Console.Error.WriteLine("usage: ReplyCheck <reply-log-dir> [<report.json>]"); return 2; }
var here = AppContext.BaseDirectory;
var schemaText = File.ReadAllText(Path.Combine(here, "response-schemas.json"));
var enforced = File.ReadAllLines(Path.Combine(here, "conformant.txt")).Select(l => l.Trim())
    .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
var exceptions = File.ReadAllLines(Path.Combine(here, "exceptions.tsv")).Skip(1).Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
    .Select(l => l.Split('\t')).Select(c => (Operation: c[0], JsonPath: new System.Text.RegularExpressions.Regex("^" + c[1] + "$"), When: c[2])).ToList();

// One schema document: the definitions plus one definition per operation, so refs resolve once.
var document = JsonNode.Parse(schemaText)!.AsObject();
var definitions = document["definitions"]!.AsObject();
var operations = document["operations"]!.AsObject();
var keys = new Dictionary<string, string>(StringComparer.Ordinal);
var n = 0;
foreach (var (key, value) in operations)
{
    var name = $"__operation_{n++}";
    keys[key] = name;
    definitions[name] = value!["schema"]!.DeepClone();
}
var root = await JsonSchema.FromJsonAsync(new JsonObject { ["definitions"] = definitions.DeepClone() }.ToJsonString());

var report = new SortedDictionary<string, (int Checked, List<string> Violations)>(StringComparer.Ordinal);
var total = 0;
var unmatched = 0;
var used = new HashSet<int>();
foreach (var file in Directory.Exists(args[0]) ? Directory.GetFiles(args[0], "replies-*.jsonl") : Array.Empty<string>())
{
    foreach (var line in File.ReadLines(file))
    {
        if (line.Length == 0) continue;
        var reply = JsonNode.Parse(line)!.AsObject();
        var method = (string)reply["method"]!;
        var path = ((string)reply["path"]!);
        if (path.StartsWith("/v1", StringComparison.Ordinal)) path = path.Substring(3);
        var query = (string?)reply["query"] ?? "";
        var operation = OperationTable.Find(new HttpMethod(method), query.Length > 0 ? path + "?" + query : path);
        if (operation is null) { unmatched++; continue; }
        var key = $"{operation.Method} {operation.Path}";
        if (!keys.TryGetValue(key, out var definition)) continue; // the spec gives no JSON schema for this answer
        total++;
        (int Checked, List<string> Violations) entry = report.TryGetValue(key, out var e) ? e : (0, new List<string>());
        entry.Checked++;
        var body = reply["body"]?.ToJsonString() ?? "null";
        foreach (var error in Leaves(root.Definitions[definition].Validate(body)))
        {
            // A null where an object is wanted is one violation (the type), not one more per required property.
            if (error.Kind == ValidationErrorKind.PropertyRequired && error.Token?.Type == Newtonsoft.Json.Linq.JTokenType.Null) continue;
            var where = Where(error);
            var found = Found(error);
            var excused = exceptions.FindIndex(x => (x.Operation == "*" || x.Operation == key) && x.JsonPath.IsMatch(where) && (x.When == "*" || x.When == found));
            if (excused >= 0) { used.Add(excused); continue; }
            var text = Describe(error, where);
            if (entry.Violations.Count < 20 && !entry.Violations.Contains(text)) entry.Violations.Add(text);
        }
        report[key] = entry;
    }
}

var failed = report.Where(r => r.Value.Violations.Count > 0 && enforced.Contains(r.Key)).ToList();
var pending = report.Where(r => r.Value.Violations.Count > 0 && !enforced.Contains(r.Key)).ToList();
var newlyConformant = report.Where(r => r.Value.Violations.Count == 0 && !enforced.Contains(r.Key)).Select(r => r.Key).ToList();
Console.WriteLine($"replies checked: {total} of {report.Count} operations ({unmatched} matched no operation); " +
    $"enforced operations with violations: {failed.Count}; not yet conformant: {pending.Count}; conformant but not listed yet: {newlyConformant.Count}");
foreach (var (title, list) in new[] { ("VIOLATIONS (conformant.txt lists these)", failed), ("not yet conformant (not enforced)", pending) })
{
    if (list.Count == 0) continue;
    Console.WriteLine(title + ":");
    foreach (var (key, (count, violations)) in list)
    {
        Console.WriteLine($"  {key} ({count} replies)");
        foreach (var v in violations) Console.WriteLine($"    {v}");
    }
}
foreach (var key in newlyConformant) Console.WriteLine($"conformant, add to conformant.txt: {key}");
for (var i = 0; i < exceptions.Count; i++)
{
    // An exception of an operation these replies reached that excused nothing: stale, or the run missed the case.
    var x = exceptions[i];
    if (!used.Contains(i) && (x.Operation == "*" ? report.Count > 0 : report.ContainsKey(x.Operation)))
        Console.WriteLine($"exception not used by these replies: {x.Operation} {x.JsonPath} ({x.When})");
}
if (args.Length > 1)
{
    var json = new JsonObject
    {
        ["checked"] = total,
        ["operations"] = new JsonObject(report.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)new JsonObject
        {
            ["checked"] = r.Value.Checked,
            ["enforced"] = enforced.Contains(r.Key),
            ["violations"] = new JsonArray(r.Value.Violations.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
        }))),
    };
    File.WriteAllText(args[1], json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
return failed.Count > 0 ? 1 : 0;

// An invalid array item reports its own errors (the field that is wrong, with the item's path), and so does a failed allOf
// (every part must hold, so each part's errors are real). A failed oneOf or anyOf is reported whole at its path, with the
// errors of its closest branch (the one with the fewest) to say what to change.
static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
{
    foreach (var error in errors)
    {
        if (error is ChildSchemaValidationError child && child.Errors.Count > 0 &&
            error.Kind is ValidationErrorKind.ArrayItemNotValid or ValidationErrorKind.NotAllOf or ValidationErrorKind.AdditionalItemNotValid)
        {
            foreach (var inner in Leaves(child.Errors.SelectMany(e => e.Value))) yield return inner;
            continue;
        }
        yield return error;
    }
}

// What the reply has where the error is, as exceptions.tsv's "when" column names it: the JSON kind of the value (null,
// string, number, integer, boolean, object, array), or "several" for a oneOf that more than one branch matches.
static string Found(ValidationError error)
{
    if (error is ChildSchemaValidationError union && error.Kind == ValidationErrorKind.NotOneOf &&
        union.Errors.Any(b => !Leaves(b.Value).Any()))
        return "several";
    return error.Token?.Type switch
    {
        Newtonsoft.Json.Linq.JTokenType.Null => "null",
        Newtonsoft.Json.Linq.JTokenType.String => "string",
        Newtonsoft.Json.Linq.JTokenType.Integer => "integer",
        Newtonsoft.Json.Linq.JTokenType.Float => "number",
        Newtonsoft.Json.Linq.JTokenType.Boolean => "boolean",
        Newtonsoft.Json.Linq.JTokenType.Object => "object",
        Newtonsoft.Json.Linq.JTokenType.Array => "array",
        _ => "other",
    };
}

static string Describe(ValidationError error, string where)
{
    var text = $"{where}: {error.Kind}{(error.Property is null ? "" : $" ({error.Property})")}";
    if (error is not ChildSchemaValidationError union || error.Kind is not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf))
        return text;
    var closest = union.Errors.Select(b => Leaves(b.Value).ToList()).OrderBy(b => b.Count).FirstOrDefault();
    if (closest is null) return text;
    if (closest.Count == 0) return text + " (more than one branch matches)";
    return text + "; closest branch: " + string.Join(", ", closest.Take(4).Select(e =>
        $"{Where(e)} {e.Kind}{(e.Property is null ? "" : $" ({e.Property})")}"));
}

static string Where(ValidationError error) => System.Text.RegularExpressions.Regex.Replace(error.Path ?? "#", @"\[\d+\]", "[n]");
