using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Starts a run of an eval: grades a data source against the eval's testing criteria.</summary>
    /// <remarks>
    /// <para>The items come from -Item (hashtables or objects, one per row; a row with an item key is sent as it is, so it
    /// can carry its own sample), from -FileId (an uploaded JSONL file), or -DataSource takes the whole data source object.
    /// Without -Model the rows are graded as they are (a jsonl data source: give each row a sample with output_text). With
    /// -Model, the model answers each row first (a completions data source): -InputMessage gives the messages, strings
    /// being user messages and hashtables whole messages, with {{item.field}} filled from the row.</para>
    /// <para>Writes the new run, queued; it carries EvalId and RunId, so it pipes into Wait-OpenAiEvalRun. An eval that
    /// does not exist writes an OpenAiNotFound error. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$rows = @{ question = 'Capital of France?'; answer = 'Paris' }, @{ question = 'Capital of Peru?'; answer = 'Lima' }
    /// New-OpenAiEvalRun -EvalId eval_abc123 -Model gpt-4o-mini -InputMessage @{ role = 'system'; content = 'Answer with one word.' }, '{{item.question}}' -Item $rows | Wait-OpenAiEvalRun</code>
    /// <para>Has the model answer two questions and waits for the grades.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiEvalRun -EvalId eval_abc123 -Name replay -Item @{ item = @{ answer = 'Paris' }; sample = @{ output_text = 'Paris' } }</code>
    /// <para>Grades an answer recorded earlier, without calling a model.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiEvalRun", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ItemSet)]
    [OutputType(typeof(OpenAiEvalRun))]
    [OpenAiOperation("create_a_openai_eval_run", "POST", "/evals/{eval_id}/runs")]
    public sealed class NewOpenAiEvalRunCommand : OpenAiCmdlet
    {
        private const string ItemSet = "Item";
        private const string FileSet = "File";
        private const string DataSourceSet = "DataSource";

        /// <summary>The id of the eval to run (eval_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string EvalId { get; set; } = string.Empty;

        /// <summary>The rows to grade: hashtables or objects (each the item, or @{ item = ...; sample = ... }).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ItemSet)]
        [ValidateNotNullOrEmpty]
        public object[]? Item { get; set; }

        /// <summary>An uploaded JSONL file of rows (file-...).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public string? FileId { get; set; }

        /// <summary>The whole data source object (jsonl, completions or responses), as a hashtable or JSON.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DataSourceSet)]
        [ValidateNotNull]
        public object? DataSource { get; set; }

        /// <summary>The model to answer each row (a completions data source); without it the rows are graded as given.</summary>
        [Parameter(ParameterSetName = ItemSet)]
        [Parameter(ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>With -Model: the messages sent for each row (strings are user messages; hashtables are role/content messages), with {{item.field}} references.</summary>
        [Parameter(ParameterSetName = ItemSet)]
        [Parameter(ParameterSetName = FileSet)]
        [ValidateNotNullOrEmpty]
        public object[]? InputMessage { get; set; }

        /// <summary>The name of the run.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the run with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(EvalId, () =>
            {
                var dataSource = ParameterSetName == DataSourceSet ? EvalInput.ToNode(DataSource, "DataSource") as JsonObject
                    ?? throw new OpenAiValidationException("DataSource", "-DataSource must be an object (type jsonl, completions or responses, with its source).")
                    : Build();
                var body = new JsonObject { ["data_source"] = dataSource };
                if (Name != null) body["name"] = Name;
                if (Metadata != null) body["metadata"] = EvalInput.MetadataNode(Metadata);
                if (!ShouldProcess($"eval {EvalId}", $"Start a run ({(string?)dataSource["type"]})")) return;
                var json = body.ToJsonString();
                WriteObject(Await(observer => new EvalService(Client).CreateRunAsync(EvalId, json, observer, CancellationToken)));
            });
        }

        private JsonObject Build()
        {
            if (InputMessage != null && Model is null)
                throw new OpenAiValidationException("InputMessage", "-InputMessage needs -Model: without a model the rows are graded as given.");
            if (Model != null && InputMessage is null)
                throw new OpenAiValidationException("InputMessage", "With -Model, give -InputMessage: the messages the model answers for each row, e.g. '{{item.question}}'.");
            JsonObject source;
            if (FileId != null)
            {
                source = new JsonObject { ["type"] = "file_id", ["id"] = FileId };
            }
            else
            {
                var content = new JsonArray();
                foreach (var row in Item!)
                {
                    var node = EvalInput.ToNode(row, "Item") as JsonObject
                        ?? throw new OpenAiValidationException("Item", "Each -Item must be a hashtable or object (one row of the data source).");
                    content.Add(node.ContainsKey("item") ? node : new JsonObject { ["item"] = node });
                }
                source = new JsonObject { ["type"] = "file_content", ["content"] = content };
            }
            if (Model is null) return new JsonObject { ["type"] = "jsonl", ["source"] = source };
            var template = new JsonArray();
            foreach (var message in InputMessage!)
            {
                var value = message is PSObject wrapped ? wrapped.BaseObject : message;
                template.Add(value is string text ? new JsonObject { ["role"] = "user", ["content"] = text } : EvalInput.ToNode(message, "InputMessage"));
            }
            return new JsonObject
            {
                ["type"] = "completions",
                ["model"] = Model,
                ["input_messages"] = new JsonObject { ["type"] = "template", ["template"] = template },
                ["source"] = source,
            };
        }
    }
}
