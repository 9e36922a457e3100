using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Checks text with the moderation model.</summary>
    /// <remarks><para>Piped text is gathered into requests of up to 32 inputs; one OpenAiModeration (Input, Flagged, the
    /// flagged Categories, CategoryScores) is written per input, in order. -Quiet writes only $true when any input is
    /// flagged, else $false. Needs an API key.</para>
    /// <para>-AsBatchRequest writes one batch request line (/v1/moderations) per text instead, its InputObject the object
    /// as piped (or -InputObject), for Invoke-OpenAiBatch: each result's Response is the OpenAiModeration and its Output
    /// whether the text was flagged.</para></remarks>
    /// <example>
    /// <code>'I like tea', 'I will attack the castle' | Test-OpenAiModeration | Select-Object Input, Flagged, Categories</code>
    /// <para>Shows which inputs were flagged and why.</para>
    /// </example>
    /// <example>
    /// <code>'I like tea', 'I will attack the castle' | Test-OpenAiModeration -AsBatchRequest | Invoke-OpenAiBatch -PollInterval 0.5 | Select-Object InputObject, Output, @{ n = 'Categories'; e = { $_.Response.Categories } }</code>
    /// <para>Checks texts through the Batch API and shows which were flagged.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "OpenAiModeration")]
    [OutputType(typeof(OpenAiModeration), typeof(bool), typeof(Core.Models.Platform.OpenAiBatchRequest))]
    [OpenAiOperation("", "POST", "/moderations")]
    public sealed class TestOpenAiModerationCommand : OpenAiCmdlet
    {
        private readonly List<string> _texts = new List<string>();

        /// <summary>The text to check (from the pipeline).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public string[] Text { get; set; } = new string[0];

        /// <summary>The moderation model (default: the API's, omni-moderation-latest).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string? Model { get; set; }

        /// <summary>Write only whether any input was flagged.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>Write one batch request line (OpenAiBatchRequest, url /v1/moderations) per text for Invoke-OpenAiBatch instead of sending requests.</summary>
        [Parameter]
        public SwitchParameter AsBatchRequest { get; set; }

        /// <summary>The object the text is for, attached to its batch request line (-AsBatchRequest) and so to its Invoke-OpenAiBatch result; a piped object binds it as it is, while -Text gets its text.</summary>
        [Parameter(ValueFromPipeline = true)]
        public PSObject? InputObject { get; set; }

        protected override void ProcessRecord()
        {
            if (!AsBatchRequest)
            {
                _texts.AddRange(Text);
                return;
            }
            foreach (var text in Text)
            {
                var body = new System.Text.Json.Nodes.JsonObject { ["input"] = text };
                if (Model != null) body["model"] = Model;
                Try(text, () => WriteObject(BatchJobs.BatchRequestLine.Create("/v1/moderations", body, BatchJobs.BatchRequestLine.InputOf(InputObject, text), ("Quiet", Quiet))));
            }
        }

        protected override void EndProcessing()
        {
            if (AsBatchRequest) return;
            var service = new ResponseService(Client);
            var flagged = false;
            for (var start = 0; start < _texts.Count; start += 32)
            {
                var batch = _texts.Skip(start).Take(32).ToList();
                Try(null, () =>
                {
                    foreach (var result in Await(observer => service.ModerateAsync(batch, Model, observer, CancellationToken)))
                    {
                        flagged |= result.Flagged;
                        if (!Quiet) WriteObject(result);
                    }
                });
            }
            if (Quiet) WriteObject(flagged);
        }
    }
}
