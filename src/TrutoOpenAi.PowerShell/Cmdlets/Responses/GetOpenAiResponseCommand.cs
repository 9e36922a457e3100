using System.Management.Automation;
using TrutoOpenAi.Core.Models.Responses;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.PowerShell.Cmdlets.Responses
{
    /// <summary>Gets a stored response by id, or replays a background response's stream.</summary>
    /// <remarks>
    /// <para>The API has no list of responses, so -Id is required (piped responses and objects with ResponseId bind it).
    /// -Stream replays a background response's events after -StartingAfter (a sequence number), showing the text on the
    /// host and writing the final response; a dropped replay resumes where it stopped. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>$r = Invoke-OpenAiResponse -Model gpt-4o-mini -Message 'Hi'; Get-OpenAiResponse -Id $r.Id</code>
    /// <para>Reads the response back.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "OpenAiResponse")]
    [OutputType(typeof(OpenAiResponse), typeof(OpenAiStreamEvent))]
    [OpenAiOperation("get_single_openai_response_by_id", "GET", "/responses/{response_id}")]
    public sealed class GetOpenAiResponseCommand : ResponseCmdletBase
    {
        /// <summary>The response id (resp_...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ResponseId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = string.Empty;

        /// <summary>Replay the stream of a background response.</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        /// <summary>With -Stream: start after this sequence number.</summary>
        [Parameter]
        [ValidateRange(-1, int.MaxValue)]
        public int? StartingAfter { get; set; }

        /// <summary>With -Stream: write every typed event instead of the final response.</summary>
        [Parameter]
        public SwitchParameter StreamEvent { get; set; }

        protected override void ProcessRecord()
        {
            var service = new ResponseService(Client);
            Try(Id, () =>
            {
                if (!Stream && !StreamEvent)
                {
                    WriteObject(Await(observer => service.GetAsync(Id, observer, CancellationToken)));
                    return;
                }
                var stream = Await(observer => service.ResumeAsync(Id, StartingAfter, new OpenAiStreamOptions(), observer, CancellationToken));
                var final = Consume(stream, StreamEvent);
                if (final != null && !StreamEvent) WriteResponse(final);
            });
        }
    }
}
