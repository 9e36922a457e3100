using System.Text.Json.Nodes;
using TrutoOpenAi.Emulator.Areas.AuditLogs;
using TrutoOpenAi.Emulator.Infrastructure;

namespace TrutoOpenAi.Emulator.Areas.RateLimits;

/// <summary>
/// Project rate limits: list (limit default 100, no documented range; after, before), update (every field optional,
/// an integer ≥ 0 that may not exceed the organisation's limit for the model; a limit the model does not have → 400).
/// </summary>
public sealed class RateLimitsArea : IEmulatorArea
{
    private static readonly ListSpec ListSpec = new(DefaultLimit: 100, MinLimit: 1, MaxLimit: null, SupportsBefore: true);

    private static readonly string[] Fields =
    [
        "max_requests_per_1_minute", "max_tokens_per_1_minute", "max_images_per_1_minute",
        "max_audio_megabytes_per_1_minute", "max_requests_per_1_day", "batch_1_day_max_input_tokens",
    ];

    public void Map(RouteGroupBuilder v1, EmulatorState state)
    {
        var store = state.Store<RateLimitStore>();
        var audit = state.Store<AuditLogStore>();
        var limits = v1.MapGroup("/organization/projects/{project_id}/rate_limits");

        limits.MapGet("", (string project_id, HttpRequest request) =>
            Results.Json(CursorList.Page(store.For(project_id), ListQuery.Parse(request, ListSpec)), EmulatorJson.Options));

        limits.MapPost("/{rate_limit_id}", async (string project_id, string rate_limit_id, HttpRequest request) =>
        {
            var items = store.For(project_id);
            var body = await JsonBody.ReadAsync(request);
            var values = new Dictionary<string, long>();
            foreach (var field in Fields)
                if (body.OptionalInteger(field, 0) is (true, { } value)) values[field] = value;

            var updated = items.Update(rate_limit_id, current =>
            {
                var ceiling = RateLimitStore.Ceiling(current.Model) ?? current;
                long Check(string field, long? have, long? max)
                {
                    var value = values[field];
                    if (have is null)
                        throw ApiErrors.BadRequest($"Invalid '{field}': the model {current.Model} has no such limit.", field, "invalid_value").Throw();
                    if (max is { } m && value > m)
                        throw ApiErrors.BadRequest($"Invalid '{field}': {value} exceeds the organization's limit of {m} for {current.Model}.", field, "invalid_value").Throw();
                    return value;
                }
                var next = current;
                foreach (var field in values.Keys)
                {
                    next = field switch
                    {
                        "max_requests_per_1_minute" => next with { MaxRequestsPer1Minute = Check(field, current.MaxRequestsPer1Minute, ceiling.MaxRequestsPer1Minute) },
                        "max_tokens_per_1_minute" => next with { MaxTokensPer1Minute = Check(field, current.MaxTokensPer1Minute, ceiling.MaxTokensPer1Minute) },
                        "max_images_per_1_minute" => next with { MaxImagesPer1Minute = Check(field, current.MaxImagesPer1Minute, ceiling.MaxImagesPer1Minute) },
                        "max_audio_megabytes_per_1_minute" => next with { MaxAudioMegabytesPer1Minute = Check(field, current.MaxAudioMegabytesPer1Minute, ceiling.MaxAudioMegabytesPer1Minute) },
                        "max_requests_per_1_day" => next with { MaxRequestsPer1Day = Check(field, current.MaxRequestsPer1Day, ceiling.MaxRequestsPer1Day) },
                        _ => next with { Batch1DayMaxInputTokens = Check(field, current.Batch1DayMaxInputTokens, ceiling.Batch1DayMaxInputTokens) },
                    };
                }
                return next;
            });
            if (updated is null) return ApiErrors.NoSuch("rate limit", rate_limit_id).ToResult();
            var changes = new JsonObject();
            foreach (var (field, value) in values) changes[field] = value;
            audit.Record("rate_limit.updated", new JsonObject { ["id"] = rate_limit_id, ["changes_requested"] = changes }, project_id);
            return Results.Json(updated, EmulatorJson.Options);
        });
    }
}
