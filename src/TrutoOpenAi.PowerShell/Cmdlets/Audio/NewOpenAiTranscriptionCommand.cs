using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.Core.Streaming;

namespace TrutoOpenAi.PowerShell.Cmdlets.Audio
{
    /// <summary>Transcribes audio files to text (POST /audio/transcriptions).</summary>
    /// <remarks>
    /// <para>Sends each audio file given by -Path or piped in (Get-ChildItem *.mp3 | New-OpenAiTranscription) as
    /// multipart/form-data streamed from disk, and writes one typed OpenAiTranscription per file, carrying the file's
    /// Path, the Model and the Text (with -ResponseFormat verbose_json also Language, Duration, Segments and, with
    /// -TimestampGranularity word, Words; text, srt and vtt answers are the Text as sent).</para>
    /// <para>-Stream shows the transcript on the host as it is recognised (information tagged PSHOST) and then writes the
    /// same typed transcript. whisper-1 cannot stream: -Stream with it is refused before any request
    /// (OpenAiStreamNotSupported). Refused before any request too: a missing file (OpenAiFileNotFound), a type the API
    /// does not take (OpenAiUnsupportedFormat), a file over 25 MB (OpenAiFileTooLarge), and a -ResponseFormat the model
    /// does not give (OpenAiUnsupportedResponseFormat: the gpt-4o models answer json only). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-ChildItem ./recordings/*.wav | New-OpenAiTranscription | Select-Object Path, Text</code>
    /// <para>Transcribes every recording of a folder.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiTranscription -Path ./recordings/standup.wav -Stream</code>
    /// <para>Shows the transcript as it arrives, then writes it as an object.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiTranscription -Path ./recordings/standup.wav -Model whisper-1 -ResponseFormat verbose_json -TimestampGranularity word, segment |
    ///     Select-Object -ExpandProperty Words</code>
    /// <para>Gets each word with its start and end in seconds.</para>
    /// </example>
    /// <example>
    /// <code>$schema = @{ type = 'object'; properties = @{ items = @{ type = 'array'; items = @{ type = 'object'
    ///     properties = @{ owner = @{ type = 'string' }; task = @{ type = 'string' }; due = @{ type = 'string' } } } } } }
    /// Get-ChildItem ./recordings/*.wav | New-OpenAiTranscription |
    ///     ForEach-Object { Invoke-OpenAiResponse -Model gpt-4o-mini -Instructions 'List the action items.' -Message $_.Text -JsonSchema $schema } |
    ///     ForEach-Object { ($_.OutputText | ConvertFrom-Json).items }</code>
    /// <para>Voice to action: transcribes recordings and turns each transcript into structured action items (owner, task, due).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiTranscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OpenAiTranscription))]
    [OpenAiOperation("create_a_openai_transcription", "POST", "/audio/transcriptions")]
    public sealed class NewOpenAiTranscriptionCommand : AudioTranscriptionCmdletBase
    {
        /// <summary>The model: gpt-4o-mini-transcribe (default), gpt-4o-transcribe, gpt-transcribe, gpt-4o-transcribe-diarize or whisper-1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public override string Model { get; set; } = "gpt-4o-mini-transcribe";

        /// <summary>The audio's language as an ISO-639-1 code (e.g. en), which improves accuracy and latency.</summary>
        [Parameter]
        [ValidatePattern("^[a-zA-Z]{2,3}$")]
        public string? Language { get; set; }

        /// <summary>Timestamps to add with -ResponseFormat verbose_json: word, segment or both.</summary>
        [Parameter]
        [ValidateSet("word", "segment")]
        public string[]? TimestampGranularity { get; set; }

        /// <summary>How to cut the audio into chunks: 'auto', or a server_vad hashtable (@{ type = 'server_vad'; threshold = 0.5 }).</summary>
        [Parameter]
        public object? ChunkingStrategy { get; set; }

        /// <summary>Up to 4 names of known speakers (gpt-4o-transcribe-diarize).</summary>
        [Parameter]
        [ValidateCount(1, 4)]
        public string[]? KnownSpeakerName { get; set; }

        /// <summary>Shows the transcript on the host as it arrives, then writes it (not for whisper-1).</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        private protected override bool Translate => false;

        private protected override void CheckParameters()
        {
            if (Stream && Model == "whisper-1")
                throw new OpenAiValidationException("Stream", "whisper-1 cannot stream transcripts; use gpt-4o-mini-transcribe or gpt-4o-transcribe, or leave out -Stream.", "OpenAiStreamNotSupported");
            if (TimestampGranularity != null && ResponseFormat != "verbose_json")
                throw new OpenAiValidationException("TimestampGranularity", "-TimestampGranularity needs -ResponseFormat verbose_json.", "OpenAiInvalidArgument");
        }

        private protected override void AddFields(MultipartBody form)
        {
            form.Field("language", Language).Fields("timestamp_granularities[]", TimestampGranularity).Fields("known_speaker_names[]", KnownSpeakerName);
            var chunking = ChunkingStrategy is PSObject ps ? ps.BaseObject : ChunkingStrategy;
            if (chunking is string text) form.Field("chunking_strategy", text);
            else if (chunking is IDictionary table) form.Field("chunking_strategy", Core.Json.OpenAiJson.Serialize(table));
            else if (chunking != null) throw new OpenAiValidationException("ChunkingStrategy", "-ChunkingStrategy is 'auto' or a hashtable such as @{ type = 'server_vad' }.", "OpenAiInvalidArgument");
        }

        private protected override OpenAiTranscription Send(AudioService service, MultipartBody form)
        {
            if (!Stream) return base.Send(service, form);
            var stream = Await(observer => service.TranscribeStreamAsync(form, observer, CancellationToken));
            var wroteText = false;
            try
            {
                while (Await(_ => stream.MoveNextAsync(CancellationToken)))
                {
                    var item = stream.Current!;
                    if (item.Type == "error")
                        throw new OpenAiStreamException(OpenAiStreamFailure.Malformed, $"the server sent an error event: {item.ErrorCode} {item.ErrorMessage}");
                    if (item.Type == "transcript.text.delta" && !string.IsNullOrEmpty(item.Delta))
                    {
                        WriteInformation(new HostInformationMessage { Message = item.Delta!, NoNewLine = true }, new[] { "PSHOST" });
                        wroteText = true;
                    }
                    if (item.Type == "transcript.text.done") return AudioService.FromDoneEvent(item);
                }
            }
            finally
            {
                if (wroteText) WriteInformation(new HostInformationMessage { Message = string.Empty }, new[] { "PSHOST" });
                stream.Dispose();
            }
            throw new OpenAiStreamException(OpenAiStreamFailure.Interrupted, $"the transcript stream of '{Path}' ended without transcript.text.done.");
        }
    }
}
