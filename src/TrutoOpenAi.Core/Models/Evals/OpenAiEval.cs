using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Evals
{
    /// <summary>An eval (<c>eval</c>): a data source configuration and the testing criteria every run is graded by.</summary>
    public sealed class OpenAiEval : OpenAiObject
    {
        /// <summary>The eval id (eval_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped evals bind to -EvalId parameters.</summary>
        [JsonIgnore]
        public string EvalId => Id;

        public string? Name { get; set; }

        /// <summary>The data source configuration (custom, logs or stored_completions, with its schema), as the API returned it.</summary>
        public JsonElement? DataSourceConfig { get; set; }

        /// <summary>The graders (string_check, text_similarity, label_model, score_model, python), as the API returned them.</summary>
        public List<JsonElement>? TestingCriteria { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Up to 16 key/value pairs.</summary>
        public Dictionary<string, string>? Metadata { get; set; }

        /// <summary>The names of the testing criteria, in order.</summary>
        [JsonIgnore]
        public IReadOnlyList<string> CriterionNames
        {
            get
            {
                var names = new List<string>();
                if (TestingCriteria is null) return names;
                foreach (var criterion in TestingCriteria)
                {
                    if (criterion.ValueKind == JsonValueKind.Object && criterion.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                        names.Add(name.GetString()!);
                }
                return names;
            }
        }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Id : $"{Name} ({Id})";
    }

    /// <summary>A run of an eval (<c>eval.run</c>): a data source graded by the eval's testing criteria.</summary>
    public sealed class OpenAiEvalRun : OpenAiObject
    {
        /// <summary>The run id (evalrun_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped runs bind to -RunId parameters.</summary>
        [JsonIgnore]
        public string RunId => Id;

        /// <summary>The eval the run belongs to.</summary>
        public string? EvalId { get; set; }

        /// <summary><c>queued</c>, <c>in_progress</c>, <c>completed</c>, <c>canceled</c> or <c>failed</c>.</summary>
        public string? Status { get; set; }

        /// <summary>The model sampled, when the data source samples one.</summary>
        public string? Model { get; set; }

        public string? Name { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>The run's report in the dashboard.</summary>
        public string? ReportUrl { get; set; }

        /// <summary>How many output items were graded, and how many passed, failed or errored.</summary>
        public OpenAiEvalResultCounts? ResultCounts { get; set; }

        /// <summary>Passed and failed counts per testing criterion.</summary>
        public List<OpenAiEvalCriterionResult>? PerTestingCriteriaResults { get; set; }

        /// <summary>Token usage per sampled model, as the API returned it.</summary>
        public JsonElement? PerModelUsage { get; set; }

        /// <summary>The data source of the run, as the API returned it.</summary>
        public JsonElement? DataSource { get; set; }

        public Dictionary<string, string>? Metadata { get; set; }

        /// <summary>Why the run failed (code and message), when it did.</summary>
        public OpenAiEvalRunError? Error { get; set; }

        /// <summary>True once the run is completed, failed or canceled.</summary>
        [JsonIgnore]
        public bool IsTerminal => Status == "completed" || Status == "failed" || Status == "canceled";

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>The result counts of an eval run.</summary>
    public sealed class OpenAiEvalResultCounts
    {
        public int Total { get; set; }
        public int Errored { get; set; }
        public int Failed { get; set; }
        public int Passed { get; set; }

        /// <summary>Items graded so far (passed + failed + errored).</summary>
        [JsonIgnore]
        public int Done => Passed + Failed + Errored;

        public override string ToString() => $"{Passed} passed, {Failed} failed, {Errored} errored of {Total}";
    }

    /// <summary>Passed and failed counts of one testing criterion in a run.</summary>
    public sealed class OpenAiEvalCriterionResult
    {
        /// <summary>The criterion, as the API describes it (its name and a suffix).</summary>
        public string? TestingCriteria { get; set; }
        public int Passed { get; set; }
        public int Failed { get; set; }

        public override string ToString() => $"{TestingCriteria}: {Passed} passed, {Failed} failed";
    }

    /// <summary>The error of a failed eval run.</summary>
    public sealed class OpenAiEvalRunError
    {
        public string? Code { get; set; }
        public string? Message { get; set; }

        public override string ToString() => $"{Code}: {Message}";
    }

    /// <summary>One graded item of an eval run (<c>eval.run.output_item</c>): the data source item, the sample and each grader's result.</summary>
    public sealed class OpenAiEvalRunOutputItem : OpenAiObject
    {
        /// <summary>The output item id (outputitem_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string OutputItemId => Id;

        public string? RunId { get; set; }
        public string? EvalId { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary><c>pass</c> or <c>fail</c> (every criterion passed, or not).</summary>
        public string? Status { get; set; }

        /// <summary>The index of the item in the data source.</summary>
        public long? DatasourceItemId { get; set; }

        /// <summary>The data source item, as the API returned it.</summary>
        public JsonElement? DatasourceItem { get; set; }

        /// <summary>One result per testing criterion.</summary>
        public List<OpenAiEvalGraderResult>? Results { get; set; }

        /// <summary>The sample (input and output messages, model, usage), as the API returned it.</summary>
        public JsonElement? Sample { get; set; }

        /// <summary>The text of the sample's first output message, when there is one.</summary>
        [JsonIgnore]
        public string? OutputText
        {
            get
            {
                if (Sample is not { ValueKind: JsonValueKind.Object } sample) return null;
                if (!sample.TryGetProperty("output", out var output) || output.ValueKind != JsonValueKind.Array) return null;
                foreach (var message in output.EnumerateArray())
                {
                    if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                        return content.GetString();
                }
                return null;
            }
        }

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>One grader's result on an output item.</summary>
    public sealed class OpenAiEvalGraderResult
    {
        public string? Name { get; set; }
        public string? Type { get; set; }
        public double Score { get; set; }
        public bool Passed { get; set; }

        /// <summary>What the grader saw or produced, as the API returned it.</summary>
        public JsonElement? Sample { get; set; }

        public override string ToString() => $"{Name}: {(Passed ? "pass" : "fail")} ({Score})";
    }
}
