// Derives the operation table (src/TrutoOpenAi.Core/Catalog/operations.tsv: one row of facts per operation) and the MCP
// tool schemas (tools.json) from the product's tool list (../shared/reference/operations.tsv), the spec's other operations
// (extra_operations.tsv) and the OpenAI spec (../shared/reference/openapi.yaml).
// Development time only; the derived files are checked in, so users and tests never need ../shared.
//
//   dotnet run --project src/tools/CatalogGen -- [--reference ../shared/reference] [--out src/TrutoOpenAi.Core/Catalog]
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

var repoRoot = FindRepoRoot(Directory.GetCurrentDirectory());
string reference = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "reference"));
string outDir = Path.Combine(repoRoot, "src", "TrutoOpenAi.Core", "Catalog");
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--reference") reference = Path.GetFullPath(args[++i]);
    else if (args[i] == "--out") outDir = Path.GetFullPath(args[++i]);
}
if (!Directory.Exists(reference) || !File.Exists(Path.Combine(reference, "openapi.yaml")))
{
    // Worktrees live beside the main repo: /work/wt-x/../shared as well as /work/main/../shared.
    Console.Error.WriteLine($"No openapi.yaml under {reference}; pass --reference <dir>.");
    return 2;
}

Console.Error.WriteLine($"Reading {reference}/openapi.yaml ...");
var spec = LoadYaml(Path.Combine(reference, "openapi.yaml"));
var rows = ReadTsv(Path.Combine(reference, "operations.tsv"));
var extraRows = ReadTsv(Path.Combine(reference, "extra_operations.tsv"));
var converter = new SchemaConverter(spec);
var tools = new JsonArray();
var table = new List<string[]>();
var warnings = new List<string>();

// The 157 seed tools keep their names; the extra operations get names in the same pattern (ExtraName).
var named = rows.Select(r => (Row: r, Name: r["tool"], Seed: true)).ToList();
var taken = named.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
foreach (var r in extraRows)
{
    var extraName = ExtraName(r["http_method"].ToUpperInvariant(), r["path"]);
    if (!taken.Add(extraName)) throw new InvalidOperationException($"Two operations would be named {extraName}: give ExtraName a rule for {r["http_method"]} {r["path"]}.");
    named.Add((r, extraName, false));
}

foreach (var (row, name, seed) in named)
{
    var method = row["http_method"].ToUpperInvariant();
    var path = row["path"];
    var operationId = row["spec_operationId"];
    var notes = row.GetValueOrDefault("notes") ?? "";
    var bodyType = row["body_content_type"];
    var responseKind = row["response_kind"];
    var paging = PagingStyle(row["list_pagination"]);
    bool adminKey;
    var pathItem = spec["paths"]?[path] as JsonObject;
    var operation = pathItem?[method.ToLowerInvariant()] as JsonObject;
    if (operation is null && !string.IsNullOrEmpty(operationId))
        warnings.Add($"{name}: no {method} {path} in the spec");
    if (operation != null && (string?)operation["operationId"] != operationId)
        throw new InvalidOperationException($"{name}: the spec's operationId of {method} {path} is {(string?)operation["operationId"]}, the tool list says {operationId}.");
    // Key kind from the spec: AdminApiKeyAuth security, or a summary saying the endpoint "requires an admin API key"
    // (the checkpoint permissions: their security is not declared, their text says so). /me is not in the spec: API key.
    var adminFromSpec = operation != null && KeyKindIsAdmin(operation);
    if (row["api_key_kind"] is "yes" or "no" && (row["api_key_kind"] == "yes") != adminFromSpec)
        warnings.Add($"{name}: the tool list says api_key_kind={row["api_key_kind"]}, the spec says {(adminFromSpec ? "admin" : "api")}; the spec wins");
    adminKey = adminFromSpec;

    var properties = new JsonObject();
    var required = new List<string>();
    var parameters = new JsonArray();
    var files = new JsonArray();

    // Path and query parameters (path-item level first, then the operation's).
    var specParameters = new List<JsonObject>();
    foreach (var list in new[] { pathItem?["parameters"] as JsonArray, operation?["parameters"] as JsonArray })
        if (list != null)
            foreach (var p in list) specParameters.Add(converter.Deref(p!) as JsonObject ?? new JsonObject());
    foreach (Match m in Regex.Matches(path, @"\{([^}]+)\}"))
        if (!specParameters.Any(p => (string?)p["name"] == m.Groups[1].Value && (string?)p["in"] == "path"))
            specParameters.Insert(0, new JsonObject { ["name"] = m.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });

    foreach (var p in specParameters)
    {
        var pname = (string)p["name"]!;
        var location = (string)p["in"]!;
        if (location != "path" && location != "query") continue; // headers (OpenAI-Beta...) are the server's business
        if (location == "query" && paging != "None" && (pname == "after" || (pname == "page" && paging == "PageToken")))
            continue; // replaced by next_cursor
        if (location == "query" && pname == "stream" && responseKind != "json") continue; // JSON answers only
        var schema = converter.Convert(p["schema"] ?? new JsonObject(), 0);
        var description = SchemaConverter.Clean((string?)p["description"]) ?? (string?)schema["description"];
        if (location == "path")
        {
            schema = new JsonObject { ["type"] = "string", ["minLength"] = 1, ["pattern"] = "^[^/\\\\]+$" };
            description ??= $"The {pname.Replace('_', ' ')}.";
        }
        if (description != null) schema["description"] = description;
        // Argument names stay plain identifiers (some hosts refuse brackets): project_ids[] is the argument project_ids.
        var argName = pname.Replace("[]", "");
        if (properties.ContainsKey(argName)) { warnings.Add($"{name}: parameter {argName} twice"); continue; }
        properties[argName] = schema;
        var isRequired = location == "path" || p["required"]?.GetValue<bool>() == true;
        if (isRequired) required.Add(argName);
        var parameter = new JsonObject { ["name"] = argName, ["in"] = location, ["field"] = pname };
        if ((string?)p["style"] is string style) parameter["style"] = style;
        parameters.Add(parameter);
    }

    // The body, flattened into the same argument object.
    var bodySchema = operation?["requestBody"] is JsonNode rb ? converter.Deref(rb)?["content"]?[bodyType == "none" ? "application/json" : bodyType]?["schema"] : null;
    if (bodySchema != null)
    {
        var converted = converter.Convert(bodySchema, 0);
        var bodyProperties = converted["properties"] as JsonObject ?? new JsonObject();
        var bodyRequired = (converted["required"] as JsonArray)?.Select(n => (string)n!).ToHashSet() ?? new HashSet<string>();
        foreach (var (bname, bschemaNode) in bodyProperties.ToList())
        {
            var bschema = (JsonObject)bschemaNode!.DeepClone();
            if (responseKind != "json" && (bname == "stream" || bname == "stream_options" || (bname == "stream_format"))) continue;
            var argName = bname;
            if (properties.ContainsKey(argName))
            {
                argName = "body_" + bname;
                warnings.Add($"{name}: body field {bname} collides with a parameter: argument {argName}");
            }
            var isRequired = bodyRequired.Contains(bname);
            var file = FileKind(bschema);
            if (file != null && bodyType == "multipart/form-data")
            {
                var array = file == "array";
                var what = SchemaConverter.Clean((string?)bschema["description"]) ?? "The file.";
                properties[argName] = array
                    ? new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" }, ["description"] = what + " Local file path(s) to upload (or use " + argName + "_base64)." }
                    : new JsonObject { ["type"] = "string", ["description"] = what + " Local path of the file to upload (or give its content in " + argName + "_base64)." };
                properties[argName + "_base64"] = new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64", ["description"] = $"The content of {argName}, base64-encoded, instead of a local path." };
                properties[argName + "_filename"] = new JsonObject { ["type"] = "string", ["description"] = $"The file name sent with {argName}_base64 (its extension tells the API the format)." };
                files.Add(new JsonObject { ["field"] = bname, ["argument"] = argName, ["kind"] = "binary", ["array"] = array, ["required"] = isRequired });
                parameters.Add(new JsonObject { ["name"] = argName, ["in"] = "file", ["field"] = bname });
                continue; // required-ness is checked by the server: a path or base64 content
            }
            properties[argName] = bschema;
            if (isRequired) required.Add(argName);
            parameters.Add(new JsonObject { ["name"] = argName, ["in"] = bodyType == "multipart/form-data" ? "form" : "body", ["field"] = bname });
        }
        if (name == "create_a_openai_certificate" && properties.ContainsKey("certificate"))
        {
            // The certificate is PEM text: let agents point at a local file instead of pasting it.
            properties["certificate_path"] = new JsonObject { ["type"] = "string", ["description"] = "Local path of a PEM file whose text is sent as `certificate` (instead of giving the text)." };
            files.Add(new JsonObject { ["field"] = "certificate", ["argument"] = "certificate", ["kind"] = "text", ["array"] = false, ["required"] = true });
            required.Remove("certificate");
            parameters.Add(new JsonObject { ["name"] = "certificate_path", ["in"] = "file", ["field"] = "certificate" });
        }
    }

    var isList = paging != "None" || (name.StartsWith("list_all_", StringComparison.Ordinal) && responseKind == "json" && path != "/me");
    if (paging != "None")
    {
        properties["next_cursor"] = new JsonObject
        {
            ["type"] = "string",
            ["description"] = "The next_cursor of the previous page's result, to fetch the next page. Omit for the first page.",
        };
    }
    if (responseKind == "binary")
    {
        properties["output_path"] = new JsonObject { ["type"] = "string", ["description"] = "Where to write the returned bytes (a local file path). Default: a new file in the temp folder. The result gives the path." };
        properties["return_base64"] = new JsonObject { ["type"] = "boolean", ["description"] = "Return the bytes base64-encoded in the result instead of writing a file." };
    }

    var inputSchema = new JsonObject { ["type"] = "object", ["properties"] = properties };
    if (required.Count > 0) inputSchema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());

    var summary = SchemaConverter.Clean((string?)operation?["summary"]) ?? SchemaConverter.Clean((string?)operation?["description"]);
    var toolDescription = Describe(name, method, path, summary, notes, isList, paging, responseKind, bodyType, operation is null);
    // Read-only: GETs and the POSTs that only compute an answer from stored data (search, token counts, validation).
    var readOnly = method == "GET" || name == "list_all_openai_vector_store_search" || Regex.IsMatch(path, "/(input_tokens|validate)(\\?|$)");
    var destructive = method == "DELETE" || Regex.IsMatch(name, "(cancel|archive|deactivate|hangup|reject)", RegexOptions.IgnoreCase);
    // Whether sending the request twice leaves the account as sending it once does, so the client may retry it after the
    // server may already have acted: reads, deletes, updates (they set given values), and actions that move an object to a
    // state (cancel, archive, activate, pause ...). Creates and the other actions (complete, submit, accept ...) are not.
    // An upload part sent twice is safe too: the copy is an orphan the completion never names.
    var safeToRepeat = method != "POST" || readOnly || destructive || name.StartsWith("update_", StringComparison.Ordinal)
        || Regex.IsMatch(name, "_(activate|pause|resume)$") || name == "openai_uploads_add";

    // The operation table: one row of facts per operation (see WriteTable for the columns).
    table.Add(new[]
    {
        name, method, path, operationId, seed ? "yes" : "no", Area(path), adminKey ? "admin" : "api",
        string.Join("; ", RequiredHeaders(path, specParameters)), paging, PageSize(specParameters, paging),
        bodyType switch { "none" => "none", "application/json" => "json", "multipart/form-data" => "multipart", _ => bodyType },
        responseKind.StartsWith("text", StringComparison.Ordinal) ? "text" : responseKind,
        destructive ? "destructive" : readOnly ? "read" : "write",
        safeToRepeat ? "safe" : "once",
    });

    tools.Add(new JsonObject
    {
        ["name"] = name,
        ["description"] = toolDescription,
        ["list"] = isList,
        ["parameters"] = parameters,
        ["files"] = files.Count > 0 ? files : null,
        ["input_schema"] = inputSchema,
    });
}

// The columns are described in src/TrutoOpenAi.Mcp/README.md ("The operation table"); no comment lines, so Import-Csv reads it.
var tableText = new StringBuilder(string.Join("\t", TableColumns)).Append('\n');
foreach (var cells in table) tableText.Append(string.Join("\t", cells)).Append('\n');

var document = new JsonObject
{
    ["generated_by"] = "src/tools/CatalogGen (dotnet run --project src/tools/CatalogGen)",
    ["spec_version"] = File.Exists(Path.Combine(reference, "SPEC_VERSION.txt")) ? File.ReadAllText(Path.Combine(reference, "SPEC_VERSION.txt")).Trim() : null,
    ["tools"] = tools,
};
var options = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
Directory.CreateDirectory(outDir);
File.WriteAllText(Path.Combine(outDir, "tools.json"), document.ToJsonString(options).Replace("\r\n", "\n") + "\n");
File.WriteAllText(Path.Combine(outDir, "operations.tsv"), tableText.ToString());
var schemasFile = Path.Combine(repoRoot, "src", "tools", "ReplyCheck", "response-schemas.json");
File.WriteAllText(schemasFile, ResponseSchemas.Extract(spec, table.Select(t => (t[0], t[1], t[2]))).ToJsonString(options).Replace("\r\n", "\n") + "\n");
foreach (var w in warnings) Console.Error.WriteLine("warning: " + w);
Console.Error.WriteLine($"Wrote {schemasFile} ({new FileInfo(schemasFile).Length / 1024} KiB): the success answers' schemas for tests/Pester/Conformance.");
Console.Error.WriteLine($"Wrote {table.Count} operations to {outDir}/operations.tsv and their tool schemas to tools.json ({new FileInfo(Path.Combine(outDir, "tools.json")).Length / 1024} KiB).");
return 0;

static bool KeyKindIsAdmin(JsonObject operation)
{
    if (operation["security"] is JsonArray security && security.OfType<JsonObject>().Any(s => s.ContainsKey("AdminApiKeyAuth"))) return true;
    var text = Regex.Replace(((string?)operation["summary"] ?? "") + " " + ((string?)operation["description"] ?? ""), @"\s+", " ");
    return text.Contains("requires an [admin API key]", StringComparison.OrdinalIgnoreCase);
}

// The assistants family (assistants, threads, messages, runs, run steps) needs OpenAI-Beta: assistants=v2 (every example
// of the spec sends it); the spec's "?beta=true" variants of the Responses API are the ones sent with the beta header.
static IEnumerable<string> RequiredHeaders(string path, List<JsonObject> parameters)
{
    var first = path.Trim('/').Split('/', '?')[0];
    if (first is "assistants" or "threads") yield return "OpenAI-Beta: assistants=v2";
    if (path.Contains("?beta=true", StringComparison.Ordinal))
    {
        var header = parameters.FirstOrDefault(p => string.Equals((string?)p["name"], "openai-beta", StringComparison.OrdinalIgnoreCase) && (string?)p["in"] == "header")
            ?? throw new InvalidOperationException($"{path}: a beta variant without an openai-beta header parameter");
        var values = (header["schema"]?["items"]?["enum"] ?? header["schema"]?["enum"]) as JsonArray;
        yield return "OpenAI-Beta: " + string.Join(",", values!.Select(v => (string)v!));
    }
}

// The limit parameter's range: schema minimum/maximum, else the description's "between X and Y" / "range X-Y",
// per bucket width for usage ("1d: default 7, max 31"). Empty where the spec gives none.
static string PageSize(List<JsonObject> parameters, string paging)
{
    var limit = parameters.FirstOrDefault(p => (string?)p["name"] == "limit" && (string?)p["in"] == "query");
    if (limit is null || paging == "None") return "";
    var schema = limit["schema"] as JsonObject;
    var text = Regex.Replace(((string?)limit["description"] ?? "") + " " + ((string?)schema?["description"] ?? ""), @"\s+", " ");
    text = Regex.Replace(text, @"(\d),(\d{3})", "$1$2"); // 10,000
    var widths = Regex.Matches(text, @"bucket_width=(\w+)`?:\s*default:?\s*\d+,?\s*max:?\s*(\d+)");
    if (widths.Count > 0) return string.Join(",", widths.Select(m => $"{m.Groups[1].Value}=1-{m.Groups[2].Value}"));
    var min = (long?)schema?["minimum"];
    var max = (long?)schema?["maximum"];
    if (max != null) return $"{min ?? 1}-{max}";
    var between = Regex.Match(text, @"between (\d+) and (\d+)");
    if (between.Success) return $"{between.Groups[1].Value}-{between.Groups[2].Value}";
    var range = Regex.Match(text, @"range (?:is )?(?:from )?(\d+) ?(?:-|to) ?(\d+)");
    if (range.Success) return $"{range.Groups[1].Value}-{range.Groups[2].Value}";
    var maxOnly = Regex.Match(text, @"(?:maximum|max)(?: of|:)? (\d+)");
    return maxOnly.Success ? $"1-{maxOnly.Groups[1].Value}" : "";
}

// A name for an extra operation in the seed tools' pattern: list_all_openai_<noun>, get_single_openai_<noun>_by_id,
// create_a_openai_<noun>, update_a_openai_<noun>_by_id, delete_a_openai_<noun>_by_id, openai_<collection>_<action>.
// The noun joins the (singular) parent collections and the last one, without organization/ (and usage/, as the
// seed usage tools do); a "?beta=true" variant gets _beta.
static string ExtraName(string method, string specPath)
{
    var beta = specPath.Contains("?beta=true", StringComparison.Ordinal);
    var segments = specPath.Split('?')[0].Trim('/').Split('/').ToList();
    if (segments[0] == "organization") segments.RemoveAt(0);
    if (segments.Count > 1 && segments[0] == "usage") segments.RemoveAt(0);
    if (segments.Count > 1 && segments[0] == "fine_tuning" && segments[1] == "alpha") segments.RemoveAt(1);
    var endsWithId = segments[^1].StartsWith('{');
    var literals = segments.Where(s => !s.StartsWith('{')).ToList();
    string name;
    if (method == "POST" && !endsWithId && Actions.Contains(literals[^1]) && literals.Count > 1)
    {
        var verb = literals[^1];
        var owner = literals.Take(literals.Count - 1).ToList();
        name = "openai_" + string.Join("_", owner.Take(owner.Count - 1).Select(Singular).Append(owner[^1])) + "_" + verb;
    }
    else
    {
        var nouns = literals.Take(literals.Count - 1).Select(Singular).Append(literals[^1]).ToList();
        var plural = string.Join("_", nouns);
        var single = string.Join("_", nouns.Take(nouns.Count - 1).Append(Singular(nouns[^1])));
        name = (method, endsWithId) switch
        {
            ("GET", true) => $"get_single_openai_{single}_by_id",
            ("GET", false) => $"list_all_openai_{plural}",
            ("DELETE", true) => $"delete_a_openai_{single}_by_id",
            ("DELETE", false) => $"delete_a_openai_{single}",
            ("POST", true) => $"update_a_openai_{single}_by_id",
            _ => Singletons.Contains(literals[^1]) ? $"update_a_openai_{single}" : $"create_a_openai_{single}",
        };
    }
    return beta ? name + "_beta" : name;
}

static string Singular(string noun) =>
    noun.EndsWith("ies", StringComparison.Ordinal) ? noun[..^3] + "y"
    : noun.EndsWith("sses", StringComparison.Ordinal) || noun.EndsWith("ches", StringComparison.Ordinal) || noun.EndsWith("shes", StringComparison.Ordinal) ? noun[..^2]
    : noun.EndsWith("s", StringComparison.Ordinal) && !noun.EndsWith("ss", StringComparison.Ordinal) ? noun[..^1]
    : noun;


static string Describe(string name, string method, string path, string? summary, string notes, bool isList, string paging, string responseKind, string bodyType, bool noOperation)
{
    var text = new StringBuilder();
    if (noOperation)
    {
        text.Append("Returns details of the user or key that makes the call (GET /me). Not documented in the OpenAI API reference: the answer's shape is whatever the API returns, and it may fail where the endpoint is not offered.");
    }
    else
    {
        text.Append(summary?.TrimEnd('.') ?? name).Append('.');
    }
    var firstNote = notes.Split(" | ")[0];
    if (Regex.IsMatch(firstNote, "^(USAGE endpoint|Despite|Lists ADMIN|Raw file bytes|Cancel is POST)"))
        text.Append(' ').Append(firstNote.Split(" Truto")[0].Trim());
    text.Append($" ({method} {path}).");
    if (isList)
        text.Append(paging == "None"
            ? " Returns {result, next_cursor (always null: one page), result_count}."
            : " Returns one page as {result, next_cursor, result_count}; pass next_cursor back to get the next page (null when there are no more).");
    if (bodyType == "multipart/form-data") text.Append(" Files are given as a local path or as base64 content.");
    if (responseKind == "binary") text.Append(" The bytes are written to a file whose path is returned (output_path), or returned as base64 (return_base64).");
    if (responseKind == "sse-or-json") text.Append(" Streaming is not offered here: the answer is returned whole.");
    return text.ToString();
}

static string? FileKind(JsonObject schema)
{
    if ((string?)schema["format"] == "binary") return "single";
    if (schema["items"] is JsonObject items && (string?)items["format"] == "binary") return "array";
    if (schema["anyOf"] is JsonArray any)
    {
        var kinds = any.OfType<JsonObject>().Select(FileKind).ToList();
        if (kinds.Contains("array")) return "array";
        if (kinds.Contains("single")) return "single";
    }
    return null;
}

static string PagingStyle(string label) =>
    label.StartsWith("cursor-after", StringComparison.Ordinal) ? "CursorAfter"
    : label.StartsWith("page-token", StringComparison.Ordinal) ? "PageToken"
    : label.Contains("has_more only", StringComparison.Ordinal) ? "HasMoreOnly"
    : label.Contains("with next cursor", StringComparison.Ordinal) ? "NextCursor"
    : "None";

static string Area(string path)
{
    var segments = path.Split('?')[0].Trim('/').Split('/');
    if (segments[0] == "organization")
    {
        if (segments.Length > 1 && segments[1] == "projects") return "Projects";
        if (segments.Length > 1 && (segments[1] == "usage" || segments[1] == "costs")) return "Usage";
        return "Organization";
    }
    return segments[0] switch
    {
        "me" => "Organization",
        "responses" => "Responses",
        "conversations" => "Conversations",
        "audio" => "Audio",
        "images" => "Images",
        "evals" => "Evals",
        "fine_tuning" => "FineTuning",
        "batches" => "Batches",
        "files" => "Files",
        "uploads" => "Uploads",
        "models" => "Models",
        "vector_stores" => "VectorStores",
        "containers" => "Containers",
        "chat" => "ChatCompletions",
        "assistants" => "Assistants",
        "threads" => "Threads",
        _ => char.ToUpperInvariant(segments[0][0]) + segments[0].Substring(1),
    };
}

static List<Dictionary<string, string>> ReadTsv(string file)
{
    var lines = File.ReadAllLines(file).Where(l => l.Length > 0).ToList();
    var header = lines[0].Split('\t');
    return lines.Skip(1).Select(l =>
    {
        var cells = l.Split('\t');
        var row = new Dictionary<string, string>();
        for (var i = 0; i < header.Length; i++) row[header[i]] = i < cells.Length ? cells[i] : "";
        return row;
    }).ToList();
}

static string FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "TrutoOpenAi.sln"))) return dir.FullName;
    return start;
}

static JsonObject LoadYaml(string file)
{
    // Whitespace-only lines become empty: YamlDotNet refuses one as the first line of a `|+` block (an example in the spec).
    var text = Regex.Replace(File.ReadAllText(file), @"(?m)^[ \t]+$", "");
    var stream = new YamlStream();
    using (var reader = new StringReader(text)) stream.Load(reader);
    return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
}

static JsonNode? ToJson(YamlNode node)
{
    switch (node)
    {
        case YamlMappingNode map:
            var obj = new JsonObject();
            foreach (var (k, v) in map.Children) obj[((YamlScalarNode)k).Value!] = ToJson(v);
            return obj;
        case YamlSequenceNode seq:
            return new JsonArray(seq.Children.Select(ToJson).ToArray());
        case YamlScalarNode scalar:
            var value = scalar.Value ?? "";
            if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
            if (value is "null" or "~" or "") return null;
            if (value is "true" or "false") return JsonValue.Create(value == "true");
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
            if (Regex.IsMatch(value, @"^-?\d+\.\d+([eE][-+]?\d+)?$") && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return JsonValue.Create(d);
            return JsonValue.Create(value);
        default:
            return null;
    }
}

/// <summary>OpenAPI 3.1 schema -> a compact JSON Schema for tool input: $ref/allOf resolved, nullable anyOf collapsed, depth-limited.</summary>
sealed class SchemaConverter
{
    private const int MaxDepth = 3;
    private const int MaxDescription = 600;
    private readonly JsonObject _spec;
    private readonly Stack<string> _refs = new();

    public SchemaConverter(JsonObject spec) => _spec = spec;

    public JsonNode? Deref(JsonNode node)
    {
        for (var i = 0; i < 10 && node is JsonObject o && o["$ref"] is JsonValue r; i++) node = Resolve((string)r!)!;
        return node;
    }

    private JsonNode? Resolve(string reference)
    {
        JsonNode? node = _spec;
        foreach (var part in reference.TrimStart('#', '/').Split('/')) node = node?[part.Replace("~1", "/").Replace("~0", "~")];
        return node;
    }

    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = Regex.Replace(text.Trim(), @"\s+", " ");
        return text.Length <= MaxDescription ? text : text.Substring(0, MaxDescription - 1).TrimEnd() + "…";
    }

    public JsonObject Convert(JsonNode node, int depth)
    {
        if (node is not JsonObject source) return new JsonObject();
        var ownDescription = Clean((string?)source["description"]);
        if (source["$ref"] is JsonValue refValue)
        {
            var reference = (string)refValue!;
            var name = reference.Split('/').Last();
            if (_refs.Contains(reference) || depth > MaxDepth)
            {
                var shallow = new JsonObject();
                var target = Resolve(reference) as JsonObject;
                var type = SimpleType(target);
                if (type != null) shallow["type"] = type;
                shallow["description"] = ownDescription ?? Clean((string?)target?["description"]) ?? $"A {name} (see the OpenAI API reference).";
                if (target?["enum"] is JsonArray e && type == "string") shallow["enum"] = e.DeepClone();
                return shallow;
            }
            _refs.Push(reference);
            try
            {
                var resolved = Convert(Resolve(reference) ?? new JsonObject(), depth);
                if (ownDescription != null) resolved["description"] = ownDescription;
                return resolved;
            }
            finally { _refs.Pop(); }
        }

        JsonObject result;
        if (source["allOf"] is JsonArray all)
        {
            result = new JsonObject();
            foreach (var part in all) Merge(result, Convert(part!, depth), requiredToo: true);
            CopyOwn(source, result, depth);
        }
        else if ((source["anyOf"] ?? source["oneOf"]) is JsonArray any)
        {
            var branches = any.Where(b => !(b is JsonObject bo && (string?)bo["type"] == "null")).Select(b => Convert(b!, depth)).ToList();
            result = CollapseAlternatives(branches);
            CopyOwn(source, result, depth);
        }
        else
        {
            result = new JsonObject();
            CopyOwn(source, result, depth);
        }
        if (ownDescription != null) result["description"] = ownDescription;
        return result;
    }

    private void CopyOwn(JsonObject source, JsonObject result, int depth)
    {
        var type = source["type"];
        if (type is JsonArray types)
        {
            var nonNull = types.Select(t => (string?)t).Where(t => t != "null").ToList();
            if (nonNull.Count == 1) result["type"] = nonNull[0];
            else if (nonNull.Count > 1) result["type"] = new JsonArray(nonNull.Select(t => (JsonNode)t!).ToArray());
        }
        else if (type is JsonValue && (string?)type != "null") result["type"] = (string?)type;
        foreach (var key in new[] { "enum", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "pattern", "const" })
            if (source[key] is JsonNode v) result[key] = v.DeepClone();
        if (source["enum"] is JsonArray enumValues && enumValues.Any(e => e is null))
            result["enum"] = new JsonArray(enumValues.Where(e => e is not null).Select(e => e!.DeepClone()).ToArray());
        if (source["format"] is JsonValue f && (string?)f != "binary") result["format"] = f.DeepClone();
        if (source["format"] is JsonValue fb && (string?)fb == "binary") result["format"] = "binary";
        if (source["properties"] is JsonObject props)
        {
            result["type"] ??= "object";
            if (depth >= MaxDepth)
            {
                if (result["description"] is null)
                    result["description"] = "An object with fields " + string.Join(", ", props.Select(p => p.Key)) + ".";
            }
            else
            {
                var converted = result["properties"] as JsonObject ?? new JsonObject();
                foreach (var (k, v) in props) converted[k] = Convert(v!, depth + 1);
                result["properties"] = converted;
                if (source["required"] is JsonArray req)
                {
                    var existing = (result["required"] as JsonArray)?.Select(n => (string)n!).ToList() ?? new List<string>();
                    foreach (var r in req) if (!existing.Contains((string)r!)) existing.Add((string)r!);
                    result["required"] = new JsonArray(existing.Select(x => (JsonNode)x).ToArray());
                }
            }
        }
        if (source["items"] is JsonNode items)
        {
            result["type"] ??= "array";
            result["items"] = depth >= MaxDepth + 1 ? Shallow(items) : Convert(items, depth + 1);
        }
        if (source["additionalProperties"] is JsonNode extra)
        {
            if (extra is JsonObject eo && depth < MaxDepth) result["additionalProperties"] = eo.Count == 0 ? true : Convert(eo, depth + 1);
            else if (extra is JsonValue ev && ev.TryGetValue<bool>(out var b) && b) result["additionalProperties"] = true;
        }
    }

    private JsonObject Shallow(JsonNode node)
    {
        var target = Deref(node) as JsonObject;
        var shallow = new JsonObject();
        var type = SimpleType(target);
        if (type != null) shallow["type"] = type;
        return shallow;
    }

    private string? SimpleType(JsonObject? schema)
    {
        if (schema is null) return null;
        if (schema["type"] is JsonValue t && (string?)t is string s && s != "null") return s;
        if (schema["type"] is JsonArray ta) return ta.Select(x => (string?)x).FirstOrDefault(x => x != "null");
        if (schema["properties"] != null || schema["allOf"] != null) return "object";
        return null;
    }

    /// <summary>anyOf/oneOf without the null branch: one branch stays itself; strings merge; objects merge loosely.</summary>
    private static JsonObject CollapseAlternatives(List<JsonObject> branches)
    {
        if (branches.Count == 0) return new JsonObject();
        if (branches.Count == 1) return branches[0];
        var types = branches.Select(b => (string?)(b["type"] as JsonValue)).ToList();
        if (types.All(t => t == "string"))
        {
            var result = new JsonObject { ["type"] = "string" };
            var known = branches.SelectMany(b => (b["enum"] as JsonArray)?.Select(e => (string?)e) ?? Enumerable.Empty<string?>()).Where(e => e != null).Distinct().ToList();
            if (branches.All(b => b["enum"] != null)) result["enum"] = new JsonArray(known.Select(k => (JsonNode)k!).ToArray());
            else if (known.Count > 0) result["description"] = "Known values: " + string.Join(", ", known) + ".";
            return result;
        }
        if (types.All(t => t == "object"))
        {
            var result = new JsonObject { ["type"] = "object" };
            foreach (var b in branches) Merge(result, b, requiredToo: false);
            // Required only where every alternative requires it.
            var common = branches.Select(b => (b["required"] as JsonArray)?.Select(n => (string)n!).ToHashSet() ?? new HashSet<string>())
                .Aggregate((a, c) => { a.IntersectWith(c); return a; });
            if (common.Count > 0) result["required"] = new JsonArray(common.Select(c => (JsonNode)c).ToArray());
            else result.Remove("required");
            return result;
        }
        var distinct = branches.Select(b => b.ToJsonString()).Distinct().Count();
        if (distinct == 1) return branches[0];
        return new JsonObject { ["anyOf"] = new JsonArray(branches.Select(b => (JsonNode)b).ToArray()) };
    }

    private static void Merge(JsonObject into, JsonObject from, bool requiredToo)
    {
        foreach (var (k, v) in from.ToList())
        {
            if (k == "properties" && v is JsonObject props)
            {
                var target = into["properties"] as JsonObject ?? new JsonObject();
                foreach (var (pk, pv) in props) target[pk] = pv?.DeepClone();
                into["properties"] = target;
                into["type"] ??= "object";
            }
            else if (k == "required" && v is JsonArray req)
            {
                if (!requiredToo) continue;
                var existing = (into["required"] as JsonArray)?.Select(n => (string)n!).ToList() ?? new List<string>();
                foreach (var r in req) if (!existing.Contains((string)r!)) existing.Add((string)r!);
                into["required"] = new JsonArray(existing.Select(x => (JsonNode)x).ToArray());
            }
            else if (k == "description")
            {
                into["description"] ??= v?.DeepClone();
            }
            else if (!into.ContainsKey(k))
            {
                into[k] = v?.DeepClone();
            }
        }
    }
}

public partial class Program
{
    // POST .../<verb>: an action on the collection before it (seed examples: openai_runs_cancel, openai_projects_archive).
    static readonly HashSet<string> Actions = new(StringComparer.Ordinal)
    {
        "cancel", "accept", "hangup", "refer", "reject", "submit_tool_outputs", "remix", "run", "validate", "compact",
        "input_tokens", "activate", "deactivate", "archive", "complete", "pause", "resume",
    };

    // POST to these updates the one object the path names (there is no list of them): update_a_, not create_a_.
    static readonly HashSet<string> Singletons = new(StringComparer.Ordinal)
    {
        "data_retention", "hosted_tool_permissions", "model_permissions", "spend_limit",
    };

    static readonly string[] TableColumns =
        { "tool", "method", "path", "operation_id", "seed", "area", "key", "headers", "paging", "page_size", "body", "response", "access", "repeat" };
}

/// <summary>
/// The success answers' JSON schemas of the table's operations, for checking the emulator's replies against the spec
/// (src/tools/ReplyCheck): { "definitions": { component: schema }, "operations": { "GET /path": { "status", "schema" } } }.
/// Only the components the answers reach are kept; $refs point into "definitions"; the OpenAPI 3.0 leftovers are made
/// JSON Schema (nullable: true becomes a "null" type).
/// </summary>
static class ResponseSchemas
{
    public static JsonObject Extract(JsonObject spec, IEnumerable<(string Tool, string Method, string Path)> operations)
    {
        var components = spec["components"]?["schemas"] as JsonObject ?? new JsonObject();
        var definitions = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        var result = new JsonObject();
        foreach (var (tool, method, path) in operations)
        {
            var template = path.Split('?')[0];
            var responses = spec["paths"]?[template]?[method.ToLowerInvariant()]?["responses"] as JsonObject;
            if (responses is null) continue;
            foreach (var (status, response) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                if (!status.StartsWith("2", StringComparison.Ordinal)) continue;
                var schema = response?["content"]?["application/json"]?["schema"];
                if (schema is null) continue;
                var key = $"{method} {path}";
                if (result.ContainsKey(key)) break;
                result[key] = new JsonObject { ["tool"] = tool, ["status"] = status, ["schema"] = Rewrite(schema, pending) };
                break;
            }
        }
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (definitions.ContainsKey(name)) continue;
            definitions[name] = null;
            definitions[name] = components[name] is JsonNode component ? Rewrite(component, pending) : new JsonObject();
        }
        var defs = new JsonObject();
        foreach (var (name, schema) in definitions) defs[name] = schema;
        return new JsonObject
        {
            ["generated_by"] = "src/tools/CatalogGen from ../shared/reference/openapi.yaml",
            ["definitions"] = defs,
            ["operations"] = result,
        };
    }

    /// <summary>A copy of the schema with refs into "definitions" (queued for copying) and nullable made a null type.</summary>
    private static JsonNode? Rewrite(JsonNode? node, Queue<string> pending)
    {
        switch (node)
        {
            case JsonObject source:
                var copy = new JsonObject();
                foreach (var (key, value) in source)
                {
                    if (key is "description" or "example" or "examples" or "x-oaiMeta" or "title" or "nullable" or "discriminator" or "x-stainless-const" or "deprecated") continue;
                    if (key == "$ref" && value is JsonValue r && ((string)r!).StartsWith("#/components/schemas/", StringComparison.Ordinal))
                    {
                        var name = ((string)r!).Substring("#/components/schemas/".Length);
                        pending.Enqueue(name);
                        copy[key] = "#/definitions/" + name;
                        continue;
                    }
                    copy[key] = Rewrite(value, pending);
                }
                // The spec's idiom for a nullable reference, allOf [ {$ref}, {nullable: true} ], means the reference or null
                // (a nullable-only part would otherwise read as "anything" and leave null refused).
                if (copy["allOf"] is JsonArray parts && source["allOf"] is JsonArray given && given.Count == parts.Count &&
                    given.Any(IsNullableOnly))
                {
                    var rest = new JsonArray(parts.Where((_, i) => !IsNullableOnly(given[i])).Select(p => p!.DeepClone()).ToArray());
                    copy.Remove("allOf");
                    var part = rest.Count == 1 ? rest[0]!.DeepClone() : new JsonObject { ["allOf"] = rest };
                    var nullable = new JsonObject { ["anyOf"] = new JsonArray(part, new JsonObject { ["type"] = "null" }) };
                    if (copy.Count == 0) return nullable;
                    copy["allOf"] = new JsonArray(nullable);
                }
                if (source["nullable"] is JsonValue n && (bool)n!)
                {
                    if (copy["type"] is JsonValue t) copy["type"] = new JsonArray((string)t!, "null");
                    else return new JsonObject { ["anyOf"] = new JsonArray(copy, new JsonObject { ["type"] = "null" }) };
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => Rewrite(item, pending)).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>A schema that only says nullable: true (besides annotations such as description).</summary>
    private static bool IsNullableOnly(JsonNode? node) =>
        node is JsonObject o && o["nullable"] is JsonValue n && n.TryGetValue<bool>(out var b) && b &&
        o.All(p => p.Key is "nullable" or "description" or "title" or "example" or "examples" or "deprecated");
}
