using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Access
{
    /// <summary>A project's rate limit for one model (<c>project.rate_limit</c>).</summary>
    public sealed class OpenAiProjectRateLimit : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped rate limits bind to -RateLimitId.</summary>
        [JsonIgnore]
        public string RateLimitId => Id;

        /// <summary>The project the limit belongs to (not in the API object; filled from the request).</summary>
        [JsonIgnore]
        public string? ProjectId { get; set; }

        /// <summary>The model the limit applies to.</summary>
        public string? Model { get; set; }

        [JsonPropertyName("max_requests_per_1_minute")] public long? MaxRequestsPer1Minute { get; set; }
        [JsonPropertyName("max_tokens_per_1_minute")] public long? MaxTokensPer1Minute { get; set; }
        [JsonPropertyName("max_images_per_1_minute")] public long? MaxImagesPer1Minute { get; set; }
        [JsonPropertyName("max_audio_megabytes_per_1_minute")] public long? MaxAudioMegabytesPer1Minute { get; set; }
        [JsonPropertyName("max_requests_per_1_day")] public long? MaxRequestsPer1Day { get; set; }
        [JsonPropertyName("batch_1_day_max_input_tokens")] public long? Batch1DayMaxInputTokens { get; set; }

        public override string ToString() => $"{Model} ({Id})";
    }

    /// <summary>Body of update-project-rate-limits; null fields are left out and so left unchanged.</summary>
    public sealed class ProjectRateLimitUpdateRequest
    {
        [JsonPropertyName("max_requests_per_1_minute")] public long? MaxRequestsPer1Minute { get; set; }
        [JsonPropertyName("max_tokens_per_1_minute")] public long? MaxTokensPer1Minute { get; set; }
        [JsonPropertyName("max_images_per_1_minute")] public long? MaxImagesPer1Minute { get; set; }
        [JsonPropertyName("max_audio_megabytes_per_1_minute")] public long? MaxAudioMegabytesPer1Minute { get; set; }
        [JsonPropertyName("max_requests_per_1_day")] public long? MaxRequestsPer1Day { get; set; }
        [JsonPropertyName("batch_1_day_max_input_tokens")] public long? Batch1DayMaxInputTokens { get; set; }

        [JsonIgnore]
        public bool IsEmpty => MaxRequestsPer1Minute is null && MaxTokensPer1Minute is null && MaxImagesPer1Minute is null &&
            MaxAudioMegabytesPer1Minute is null && MaxRequestsPer1Day is null && Batch1DayMaxInputTokens is null;
    }
}
