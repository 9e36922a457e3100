using System.Collections;
using System.Management.Automation;
using System.Text.Json.Nodes;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Evals;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Evals
{
    /// <summary>Creates an eval: the shape of its data and the testing criteria its runs are graded by.</summary>
    /// <remarks>
    /// <para>-DataSourceConfig describes the items runs bring (a hashtable, PSCustomObject or JSON text), e.g.
    /// @{ type = 'custom'; item_schema = @{ type = 'object'; properties = @{ question = @{ type = 'string' } } }; include_sample_schema = $true }.
    /// -TestingCriterion takes one or more graders as hashtables or JSON (string_check, text_similarity, label_model,
    /// score_model, python), referring to {{item.field}} and {{sample.output_text}}. -Definition reads the whole request
    /// (name, data_source_config, testing_criteria, metadata) from a JSON file; the other parameters override its fields.</para>
    /// <para>Criteria are checked before any request: one that is not an object, has no name, has a type the API does not
    /// know, or a string_check without a valid operation writes an OpenAiInvalidTestingCriterion error and nothing is
    /// sent. Writes the new eval (it carries EvalId, so it pipes into New-OpenAiEvalRun). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$config = @{ type = 'custom'; item_schema = @{ type = 'object'; properties = @{ question = @{ type = 'string' }; answer = @{ type = 'string' } } }; include_sample_schema = $true }
    /// $exact = @{ type = 'string_check'; name = 'exact'; input = '{{sample.output_text}}'; reference = '{{item.answer}}'; operation = 'eq' }
    /// New-OpenAiEval -Name 'Capitals' -DataSourceConfig $config -TestingCriterion $exact</code>
    /// <para>Creates an eval that checks the model's answer equals the item's expected answer.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiEval -Definition ./eval.json -Metadata @{ team = 'support' }</code>
    /// <para>Creates an eval from a JSON file, tagging it.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiEval", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ParametersSet)]
    [OutputType(typeof(OpenAiEval))]
    [OpenAiOperation("create_a_openai_eval", "POST", "/evals")]
    public sealed class NewOpenAiEvalCommand : OpenAiCmdlet
    {
        private const string ParametersSet = "Parameters";
        private const string DefinitionSet = "Definition";

        /// <summary>The name of the eval.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The data source configuration: a hashtable, PSCustomObject or JSON text (type custom, logs or stored_completions).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [ValidateNotNull]
        public object? DataSourceConfig { get; set; }

        /// <summary>The testing criteria (graders): hashtables or JSON objects, or one JSON array.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ParametersSet)]
        [Parameter(ParameterSetName = DefinitionSet)]
        [Alias("TestingCriteria")]
        [ValidateNotNullOrEmpty]
        public object[]? TestingCriterion { get; set; }

        /// <summary>A JSON file holding the whole request (name, data_source_config, testing_criteria, metadata).</summary>
        [Parameter(Mandatory = true, ParameterSetName = DefinitionSet)]
        [ValidateNotNullOrEmpty]
        public string? Definition { get; set; }

        /// <summary>Up to 16 key/value pairs to tag the eval with.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        protected override void ProcessRecord()
        {
            Try(Name, () =>
            {
                var body = Definition is null ? new JsonObject() : EvalInput.ReadDefinition(this, Definition);
                if (Name != null) body["name"] = Name;
                if (DataSourceConfig != null) body["data_source_config"] = EvalInput.ToNode(DataSourceConfig, "DataSourceConfig");
                if (TestingCriterion != null) body["testing_criteria"] = EvalInput.Criteria(TestingCriterion);
                if (Metadata != null) body["metadata"] = EvalInput.MetadataNode(Metadata);
                if (!(body["data_source_config"] is JsonObject))
                    throw new OpenAiValidationException("DataSourceConfig", "The eval needs a data source configuration object (-DataSourceConfig, or data_source_config in -Definition).", "OpenAiInvalidArgument");
                if (!(body["testing_criteria"] is JsonArray criteria))
                    throw new OpenAiValidationException("TestingCriterion", "The eval needs testing criteria (-TestingCriterion, or testing_criteria in -Definition).", "OpenAiInvalidTestingCriterion");
                EvalInput.CheckCriteria(criteria);
                var name = (string?)body["name"];
                if (!ShouldProcess(name is null ? $"eval with {criteria.Count} testing criteria" : $"eval '{name}' ({criteria.Count} testing criteria)", "Create")) return;
                var json = body.ToJsonString();
                WriteObject(Await(observer => new EvalService(Client).CreateEvalAsync(json, observer, CancellationToken)));
            });
        }
    }
}
