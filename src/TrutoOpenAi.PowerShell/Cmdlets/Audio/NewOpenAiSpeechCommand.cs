using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;
using TrutoOpenAi.PowerShell.Internal;

namespace TrutoOpenAi.PowerShell.Cmdlets.Audio
{
    /// <summary>Turns text into spoken audio files (POST /audio/speech).</summary>
    /// <remarks>
    /// <para>Each text given by -Text or piped in becomes one audio file, written to disk as the audio arrives (never held
    /// in memory), and its FileInfo is written. -Destination is a folder (the default is the current one), where each
    /// file is named after the first words of its text, or a file path; when one run writes several files to a file path,
    /// the second and later get -2, -3... before the extension. -Format is mp3 (the API's default), opus, aac, flac, wav
    /// or pcm (raw 24 kHz 16-bit mono samples); without it, the extension of a -Destination file path decides.</para>
    /// <para>-Stream asks for the audio as server-sent events (stream_format sse) and writes each decoded chunk as it
    /// comes, so the first audio is on disk early; tts-1 and tts-1-hd cannot stream. The bytes go to a temporary file
    /// that is moved into place when complete: a failed or cancelled call leaves nothing half-written. An existing file
    /// is refused before any request unless -Force (OpenAiDestinationExists); a text over 4096 characters
    /// (OpenAiTextTooLong), an unknown voice, and -Instructions or -Stream with the tts-1 models are refused before any
    /// request too. Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>'Hello from PowerShell.', 'The build is green.' | New-OpenAiSpeech -Voice coral -Format wav -Destination ./speech</code>
    /// <para>Writes ./speech/hello-from-powershell.wav and ./speech/the-build-is-green.wav.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiSpeech -Text 'Welcome aboard.' -Instructions 'Speak warmly and slowly.' -Destination ./welcome.mp3 -Stream -Force</code>
    /// <para>Streams the speech into welcome.mp3 as it is made, replacing the file if it exists.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiSpeech", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(FileInfo))]
    [OpenAiOperation("create_a_openai_speech", "POST", "/audio/speech")]
    public sealed class NewOpenAiSpeechCommand : OpenAiCmdlet
    {
        private static readonly string[] Formats = { "mp3", "opus", "aac", "flac", "wav", "pcm" };
        private static readonly string[] Voices = { "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "sage", "shimmer", "verse", "marin", "cedar" };
        private readonly MediaDestination _destinations = new MediaDestination();

        /// <summary>The text to speak (at most 4096 characters); one file per text.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Input")]
        [ValidateNotNullOrEmpty]
        public string Text { get; set; } = string.Empty;

        /// <summary>The voice: alloy (default), ash, ballad, coral, echo, fable, onyx, nova, sage, shimmer, verse, marin, cedar, or a custom voice id (voice_...).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Voice { get; set; } = "alloy";

        /// <summary>The speech model: gpt-4o-mini-tts (default), tts-1 or tts-1-hd.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(Completion.ModelIdCompleter))]
        public string Model { get; set; } = "gpt-4o-mini-tts";

        /// <summary>How to speak (tone, pace, accent); not for tts-1 and tts-1-hd.</summary>
        [Parameter]
        [ValidateLength(1, 4096)]
        public string? Instructions { get; set; }

        /// <summary>The audio format: mp3, opus, aac, flac, wav or pcm (default: the extension of -Destination, else mp3).</summary>
        [Parameter]
        [ValidateSet("mp3", "opus", "aac", "flac", "wav", "pcm")]
        public string? Format { get; set; }

        /// <summary>The speed, 0.25 to 4 (default 1).</summary>
        [Parameter]
        [ValidateRange(0.25, 4.0)]
        public double? Speed { get; set; }

        /// <summary>A folder to write into (default: the current folder) or a file path.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Destination { get; set; } = ".";

        /// <summary>Streams the audio as server-sent events and writes each chunk as it arrives.</summary>
        [Parameter]
        public SwitchParameter Stream { get; set; }

        /// <summary>Replaces an existing file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void ProcessRecord()
        {
            Try(Text, () =>
            {
                if (Text.Length > 4096)
                    throw new OpenAiValidationException("Text", $"-Text is {Text.Length} characters; speech takes at most 4096 per request (split the text and pipe the parts).", "OpenAiTextTooLong");
                var oldModel = Model.StartsWith("tts-1", StringComparison.Ordinal);
                if (oldModel && Instructions != null)
                    throw new OpenAiValidationException("Instructions", $"-Instructions does not work with {Model}; use gpt-4o-mini-tts.", "OpenAiInvalidArgument");
                if (oldModel && Stream)
                    throw new OpenAiValidationException("Stream", $"{Model} cannot stream (stream_format sse); use gpt-4o-mini-tts or leave out -Stream.", "OpenAiStreamNotSupported");
                if (!Voices.Contains(Voice) && !Voice.StartsWith("voice_", StringComparison.Ordinal))
                    throw new OpenAiValidationException("Voice", $"-Voice '{Voice}' is not a voice: use one of {string.Join(", ", Voices)}, or a custom voice id (voice_...).", "OpenAiInvalidArgument");
                var destination = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Destination);
                var format = Format ?? (MediaDestination.TryFormatFromExtension(destination, Formats, out var fromName) ? fromName : "mp3");
                var target = _destinations.Next(destination, MediaDestination.Slug(Text, "speech"), MediaFormats.SpeechExtension(format));
                FileDestination.CheckFree(target, Force);
                if (!ShouldProcess(target, $"Create speech ({Model}, voice {Voice}, {format})")) return;
                var body = new SpeechRequest
                {
                    Model = Model, Input = Text, Voice = Voice, Instructions = Instructions, ResponseFormat = format, Speed = Speed,
                    StreamFormat = Stream ? "sse" : null,
                };
                var service = new AudioService(Client);
                FileDestination.Write(target, stream => Await(observer => service.SpeechAsync(body, stream, observer, CancellationToken)));
                WriteObject(new FileInfo(target));
            });
        }
    }
}
