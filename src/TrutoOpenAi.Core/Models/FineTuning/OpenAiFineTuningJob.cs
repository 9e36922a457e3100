using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrutoOpenAi.Core.Models.FineTuning
{
    /// <summary>A fine-tuning job (<c>fine_tuning.job</c>): trains a new model from a base model and an uploaded training file.</summary>
    public sealed class OpenAiFineTuningJob : OpenAiObject
    {
        /// <summary>The job id (ftjob-...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped jobs bind to -FineTuningJobId parameters.</summary>
        [JsonIgnore]
        public string FineTuningJobId => Id;

        /// <summary>The base model being fine-tuned.</summary>
        public string? Model { get; set; }

        /// <summary><c>validating_files</c>, <c>queued</c>, <c>running</c>, <c>paused</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
        public string? Status { get; set; }

        /// <summary>The model created by the job (null until it succeeds).</summary>
        public string? FineTunedModel { get; set; }

        public string? TrainingFile { get; set; }
        public string? ValidationFile { get; set; }
        public string? OrganizationId { get; set; }

        /// <summary>Result files (purpose fine-tune-results), readable with Get-OpenAiFile / Save-OpenAiFileContent.</summary>
        public List<string>? ResultFiles { get; set; }

        /// <summary>Tokens processed (null while running).</summary>
        public long? TrainedTokens { get; set; }

        public long? Seed { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }
        public DateTimeOffset? FinishedAt { get; set; }

        /// <summary>When the job is expected to finish (while running).</summary>
        public DateTimeOffset? EstimatedFinish { get; set; }

        /// <summary>The error of a failed job.</summary>
        public OpenAiFineTuningJobError? Error { get; set; }

        /// <summary>The training method (supervised, dpo, reinforcement) and its hyperparameters, as the API returned them.</summary>
        public JsonElement? Method { get; set; }

        /// <summary>The (deprecated) top-level hyperparameters, as the API returned them.</summary>
        public JsonElement? Hyperparameters { get; set; }

        /// <summary>Up to 16 key/value pairs set at creation.</summary>
        public Dictionary<string, string>? Metadata { get; set; }

        public override string ToString() => $"{Id} ({Status})";
    }

    /// <summary>The error of a failed fine-tuning job.</summary>
    public sealed class OpenAiFineTuningJobError
    {
        public string? Code { get; set; }
        public string? Message { get; set; }
        public string? Param { get; set; }

        public override string ToString() => $"{Code}: {Message}";
    }

    /// <summary>One event of a fine-tuning job (<c>fine_tuning.job.event</c>).</summary>
    public sealed class OpenAiFineTuningEvent : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string EventId => Id;

        /// <summary>The job the event belongs to (set by the service: the API does not return it).</summary>
        [JsonIgnore]
        public string? FineTuningJobId { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary><c>info</c>, <c>warn</c> or <c>error</c>.</summary>
        public string? Level { get; set; }

        public string? Message { get; set; }

        /// <summary><c>message</c> or <c>metrics</c>.</summary>
        public string? Type { get; set; }

        /// <summary>Data of the event (metrics), as the API returned it.</summary>
        public JsonElement? Data { get; set; }

        public override string ToString() => Message ?? Id;
    }

    /// <summary>A checkpoint of a fine-tuning job (<c>fine_tuning.job.checkpoint</c>): a usable model at one step.</summary>
    public sealed class OpenAiFineTuningCheckpoint : OpenAiObject
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>.</summary>
        [JsonIgnore]
        public string CheckpointId => Id;

        public string? FineTuningJobId { get; set; }

        /// <summary>The model name of the checkpoint (ft:...), usable like any fine-tuned model.</summary>
        public string? FineTunedModelCheckpoint { get; set; }

        public int? StepNumber { get; set; }
        public DateTimeOffset? CreatedAt { get; set; }

        /// <summary>Metrics at this step (step, train_loss, train_mean_token_accuracy, valid_loss...).</summary>
        public Dictionary<string, double>? Metrics { get; set; }

        public override string ToString() => FineTunedModelCheckpoint ?? Id;
    }
}

namespace TrutoOpenAi.Core.Models.FineTuning
{
    /// <summary>A project's permission to use a fine-tuned model checkpoint (<c>checkpoint.permission</c>).</summary>
    public sealed class OpenAiFineTuningCheckpointPermission : OpenAiObject
    {
        /// <summary>The permission id (cp_...).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The same as <see cref="Id"/>, so piped permissions bind to -PermissionId.</summary>
        [JsonIgnore]
        public string PermissionId => Id;

        /// <summary>The checkpoint (ft:... model name) the permission is for (set by the service: the API does not return it).</summary>
        [JsonIgnore]
        public string? FineTunedModelCheckpoint { get; set; }

        /// <summary>The project allowed to use the checkpoint.</summary>
        public string? ProjectId { get; set; }

        public DateTimeOffset? CreatedAt { get; set; }

        public override string ToString() => $"{ProjectId} on {FineTunedModelCheckpoint}";
    }
}
