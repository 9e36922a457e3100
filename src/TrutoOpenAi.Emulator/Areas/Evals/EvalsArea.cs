using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.Files;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.Evals;

/// <summary>
/// Evals (API key): GET/POST /evals (list oldest first by default, limit 1-100 default 20, after, order, order_by),
/// GET/POST/DELETE /evals/{eval_id} (update: name and metadata only), GET/POST /evals/{eval_id}/runs (list with a
/// status filter), GET/DELETE /evals/{eval_id}/runs/{run_id}, POST /evals/{eval_id}/runs/{run_id} (cancel: no /cancel
/// suffix), GET .../output_items (status pass|fail filter) and .../output_items/{output_item_id}.
/// Runs really grade (see <see cref="EvalGrading"/>): a jsonl data source brings its own samples; a completions or
/// responses data source has the stand-in model answer each item's rendered input messages. Sources: file_content,
/// or file_id of an uploaded JSONL file (each line {"item":...,"sample":...} or the item itself). Unknown testing
/// criterion types, string_check operations and text_similarity metrics are refused at creation with the API's 400.
/// </summary>
public sealed class EvalsArea : IEmulatorArea
{
    private static readonly string[] RunStatuses = ["queued", "in_progress", "completed", "canceled", "failed"];
    private static readonly string[] ConfigTypes = ["custom", "logs", "stored_completions"];
    private static readonly string[] DataSourceTypes = ["jsonl", "completions", "responses"];

    /// <summary>The completion limit a sample reports when sampling_params give none (the spec's examples answer 2048).</summary>
    public const int DefaultMaxCompletionTokens = 2048;

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<EvalsStore>();
        var files = state.Store<FileStore>();
        var evals = v1.MapGroup("/evals");

        evals.MapGet("", (HttpRequest request) =>
        {
            var query = ListQuery.Parse(request, new ListSpec(DefaultOrder: "asc"));
            if (request.Query.TryGetValue("order_by", out var orderBy) && orderBy[0] is not ("created_at" or "updated_at"))
                throw ApiErrors.BadRequest($"Invalid value for 'order_by': expected one of 'created_at' or 'updated_at', but got '{orderBy[0]}' instead.", "order_by", "invalid_value").Throw();
            return Results.Json(CursorList.Page(store.Evals, query, store.View), EmulatorJson.Options);
        });

        evals.MapPost("", async (HttpRequest request) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var config = ReadConfig(body);
            var criteria = ReadCriteria(body);
            var (_, name) = body.OptionalString("name");
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            var record = store.Evals.Append(last =>
            {
                var id = state.Ids.New("eval_", 32);
                return new EvalRecord
                {
                    Id = id, Name = name ?? $"Eval {id[^6..]}", DataSourceConfig = config, TestingCriteria = criteria,
                    CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0), Metadata = metadata,
                };
            });
            return Results.Json(store.View(record), EmulatorJson.Options);
        });

        evals.MapGet("/{eval_id}", (string eval_id) => Results.Json(store.View(FindEval(store, eval_id)), EmulatorJson.Options));

        evals.MapPost("/{eval_id}", async (HttpRequest request, string eval_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            FindEval(store, eval_id);
            var (hasName, name) = body.OptionalString("name");
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            var updated = store.Evals.Update(eval_id, e => e with
            {
                Name = hasName && name is not null ? name : e.Name,
                Metadata = body.Has("metadata") ? metadata : e.Metadata,
            })!;
            return Results.Json(store.View(updated), EmulatorJson.Options);
        });

        evals.MapDelete("/{eval_id}", (string eval_id) =>
        {
            FindEval(store, eval_id);
            store.Evals.Remove(eval_id);
            foreach (var run in store.Runs.Snapshot().Where(r => r.EvalId == eval_id)) store.Runs.Remove(run.Id);
            return Results.Json(new { @object = "eval.deleted", deleted = true, eval_id }, EmulatorJson.Options);
        });

        evals.MapGet("/{eval_id}/runs", (HttpRequest request, string eval_id) =>
        {
            var query = ListQuery.Parse(request, new ListSpec(DefaultOrder: "asc"));
            FindEval(store, eval_id);
            string? status = null;
            if (request.Query.TryGetValue("status", out var raw))
            {
                status = raw[0] ?? "";
                if (!RunStatuses.Contains(status))
                    throw ApiErrors.BadRequest($"Invalid value for 'status': expected one of {string.Join(", ", RunStatuses.Select(s => $"'{s}'"))}, but got '{status}' instead.", "status", "invalid_value").Throw();
            }
            return Results.Json(CursorList.Page(store.Runs, query, store.View,
                run => run.EvalId == eval_id && (status is null || store.Progress(run).Status == status)), EmulatorJson.Options);
        });

        evals.MapPost("/{eval_id}/runs", async (HttpRequest request, string eval_id) =>
        {
            var body = await JsonBody.ReadAsync(request);
            var eval = FindEval(store, eval_id);
            if (!body.Root.TryGetProperty("data_source", out var source) || source.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("data_source").Throw();
            if (source.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("data_source", "an object", source.ValueKind).Throw();
            var dataSource = JsonNode.Parse(source.GetRawText())!.AsObject();
            var type = (string?)dataSource["type"];
            if (type is null || !DataSourceTypes.Contains(type))
                throw ApiErrors.BadRequest($"Invalid value: '{type}'. Supported values are: {string.Join(", ", DataSourceTypes.Select(t => $"'{t}'"))}.", "data_source.type", "invalid_value").Throw();
            var rows = ReadRows(files, dataSource);
            string? model = null;
            if (type != "jsonl")
            {
                model = (string?)dataSource["model"] ?? throw ApiErrors.MissingParameter("data_source.model").Throw();
                if (dataSource["input_messages"] is not JsonObject inputMessages)
                    throw ApiErrors.MissingParameter("data_source.input_messages").Throw();
                StoreTemplate(inputMessages);
            }
            var (_, name) = body.OptionalString("name");
            var metadata = Batches.BatchesArea.ReadMetadata(body);
            (string, string)? fails = model is not null && state.Store<Models.ModelStore>().Items.Get(model) is null
                ? ("model_not_found", $"The model `{model}` does not exist or you do not have access to it.")
                : null;

            var criteria = eval.TestingCriteria.OfType<JsonObject>().ToList();
            var items = new List<EvalOutputItem>();
            for (var i = 0; i < rows.Count; i++)
            {
                var (item, given) = rows[i];
                var sample = model is null ? GivenSample(given) : Sample(dataSource, model, item);
                var results = criteria.Select(c => EvalGrading.Grade(c, item, Namespace(sample))).ToList();
                items.Add(new EvalOutputItem(state.Ids.New("outputitem_", 32), i, item, sample, results));
            }
            var run = store.Runs.Append(last =>
            {
                var id = state.Ids.New("evalrun_", 32);
                return new EvalRunRecord
                {
                    Id = id, EvalId = eval.Id, Name = name ?? $"{(model ?? "jsonl")}-run-{id[^6..]}", Model = model,
                    CreatedAt = Math.Max(state.Clock.UnixSeconds, last?.CreatedAt ?? 0), DataSource = dataSource, Metadata = metadata,
                    Items = items, CriterionNames = criteria.Select(c => (string?)c["name"] ?? "grader").ToList(), FailsWith = fails,
                };
            });
            return Results.Json(store.View(run), EmulatorJson.Options);
        });

        evals.MapGet("/{eval_id}/runs/{run_id}", (string eval_id, string run_id) =>
            Results.Json(store.View(FindRun(store, eval_id, run_id)), EmulatorJson.Options));

        evals.MapPost("/{eval_id}/runs/{run_id}", (string eval_id, string run_id) =>
        {
            FindRun(store, eval_id, run_id);
            string? refused = null;
            var updated = store.Runs.Update(run_id, run =>
            {
                var (status, graded) = store.Progress(run);
                if (status is not ("queued" or "in_progress")) { refused = status; return run; }
                return run with { CanceledAt = state.Clock.UnixSeconds, CanceledGraded = graded };
            })!;
            if (refused is not null)
                throw ApiErrors.BadRequest($"Cannot cancel run {run_id}: the run is already {refused}.", null, "invalid_state").Throw();
            return Results.Json(store.View(updated), EmulatorJson.Options);
        });

        evals.MapDelete("/{eval_id}/runs/{run_id}", (string eval_id, string run_id) =>
        {
            FindRun(store, eval_id, run_id);
            store.Runs.Remove(run_id);
            return Results.Json(new { @object = "eval.run.deleted", deleted = true, run_id }, EmulatorJson.Options);
        });

        evals.MapGet("/{eval_id}/runs/{run_id}/output_items", (HttpRequest request, string eval_id, string run_id) =>
        {
            var query = ListQuery.Parse(request, new ListSpec(DefaultOrder: "asc"));
            var run = FindRun(store, eval_id, run_id);
            bool? wantPass = null;
            if (request.Query.TryGetValue("status", out var raw))
            {
                wantPass = raw[0] switch
                {
                    "pass" => true,
                    "fail" => false,
                    _ => throw ApiErrors.BadRequest($"Invalid value for 'status': expected one of 'fail' or 'pass', but got '{raw[0]}' instead.", "status", "invalid_value").Throw(),
                };
            }
            var shown = new OrderedStore<EvalOutputItem>();
            shown.AddRange(run.Items.Take(store.Progress(run).Graded));
            return Results.Json(CursorList.Page(shown, query, item => store.View(run, item), item => wantPass is null || item.Passed == wantPass), EmulatorJson.Options);
        });

        evals.MapGet("/{eval_id}/runs/{run_id}/output_items/{output_item_id}", (string eval_id, string run_id, string output_item_id) =>
        {
            var run = FindRun(store, eval_id, run_id);
            var item = run.Items.Take(store.Progress(run).Graded).FirstOrDefault(i => i.Id == output_item_id)
                ?? throw ApiErrors.NotFound($"Output item {output_item_id} not found for run {run_id}.").Throw();
            return Results.Json(store.View(run, item), EmulatorJson.Options);
        });
    }

    private static EvalRecord FindEval(EvalsStore store, string id) =>
        store.Evals.Get(id) ?? throw ApiErrors.NotFound($"Eval with id '{id}' not found.").Throw();

    private static EvalRunRecord FindRun(EvalsStore store, string evalId, string runId)
    {
        FindEval(store, evalId);
        var run = store.Runs.Get(runId);
        if (run is null || run.EvalId != evalId) throw ApiErrors.NotFound($"Run with id '{runId}' not found for eval '{evalId}'.").Throw();
        return run;
    }

    /// <summary>data_source_config as the API stores it: custom's item_schema becomes schema {item, sample}.</summary>
    private static JsonObject ReadConfig(JsonBody body)
    {
        if (!body.Root.TryGetProperty("data_source_config", out var raw) || raw.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("data_source_config").Throw();
        if (raw.ValueKind != JsonValueKind.Object) throw ApiErrors.InvalidType("data_source_config", "an object", raw.ValueKind).Throw();
        var config = JsonNode.Parse(raw.GetRawText())!.AsObject();
        var type = (string?)config["type"];
        if (type is null || !ConfigTypes.Contains(type))
            throw ApiErrors.BadRequest($"Invalid value: '{type}'. Supported values are: {string.Join(", ", ConfigTypes.Select(t => $"'{t}'"))}.", "data_source_config.type", "invalid_value").Throw();
        if (type != "custom")
            return new JsonObject { ["type"] = type, ["metadata"] = config["metadata"]?.DeepClone(), ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() } };
        if (config["item_schema"] is not JsonObject itemSchema) throw ApiErrors.MissingParameter("data_source_config.item_schema").Throw();
        var includeSample = config["include_sample_schema"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        var properties = new JsonObject { ["item"] = itemSchema.DeepClone() };
        var required = new JsonArray("item");
        if (includeSample)
        {
            properties["sample"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["output_text"] = new JsonObject { ["type"] = "string" } } };
            required.Add("sample");
        }
        return new JsonObject { ["type"] = "custom", ["schema"] = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required } };
    }

    private static JsonArray ReadCriteria(JsonBody body)
    {
        if (!body.Root.TryGetProperty("testing_criteria", out var raw) || raw.ValueKind == JsonValueKind.Null) throw ApiErrors.MissingParameter("testing_criteria").Throw();
        if (raw.ValueKind != JsonValueKind.Array) throw ApiErrors.InvalidType("testing_criteria", "an array", raw.ValueKind).Throw();
        var criteria = JsonNode.Parse(raw.GetRawText())!.AsArray();
        for (var i = 0; i < criteria.Count; i++)
        {
            var param = $"testing_criteria[{i}]";
            if (criteria[i] is not JsonObject criterion) throw ApiErrors.BadRequest($"Invalid type for '{param}': expected an object.", param, "invalid_type").Throw();
            var type = (string?)criterion["type"];
            if (type is null || !EvalGrading.CriterionTypes.Contains(type))
                throw ApiErrors.BadRequest($"Invalid value: '{type}'. Supported values are: {string.Join(", ", EvalGrading.CriterionTypes.Select(t => $"'{t}'"))}.", $"{param}.type", "invalid_value").Throw();
            if ((string?)criterion["name"] is null) throw ApiErrors.MissingParameter($"{param}.name").Throw();
            if (type is "string_check" or "text_similarity")
            {
                if ((string?)criterion["input"] is null) throw ApiErrors.MissingParameter($"{param}.input").Throw();
                if ((string?)criterion["reference"] is null) throw ApiErrors.MissingParameter($"{param}.reference").Throw();
            }
            if (type == "string_check" && !EvalGrading.StringOperations.Contains((string?)criterion["operation"] ?? ""))
                throw ApiErrors.BadRequest($"Invalid value: '{criterion["operation"]}'. Supported values are: 'eq', 'ne', 'like', 'ilike'.", $"{param}.operation", "invalid_value").Throw();
            if (type == "text_similarity")
            {
                if (!EvalGrading.SimilarityMetrics.Contains((string?)criterion["evaluation_metric"] ?? ""))
                    throw ApiErrors.BadRequest($"Invalid value: '{criterion["evaluation_metric"]}'. Supported values are: {string.Join(", ", EvalGrading.SimilarityMetrics.Select(t => $"'{t}'"))}.", $"{param}.evaluation_metric", "invalid_value").Throw();
                if (criterion["pass_threshold"] is not JsonValue threshold || !threshold.TryGetValue<double>(out _))
                    throw ApiErrors.MissingParameter($"{param}.pass_threshold").Throw();
            }
        }
        return criteria;
    }

    /// <summary>The rows of a run's source: (item, sample given with it or null).</summary>
    private static List<(JsonNode Item, JsonNode? Sample)> ReadRows(FileStore files, JsonObject dataSource)
    {
        if (dataSource["source"] is not JsonObject source) throw ApiErrors.MissingParameter("data_source.source").Throw();
        var rows = new List<(JsonNode, JsonNode?)>();
        switch ((string?)source["type"])
        {
            case "file_content":
                if (source["content"] is not JsonArray content) throw ApiErrors.MissingParameter("data_source.source.content").Throw();
                for (var i = 0; i < content.Count; i++)
                {
                    if (content[i] is not JsonObject row || row["item"] is not JsonNode item)
                        throw ApiErrors.MissingParameter($"data_source.source.content[{i}].item").Throw();
                    rows.Add((item.DeepClone(), row["sample"]?.DeepClone()));
                }
                return rows;
            case "file_id":
                var id = (string?)source["id"] ?? throw ApiErrors.MissingParameter("data_source.source.id").Throw();
                var file = files.Items.Get(id) ?? throw ApiErrors.BadRequest($"Invalid 'data_source.source.id': no file with id '{id}' exists.", "data_source.source.id", "invalid_value").Throw();
                var lineNumber = 0;
                foreach (var line in Encoding.UTF8.GetString(file.Content).Split('\n'))
                {
                    lineNumber++;
                    if (line.Trim().Length == 0) continue;
                    JsonNode? node;
                    try { node = JsonNode.Parse(line); }
                    catch (JsonException) { throw ApiErrors.BadRequest($"File {id}, line {lineNumber}: not valid JSON.", "data_source.source.id", "invalid_file").Throw(); }
                    if (node is JsonObject wrapped && wrapped["item"] is JsonNode inner) rows.Add((inner.DeepClone(), wrapped["sample"]?.DeepClone()));
                    else if (node is not null) rows.Add((node, null));
                }
                return rows;
            default:
                throw ApiErrors.BadRequest($"Invalid value: '{source["type"]}'. The emulator supports the sources 'file_content' and 'file_id'.", "data_source.source.type", "invalid_value").Throw();
        }
    }

    /// <summary>A jsonl row's own sample (e.g. {"output_text": "..."}) as the output item shows it.</summary>
    private static JsonObject GivenSample(JsonNode? given)
    {
        var text = given?["output_text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var output = new JsonArray();
        if (text is not null) output.Add(new JsonObject { ["role"] = "assistant", ["content"] = text });
        return new JsonObject
        {
            ["input"] = new JsonArray(), ["output"] = output, ["finish_reason"] = text is null ? null : "stop", ["model"] = null,
            ["usage"] = null, ["error"] = null, ["temperature"] = null, ["max_completion_tokens"] = null, ["top_p"] = null, ["seed"] = null,
        };
    }

    /// <summary>
    /// A template as the API stores and answers it (the spec's createEvalRun example): each message written
    /// {role, content: "text"} becomes {type: "message", role, content: {type: "input_text" (output_text for the
    /// assistant), text}}.
    /// </summary>
    private static void StoreTemplate(JsonObject inputMessages)
    {
        if ((string?)inputMessages["type"] != "template" || inputMessages["template"] is not JsonArray template) return;
        foreach (var message in template.OfType<JsonObject>())
        {
            if (message["role"] is not JsonValue role || message["content"] is not JsonValue content || !content.TryGetValue<string>(out var text)) continue;
            message["type"] ??= "message";
            message["content"] = new JsonObject { ["type"] = (string?)role == "assistant" ? "output_text" : "input_text", ["text"] = text };
        }
    }

    /// <summary>Renders the input messages for one item and has the stand-in model answer them.</summary>
    private static JsonObject Sample(JsonObject dataSource, string model, JsonNode item)
    {
        var messages = new List<(string Role, string Content)>();
        var input = (JsonObject)dataSource["input_messages"]!;
        if ((string?)input["type"] == "item_reference")
        {
            var reference = (string?)input["item_reference"] ?? "";
            var path = reference.StartsWith("item.", StringComparison.Ordinal) ? reference[5..] : reference;
            JsonNode? node = item;
            foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries)) node = (node as JsonObject)?[part];
            if (node is JsonArray list)
                foreach (var m in list.OfType<JsonObject>()) messages.Add(((string?)m["role"] ?? "user", ContentText(m["content"], item)));
        }
        else if (input["template"] is JsonArray template)
        {
            foreach (var m in template.OfType<JsonObject>()) messages.Add(((string?)m["role"] ?? "user", ContentText(m["content"], item)));
        }
        var sampling = dataSource["sampling_params"] as JsonObject;
        var maxTokens = sampling?["max_completion_tokens"] is JsonValue limit && limit.TryGetValue<int>(out var n) ? n : DefaultMaxCompletionTokens;
        var reply = EvalSampler.Answer(model, messages, maxTokens);
        var answer = reply.Text;
        var promptTokens = reply.InputTokens;
        var completionTokens = reply.OutputTokens;
        return new JsonObject
        {
            ["input"] = new JsonArray(messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content }).ToArray()),
            ["output"] = new JsonArray(new JsonObject { ["role"] = "assistant", ["content"] = answer }),
            ["finish_reason"] = reply.Incomplete ? "length" : "stop",
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens, ["cached_tokens"] = 0 },
            ["error"] = null,
            ["temperature"] = sampling?["temperature"]?.DeepClone() ?? 1.0,
            ["max_completion_tokens"] = maxTokens,
            ["top_p"] = sampling?["top_p"]?.DeepClone() ?? 1.0,
            ["seed"] = sampling?["seed"]?.DeepClone() ?? 42,
        };
    }

    /// <summary>The sample namespace graders see: the sample plus output_text, the first output message's text.</summary>
    private static JsonNode Namespace(JsonObject sample)
    {
        var view = (JsonObject)sample.DeepClone();
        view["output_text"] = sample["output"] is JsonArray { Count: > 0 } output ? output[0]?["content"]?.DeepClone() : null;
        return view;
    }

    private static string ContentText(JsonNode? content, JsonNode item) => content switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => EvalGrading.Render(text, item, null),
        JsonObject o when (string?)o["text"] is { } text => EvalGrading.Render(text, item, null),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => EvalGrading.Render((string?)p["text"] ?? "", item, null))),
        _ => string.Empty,
    };
}
