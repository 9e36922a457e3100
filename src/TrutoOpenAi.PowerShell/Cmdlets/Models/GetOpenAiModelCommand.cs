using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Platform;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Models
{
    /// <summary>Gets the models the API key can use.</summary>
    /// <remarks>
    /// <para>Without -Id, lists every model (GET /models answers them all in one response). An -Id with wildcards also
    /// lists them and keeps the matching ids, so <c>Get-OpenAiModel -Id 'gpt-4*'</c> makes one request. An -Id without
    /// wildcards gets that model (GET /models/{model}); an unknown id writes an OpenAiNotFound error and the pipeline goes
    /// on. -FineTuned keeps only the organization's fine-tuned models (ids starting with ft:), the only ones
    /// Remove-OpenAiModel can delete. Needs an API key (not the admin key).</para>
    /// </remarks>
    /// <example>
    /// <code>Get-OpenAiModel -Id 'gpt-4*' | Sort-Object Created | Format-Table Id, OwnedBy, Created</code>
    /// <para>Lists the GPT-4 family models, oldest first.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiModel -Id gpt-4o-mini</code>
    /// <para>Gets one model by id.</para>
    /// </example>
    /// <example>
    /// <code>Get-OpenAiModel -FineTuned</code>
    /// <para>Lists the organization's fine-tuned models.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiModel")]
    [OutputType(typeof(OpenAiModel))]
    [OpenAiOperation("list_all_openai_models", "GET", "/models")]
    [OpenAiOperation("get_single_openai_model_by_id", "GET", "/models/{model}")]
    public sealed class GetOpenAiModelCommand : OpenAiCmdlet
    {
        /// <summary>
        /// Ids of the models to get, e.g. gpt-4o or ft:gpt-4o-mini:org::abc. Wildcards select from the list of every model;
        /// without -Id, every model is listed.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ModelId", "Model")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Only fine-tuned models (ids starting with ft:).</summary>
        [Parameter]
        public SwitchParameter FineTuned { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ModelService(Client);
            var literal = Id?.Where(id => !WildcardPattern.ContainsWildcardCharacters(id)).ToArray() ?? new string[0];
            var patterns = Id?.Where(WildcardPattern.ContainsWildcardCharacters)
                .Select(id => new WildcardPattern(id, WildcardOptions.IgnoreCase)).ToArray() ?? new WildcardPattern[0];

            foreach (var id in literal)
            {
                Try(id, () =>
                {
                    var model = Await(observer => service.GetAsync(id, observer, CancellationToken));
                    if (!FineTuned || model.IsFineTuned) WriteObject(model);
                });
            }

            if (Id != null && patterns.Length == 0) return;
            Try(null, () =>
            {
                var pager = service.List();
                while (Await(observer => pager.NextPageAsync(observer, CancellationToken)) is { } page)
                {
                    foreach (var model in page)
                    {
                        if (FineTuned && !model.IsFineTuned) continue;
                        if (patterns.Length > 0 && !patterns.Any(p => p.IsMatch(model.Id))) continue;
                        WriteObject(model);
                    }
                }
            });
        }
    }
}
