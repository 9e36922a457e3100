using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.Platform
{
    /// <summary>A batch (<c>batch</c>): a file of requests run asynchronously against one endpoint within a completion window.</summary>
    public sealed class OpenAiBatch : OpenAiObject
    {
        /// <summary>The batch id (batch_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped batches bind to -BatchId parameters.</summary>
        [JsonIgnore]
        public string BatchId => Id;

        /// <summary>The endpoint every request of the batch calls, e.g. <c>/v1/chat/completions</c>.</summary>
        public string? Endpoint { get; set; }

        /// <summary>The model the batch used, when known.</summary>
        public string? Model { get; set; }

        /// <summary>Validation errors of the input file (when the batch failed).</summary>
        public OpenAiBatchErrors? Errors { get; set; }

        public string? InputFileId { get; set; }

        /// <summary>Always <c>24h</c> today.</summary>
        public string? CompletionWindow { get; set; }

        /// <summary><c>validating</c>, <c>failed</c>, <c>in_progress</c>, <c>finalizing</c>, <c>completed</c>, <c>expired</c>, <c>cancelling</c> or <c>cancelled</c>.</summary>
        public string? Status { get; set; }

        /// <summary>The file with the successful responses (purpose batch_output).</summary>
        public string? OutputFileId { get; set; }

        /// <summary>The file with the failed requests' errors.</summary>
        public string? ErrorFileId { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? InProgressAt { get; set; }
        public DateTimeOffset? ExpiresAt { get; set; }
        public DateTimeOffset? FinalizingAt { get; set; }
        public DateTimeOffset? CompletedAt { get; set; }
        public DateTimeOffset? FailedAt { get; set; }
        public DateTimeOffset? ExpiredAt { get; set; }
        public DateTimeOffset? CancellingAt { get; set; }
        public DateTimeOffset? CancelledAt { get; set; }

        public OpenAiBatchRequestCounts? RequestCounts { get; set; }

        /// <summary>Up to 16 key/value pairs set at creation.</summary>
        public Dictionary<string, string>? Metadata { get; set; }

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>How many requests of a batch there are, and how many completed or failed.</summary>
    public sealed class OpenAiBatchRequestCounts
    {
        public int Total { get; set; }
        public int Completed { get; set; }
        public int Failed { get; set; }

        public override string ToString() => $"{Completed + Failed}/{Total} ({Failed} failed)";
    }

    /// <summary>The <c>errors</c> list of a batch.</summary>
    public sealed class OpenAiBatchErrors
    {
        public string? Object { get; set; }
        public List<OpenAiBatchError>? Data { get; set; }

        /// <summary>Names the object, e.g. in Export-Csv or string expansion.</summary>
        public override string ToString() => $"{Data?.Count ?? 0} error(s)";
    }

    /// <summary>One validation error of a batch's input file.</summary>
    public sealed class OpenAiBatchError
    {
        public string? Code { get; set; }
        public string? Message { get; set; }
        public string? Param { get; set; }
        public int? Line { get; set; }

        public override string ToString() => Line is null ? $"{Code}: {Message}" : $"line {Line}: {Code}: {Message}";
    }
}
