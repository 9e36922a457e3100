using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TrutoOpenAi.Core.Models.Usage;

namespace TrutoOpenAi.Core.Usage
{
    /// <summary>
    /// One usage or costs endpoint (reference/list_pagination.md §3): its path, the bucket widths and group_by fields
    /// the spec allows, its limit range per bucket width, and how a result becomes a typed row.
    /// </summary>
    public abstract class UsageEndpoint
    {
        internal UsageEndpoint(string kind, string path, string[] bucketWidths, string[] groupBy, string[] filters)
        {
            Kind = kind;
            Path = path;
            BucketWidths = bucketWidths;
            GroupBy = groupBy;
            Filters = filters;
        }

        /// <summary>Completions, Embeddings, ..., Costs.</summary>
        public string Kind { get; }

        /// <summary>Path relative to /v1, e.g. organization/usage/completions.</summary>
        public string Path { get; }

        /// <summary>The bucket_width values the endpoint accepts (costs: only 1d).</summary>
        public IReadOnlyList<string> BucketWidths { get; }

        /// <summary>The group_by values the endpoint accepts, in the API's snake_case.</summary>
        public IReadOnlyList<string> GroupBy { get; }

        /// <summary>The array filters the endpoint accepts (project_ids, user_ids, models ...).</summary>
        public IReadOnlyList<string> Filters { get; }

        public bool IsCosts => Kind == "Costs";

        /// <summary>The limit range (buckets per page) for a bucket width, as the operation table holds it from the spec
        /// (costs: 1-180; usage 1d 1-31, 1h 1-168, 1m 1-1440).</summary>
        public (int Min, int Max) PageSizeRange(string? bucketWidth)
        {
            var operation = Catalog.OperationTable.ByTemplate("GET", "/" + Path) ?? throw new InvalidOperationException($"GET /{Path} is not in the operation table.");
            return operation.PageSizeRange(IsCosts ? null : bucketWidth) ?? operation.PageSizeRange()
                ?? throw new InvalidOperationException($"The operation table has no page size for GET /{Path}.");
        }

        /// <summary>The largest limit for a bucket width (<see cref="PageSizeRange"/>'s maximum).</summary>
        public int MaxLimit(string? bucketWidth) => PageSizeRange(bucketWidth).Max;

        public static readonly UsageEndpoint<OpenAiCompletionsUsage> Completions = new UsageEndpoint<OpenAiCompletionsUsage>(
            "Completions", "organization/usage/completions", AllWidths,
            new[] { "project_id", "user_id", "api_key_id", "model", "batch", "service_tier" },
            new[] { "project_ids", "user_ids", "api_key_ids", "models" });

        public static readonly UsageEndpoint<OpenAiEmbeddingsUsage> Embeddings = new UsageEndpoint<OpenAiEmbeddingsUsage>(
            "Embeddings", "organization/usage/embeddings", AllWidths, ModelGroups, ModelFilters);

        public static readonly UsageEndpoint<OpenAiModerationsUsage> Moderations = new UsageEndpoint<OpenAiModerationsUsage>(
            "Moderations", "organization/usage/moderations", AllWidths, ModelGroups, ModelFilters);

        public static readonly UsageEndpoint<OpenAiImagesUsage> Images = new UsageEndpoint<OpenAiImagesUsage>(
            "Images", "organization/usage/images", AllWidths,
            new[] { "project_id", "user_id", "api_key_id", "model", "size", "source" },
            new[] { "project_ids", "user_ids", "api_key_ids", "models", "sources", "sizes" });

        public static readonly UsageEndpoint<OpenAiAudioSpeechesUsage> AudioSpeeches = new UsageEndpoint<OpenAiAudioSpeechesUsage>(
            "AudioSpeeches", "organization/usage/audio_speeches", AllWidths, ModelGroups, ModelFilters);

        public static readonly UsageEndpoint<OpenAiAudioTranscriptionsUsage> AudioTranscriptions = new UsageEndpoint<OpenAiAudioTranscriptionsUsage>(
            "AudioTranscriptions", "organization/usage/audio_transcriptions", AllWidths, ModelGroups, ModelFilters);

        public static readonly UsageEndpoint<OpenAiVectorStoresUsage> VectorStores = new UsageEndpoint<OpenAiVectorStoresUsage>(
            "VectorStores", "organization/usage/vector_stores", AllWidths, new[] { "project_id" }, new[] { "project_ids" });

        public static readonly UsageEndpoint<OpenAiCodeInterpreterSessionsUsage> CodeInterpreterSessions = new UsageEndpoint<OpenAiCodeInterpreterSessionsUsage>(
            "CodeInterpreterSessions", "organization/usage/code_interpreter_sessions", AllWidths, new[] { "project_id" }, new[] { "project_ids" });

        public static readonly UsageEndpoint<OpenAiFileSearchCallsUsage> FileSearchCalls = new UsageEndpoint<OpenAiFileSearchCallsUsage>(
            "FileSearchCalls", "organization/usage/file_search_calls", AllWidths,
            new[] { "project_id", "user_id", "api_key_id", "vector_store_id" },
            new[] { "project_ids", "user_ids", "api_key_ids", "vector_store_ids" });

        public static readonly UsageEndpoint<OpenAiWebSearchCallsUsage> WebSearchCalls = new UsageEndpoint<OpenAiWebSearchCallsUsage>(
            "WebSearchCalls", "organization/usage/web_search_calls", AllWidths,
            new[] { "project_id", "user_id", "api_key_id", "model", "context_level" },
            new[] { "project_ids", "user_ids", "api_key_ids", "models", "context_levels" });

        public static readonly UsageEndpoint<OpenAiCost> Costs = new UsageEndpoint<OpenAiCost>(
            "Costs", "organization/costs", new[] { "1d" },
            new[] { "project_id", "line_item", "api_key_id" },
            new[] { "project_ids", "api_key_ids" });

        private static string[] AllWidths => new[] { "1m", "1h", "1d" };
        private static string[] ModelGroups => new[] { "project_id", "user_id", "api_key_id", "model" };
        private static string[] ModelFilters => new[] { "project_ids", "user_ids", "api_key_ids", "models" };

        /// <summary>PowerShell-style names to the API's: ProjectId -> project_id, ApiKeyId -> api_key_id (snake_case kept as is).</summary>
        public static string ToApiName(string name)
        {
            if (string.IsNullOrEmpty(name)) return name;
            var builder = new System.Text.StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && name[i - 1] != '_') builder.Append('_');
                    builder.Append(char.ToLowerInvariant(c));
                }
                else builder.Append(c);
            }
            return builder.ToString();
        }
    }

    /// <summary>A usage or costs endpoint whose results are rows of type <typeparamref name="T"/>.</summary>
    public sealed class UsageEndpoint<T> : UsageEndpoint where T : OpenAiUsageRecord
    {
        internal UsageEndpoint(string kind, string path, string[] bucketWidths, string[] groupBy, string[] filters)
            : base(kind, path, bucketWidths, groupBy, filters) { }

        /// <summary>The rows of one bucket (<c>{"object":"bucket","start_time","end_time","results":[...]}</c>); none when it has no results.</summary>
        public IEnumerable<T> ReadBucket(JsonElement bucket)
        {
            if (bucket.ValueKind != JsonValueKind.Object) yield break;
            var start = Seconds(bucket, "start_time");
            var end = Seconds(bucket, "end_time");
            if (!bucket.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) yield break;
            foreach (var result in results.EnumerateArray())
            {
                var row = Models.OpenAiObject.From<T>(result);
                row.BucketStart = start;
                row.BucketEnd = end;
                yield return row;
            }
        }

        private static DateTimeOffset Seconds(JsonElement bucket, string name) =>
            bucket.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
                ? Json.OpenAiJson.FromUnixSeconds(value.GetDouble())
                : default;
    }
}
