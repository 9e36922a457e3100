using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.FineTuning;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.FineTuningJobs
{
    /// <summary>Starts a fine-tuning job on an uploaded training file.</summary>
    /// <remarks>
    /// <para>Creates a job that trains a new model from -Model on the training file (uploaded with New-OpenAiFile -Purpose
    /// fine-tune; piping the file binds its FileId to -TrainingFile). The job starts in status validating_files, then
    /// queued, running and succeeded; follow it with Get-OpenAiFineTuningJob and Get-OpenAiFineTuningEvent. Once it
    /// succeeds, FineTunedModel names the new model (ft:...), -Suffix included. -Method chooses the training method
    /// (supervised by default) with hyperparameters: -Epochs, -BatchSize and -LearningRateMultiplier build a supervised
    /// method; -Method takes the whole method object (e.g. for dpo). Writes the new job. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>New-OpenAiFile -Path ./train.jsonl -Purpose fine-tune | New-OpenAiFineTuningJob -Model gpt-4o-mini-2024-07-18 -Suffix support -Epochs 3</code>
    /// <para>Uploads the training data and starts a supervised job of three epochs.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiFineTuningJob -Model gpt-4o-mini -TrainingFile file-abc123 -Method @{ type = 'dpo'; dpo = @{ hyperparameters = @{ beta = 0.1 } } } -Metadata @{ team = 'support' }</code>
    /// <para>Starts a DPO job tagged team=support.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiFineTuningJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(OpenAiFineTuningJob))]
    [OpenAiOperation("create_a_openai_fine_tuning_job", "POST", "/fine_tuning/jobs")]
    public sealed class NewOpenAiFineTuningJobCommand : OpenAiCmdlet
    {
        /// <summary>The base model (or a fine-tuned model) to train, e.g. gpt-4o-mini-2024-07-18.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string Model { get; set; } = string.Empty;

        /// <summary>The uploaded training file (file-...), of purpose fine-tune.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("FileId")]
        [ValidateNotNullOrEmpty]
        public string TrainingFile { get; set; } = string.Empty;

        /// <summary>An uploaded validation file (file-...), of purpose fine-tune.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ValidationFile { get; set; }

        /// <summary>Up to 64 characters added to the fine-tuned model's name.</summary>
        [Parameter]
        [ValidateLength(1, 64)]
        public string? Suffix { get; set; }

        /// <summary>The seed, for reproducible jobs (generated when omitted).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public long? Seed { get; set; }

        /// <summary>The whole training method object, e.g. @{ type = 'dpo'; dpo = @{ hyperparameters = @{ beta = 0.1 } } }.</summary>
        [Parameter]
        public Hashtable? Method { get; set; }

        /// <summary>Supervised training: number of epochs (1-50).</summary>
        [Parameter]
        [ValidateRange(1, 50)]
        public int? Epochs { get; set; }

        /// <summary>Supervised training: batch size (1-256).</summary>
        [Parameter]
        [ValidateRange(1, 256)]
        public int? BatchSize { get; set; }

        /// <summary>Supervised training: learning rate multiplier (greater than 0).</summary>
        [Parameter]
        [ValidateRange(0.0001, 100.0)]
        public double? LearningRateMultiplier { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the job with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(TrainingFile, () =>
            {
                if (Method != null && (Epochs != null || BatchSize != null || LearningRateMultiplier != null))
                    throw new PSArgumentException("Give either -Method or -Epochs/-BatchSize/-LearningRateMultiplier, not both.");
                object? method = Method == null ? null : ToPlain(Method);
                if (method == null && (Epochs != null || BatchSize != null || LearningRateMultiplier != null))
                {
                    var hyper = new Dictionary<string, object>();
                    if (Epochs != null) hyper["n_epochs"] = Epochs.Value;
                    if (BatchSize != null) hyper["batch_size"] = BatchSize.Value;
                    if (LearningRateMultiplier != null) hyper["learning_rate_multiplier"] = LearningRateMultiplier.Value;
                    method = new Dictionary<string, object> { ["type"] = "supervised", ["supervised"] = new Dictionary<string, object> { ["hyperparameters"] = hyper } };
                }
                if (!ShouldProcess($"file {TrainingFile}", $"Fine-tune {Model}")) return;
                var body = new FineTuningJobCreateRequest
                {
                    Model = Model, TrainingFile = TrainingFile, ValidationFile = ValidationFile, Suffix = Suffix, Seed = Seed,
                    Method = method, Metadata = FineTuningMetadata.From(Metadata),
                };
                WriteObject(Await(observer => new FineTuningService(Client).CreateJobAsync(body, observer, CancellationToken)));
            });
        }

        /// <summary>Hashtables (nested) to dictionaries the JSON serializer writes as objects, keys as given.</summary>
        private static object? ToPlain(object? value)
        {
            if (value is PSObject ps) value = ps.BaseObject;
            switch (value)
            {
                case IDictionary dictionary:
                    var result = new Dictionary<string, object?>();
                    foreach (DictionaryEntry entry in dictionary) result[entry.Key.ToString()] = ToPlain(entry.Value);
                    return result;
                case string _:
                    return value;
                case IEnumerable list:
                    var items = new List<object?>();
                    foreach (var item in list) items.Add(ToPlain(item));
                    return items;
                default:
                    return value;
            }
        }
    }
}
