using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;
using TrutoOpenAi.Core.Services;

namespace TrutoOpenAi.PowerShell.Cmdlets.Audio
{
    /// <summary>
    /// What New-OpenAiTranscription and New-OpenAiTranslation share: audio files from -Path or the pipeline, checked before
    /// any request (exists, a type the API takes, at most 25 MB, a response format the model gives), sent as multipart
    /// streamed from disk, one request per file, and the typed transcript written with the file it came from.
    /// </summary>
    public abstract class AudioTranscriptionCmdletBase : OpenAiCmdlet
    {
        /// <summary>The audio file (flac, mp3, mp4, mpeg, mpga, m4a, ogg, wav or webm; at most 25 MB); files piped from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        /// <summary>Text that guides the model's style or continues a previous segment.</summary>
        [Parameter]
        public string? Prompt { get; set; }

        /// <summary>The answer's format: json (default), text, srt, verbose_json, vtt (whisper-1), diarized_json (gpt-4o-transcribe-diarize).</summary>
        [Parameter]
        [ValidateSet("json", "text", "srt", "verbose_json", "vtt", "diarized_json")]
        public string ResponseFormat { get; set; } = "json";

        /// <summary>The sampling temperature, 0 to 1.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double? Temperature { get; set; }

        /// <summary>The model to use.</summary>
        public abstract string Model { get; set; }

        /// <summary>True for translation (to English).</summary>
        private protected abstract bool Translate { get; }

        /// <summary>Checks the cmdlet's own parameters before any request (throws OpenAiValidationException).</summary>
        private protected virtual void CheckParameters() { }

        /// <summary>Adds the cmdlet's own fields to the form.</summary>
        private protected virtual void AddFields(MultipartBody form) { }

        /// <summary>Sends the form; the default is one request answered with the transcript.</summary>
        private protected virtual OpenAiTranscription Send(AudioService service, MultipartBody form) =>
            Await(observer => service.TranscribeAsync(Translate, form, observer, CancellationToken));

        protected override void ProcessRecord()
        {
            Try(Path, () =>
            {
                var local = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
                CheckFile(local);
                CheckFormat();
                CheckParameters();
                if (!ShouldProcess(local, $"{(Translate ? "Translate" : "Transcribe")} with {Model}")) return;
                var form = new MultipartBody()
                    .File("file", local, MediaFormats.AudioMediaType(local))
                    .Field("model", Model)
                    .Field("prompt", Prompt)
                    .Field("response_format", ResponseFormat)
                    .Field("temperature", Temperature?.ToString(System.Globalization.CultureInfo.InvariantCulture));
                AddFields(form);
                var transcript = Send(new AudioService(Client), form);
                transcript.Path = local;
                transcript.Model = Model;
                transcript.ResponseFormat = ResponseFormat;
                WriteObject(transcript);
            });
        }

        private static void CheckFile(string local)
        {
            if (!File.Exists(local))
                throw new OpenAiValidationException("Path", $"The file '{local}' does not exist.", "OpenAiFileNotFound");
            var extension = System.IO.Path.GetExtension(local).TrimStart('.').ToLowerInvariant();
            if (!MediaFormats.AudioExtensions.Contains(extension))
                throw new OpenAiValidationException("Path", $"'{System.IO.Path.GetFileName(local)}' is not an audio type the API takes ({string.Join(", ", MediaFormats.AudioExtensions)}).", "OpenAiUnsupportedFormat");
            var length = new FileInfo(local).Length;
            if (length > MediaFormats.MaxAudioBytes)
                throw new OpenAiValidationException("Path", $"'{System.IO.Path.GetFileName(local)}' is {length / 1048576.0:0.#} MB; the API takes audio files of at most 25 MB (split the recording).", "OpenAiFileTooLarge");
        }

        private void CheckFormat()
        {
            string[] formats = Model == "whisper-1" ? new[] { "json", "text", "srt", "verbose_json", "vtt" }
                : Model == "gpt-4o-transcribe-diarize" ? new[] { "json", "text", "diarized_json" }
                : Model.Contains("transcribe") ? new[] { "json" }
                : new[] { ResponseFormat };
            if (!formats.Contains(ResponseFormat))
                throw new OpenAiValidationException("ResponseFormat", $"{Model} does not answer in {ResponseFormat}; it takes {string.Join(", ", formats)}.", "OpenAiUnsupportedResponseFormat");
        }
    }
}
