using System;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Usage
{
    /// <summary>
    /// One result of one time bucket of a usage or costs report, flattened: the bucket's start and end travel with
    /// every result, so rows can be grouped, summed and exported without knowing the API's bucket envelope.
    /// </summary>
    public abstract class OpenAiUsageRecord : OpenAiObject
    {
        /// <summary>Start of the bucket (inclusive), UTC.</summary>
        [JsonIgnore]
        public DateTimeOffset BucketStart { get; set; }

        /// <summary>End of the bucket (exclusive), UTC.</summary>
        [JsonIgnore]
        public DateTimeOffset BucketEnd { get; set; }

        /// <summary>The project of the result when grouped by project (or filtered to projects).</summary>
        public string? ProjectId { get; set; }

        /// <summary>Which report the row comes from: Completions, Embeddings, ..., Costs.</summary>
        [JsonIgnore]
        public abstract string Kind { get; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Kind} usage {BucketStart:yyyy-MM-dd HH:mm}Z" + (ProjectId is null ? string.Empty : " " + ProjectId);
    }

    /// <summary>Grouping keys shared by most usage reports (user, API key, model).</summary>
    public abstract class OpenAiModelUsageRecord : OpenAiUsageRecord
    {
        /// <summary>The user of the result when grouped by user.</summary>
        public string? UserId { get; set; }

        /// <summary>The API key of the result when grouped by API key.</summary>
        public string? ApiKeyId { get; set; }

        /// <summary>The model of the result when grouped by model.</summary>
        public string? Model { get; set; }
    }

    /// <summary>Completions usage (<c>organization.usage.completions.result</c>): tokens and requests.</summary>
    public sealed class OpenAiCompletionsUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "Completions";
        public long InputTokens { get; set; }
        public long OutputTokens { get; set; }
        public long? InputCachedTokens { get; set; }
        public long? InputCacheWriteTokens { get; set; }
        public long? InputUncachedTokens { get; set; }
        public long? InputTextTokens { get; set; }
        public long? OutputTextTokens { get; set; }
        public long? InputCachedTextTokens { get; set; }
        public long? InputAudioTokens { get; set; }
        public long? InputCachedAudioTokens { get; set; }
        public long? OutputAudioTokens { get; set; }
        public long? InputImageTokens { get; set; }
        public long? InputCachedImageTokens { get; set; }
        public long? OutputImageTokens { get; set; }
        public long NumModelRequests { get; set; }

        /// <summary>When grouped by batch: whether the result is batch usage.</summary>
        public bool? Batch { get; set; }

        /// <summary>When grouped by service tier: the tier (default, flex, priority, scale ...).</summary>
        public string? ServiceTier { get; set; }
    }

    /// <summary>Embeddings usage (<c>organization.usage.embeddings.result</c>).</summary>
    public sealed class OpenAiEmbeddingsUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "Embeddings";
        public long InputTokens { get; set; }
        public long NumModelRequests { get; set; }
    }

    /// <summary>Moderations usage (<c>organization.usage.moderations.result</c>).</summary>
    public sealed class OpenAiModerationsUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "Moderations";
        public long InputTokens { get; set; }
        public long NumModelRequests { get; set; }
    }

    /// <summary>Images usage (<c>organization.usage.images.result</c>).</summary>
    public sealed class OpenAiImagesUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "Images";
        public long Images { get; set; }
        public long NumModelRequests { get; set; }

        /// <summary>When grouped by source: image.generation, image.edit or image.variation.</summary>
        public string? Source { get; set; }

        /// <summary>When grouped by size: e.g. 1024x1024.</summary>
        public string? Size { get; set; }
    }

    /// <summary>Audio speech (text to speech) usage (<c>organization.usage.audio_speeches.result</c>).</summary>
    public sealed class OpenAiAudioSpeechesUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "AudioSpeeches";
        public long Characters { get; set; }
        public long NumModelRequests { get; set; }
    }

    /// <summary>Audio transcription usage (<c>organization.usage.audio_transcriptions.result</c>).</summary>
    public sealed class OpenAiAudioTranscriptionsUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "AudioTranscriptions";
        public long Seconds { get; set; }
        public long NumModelRequests { get; set; }
    }

    /// <summary>Vector store storage usage (<c>organization.usage.vector_stores.result</c>).</summary>
    public sealed class OpenAiVectorStoresUsage : OpenAiUsageRecord
    {
        public override string Kind => "VectorStores";
        public long UsageBytes { get; set; }
    }

    /// <summary>Code interpreter sessions (<c>organization.usage.code_interpreter_sessions.result</c>).</summary>
    public sealed class OpenAiCodeInterpreterSessionsUsage : OpenAiUsageRecord
    {
        public override string Kind => "CodeInterpreterSessions";
        public long NumSessions { get; set; }
    }

    /// <summary>File search tool calls (<c>organization.usage.file_searches.result</c>).</summary>
    public sealed class OpenAiFileSearchCallsUsage : OpenAiUsageRecord
    {
        public override string Kind => "FileSearchCalls";
        public long NumRequests { get; set; }
        public string? UserId { get; set; }
        public string? ApiKeyId { get; set; }

        /// <summary>When grouped by vector store: the vector store searched.</summary>
        public string? VectorStoreId { get; set; }
    }

    /// <summary>Web search tool calls (<c>organization.usage.web_searches.result</c>).</summary>
    public sealed class OpenAiWebSearchCallsUsage : OpenAiModelUsageRecord
    {
        public override string Kind => "WebSearchCalls";
        public long NumRequests { get; set; }
        public long NumModelRequests { get; set; }

        /// <summary>When grouped by context level: the search context size (low, medium, high).</summary>
        public string? ContextLevel { get; set; }
    }
}
