namespace TrutoOpenAi.Emulator.Areas.Usage;

/// <summary>
/// One /organization/usage/* endpoint or /organization/costs, as the spec defines it: allowed bucket widths, group_by
/// fields, array filters (with their enums), the result object and its measures.
/// </summary>
public sealed record UsageEndpointDef(
    string Name,
    string Path,
    string ResultObject,
    string[] BucketWidths,
    string[] GroupBy,
    string[] Filters,
    string[] Measures)
{
    public bool IsCosts => Name == "costs";

    /// <summary>Enums of the enum-typed array filters (spec).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FilterEnums = new Dictionary<string, string[]>
    {
        ["sources"] = ["image.generation", "image.edit", "image.variation"],
        ["sizes"] = ["256x256", "512x512", "1024x1024", "1792x1792", "1024x1792"],
        ["context_levels"] = ["low", "medium", "high"],
    };

    /// <summary>limit per bucket width (list_pagination.md §3): (default, max); costs: default 7, 1-180.</summary>
    public (int Default, int Max) Limits(string width) => IsCosts ? (7, 180) : width switch
    {
        "1m" => (60, 1440),
        "1h" => (24, 168),
        _ => (7, 31),
    };

    public static long Seconds(string width) => width switch { "1m" => 60, "1h" => 3600, _ => 86_400 };

    private static readonly string[] All = ["1m", "1h", "1d"];
    private static readonly string[] ModelGroups = ["project_id", "user_id", "api_key_id", "model"];
    private static readonly string[] ModelFilters = ["project_ids", "user_ids", "api_key_ids", "models"];

    public static readonly UsageEndpointDef[] Endpoints =
    [
        new("completions", "/organization/usage/completions", "organization.usage.completions.result", All,
            ["project_id", "user_id", "api_key_id", "model", "batch", "service_tier"], ModelFilters,
            ["input_tokens", "output_tokens", "input_cached_tokens", "input_audio_tokens", "output_audio_tokens", "num_model_requests"]),
        new("embeddings", "/organization/usage/embeddings", "organization.usage.embeddings.result", All, ModelGroups, ModelFilters,
            ["input_tokens", "num_model_requests"]),
        new("moderations", "/organization/usage/moderations", "organization.usage.moderations.result", All, ModelGroups, ModelFilters,
            ["input_tokens", "num_model_requests"]),
        new("images", "/organization/usage/images", "organization.usage.images.result", All,
            ["project_id", "user_id", "api_key_id", "model", "size", "source"], ["project_ids", "user_ids", "api_key_ids", "models", "sources", "sizes"],
            ["images", "num_model_requests"]),
        new("audio_speeches", "/organization/usage/audio_speeches", "organization.usage.audio_speeches.result", All, ModelGroups, ModelFilters,
            ["characters", "num_model_requests"]),
        new("audio_transcriptions", "/organization/usage/audio_transcriptions", "organization.usage.audio_transcriptions.result", All, ModelGroups, ModelFilters,
            ["seconds", "num_model_requests"]),
        new("vector_stores", "/organization/usage/vector_stores", "organization.usage.vector_stores.result", All, ["project_id"], ["project_ids"],
            ["usage_bytes"]),
        new("code_interpreter_sessions", "/organization/usage/code_interpreter_sessions", "organization.usage.code_interpreter_sessions.result", All,
            ["project_id"], ["project_ids"], ["num_sessions"]),
        new("file_search_calls", "/organization/usage/file_search_calls", "organization.usage.file_searches.result", All,
            ["project_id", "user_id", "api_key_id", "vector_store_id"], ["project_ids", "user_ids", "api_key_ids", "vector_store_ids"],
            ["num_requests"]),
        new("web_search_calls", "/organization/usage/web_search_calls", "organization.usage.web_searches.result", All,
            ["project_id", "user_id", "api_key_id", "model", "context_level"], ["project_ids", "user_ids", "api_key_ids", "models", "context_levels"],
            ["num_model_requests", "num_requests"]),
        new("costs", "/organization/costs", "organization.costs.result", ["1d"], ["project_id", "line_item", "api_key_id"], ["project_ids", "api_key_ids"],
            ["amount", "quantity"]),
    ];

    /// <summary>The atom's value for a group_by field (project_id -> ProjectId ...).</summary>
    public static object? Key(UsageAtom atom, string field) => field switch
    {
        "project_id" => atom.ProjectId,
        "user_id" => atom.UserId,
        "api_key_id" => atom.ApiKeyId,
        "model" => atom.Model,
        "batch" => atom.Batch,
        "service_tier" => atom.ServiceTier,
        "size" => atom.Size,
        "source" => atom.Source,
        "vector_store_id" => atom.VectorStoreId,
        "context_level" => atom.ContextLevel,
        "line_item" => atom.LineItem,
        _ => null,
    };

    /// <summary>The atom's value for an array filter (project_ids -> ProjectId ...).</summary>
    public static string? FilterValue(UsageAtom atom, string filter) => filter switch
    {
        "project_ids" => atom.ProjectId,
        "user_ids" => atom.UserId,
        "api_key_ids" => atom.ApiKeyId,
        "models" => atom.Model,
        "sources" => atom.Source,
        "sizes" => atom.Size,
        "vector_store_ids" => atom.VectorStoreId,
        "context_levels" => atom.ContextLevel,
        _ => null,
    };
}
