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
    /// flagged, else $false. Needs an API key.</para></remarks>
    /// <example>
    /// <code>'I like tea', 'I will attack the castle' | Test-OpenAiModeration | Select-Object Input, Flagged, Categories</code>
    /// <para>Shows which inputs were flagged and why.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "OpenAiModeration")]
    [OutputType(typeof(OpenAiModeration), typeof(bool))]
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

        protected override void ProcessRecord() => _texts.AddRange(Text);

        protected override void EndProcessing()
        {
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
