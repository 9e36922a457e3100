using System.Management.Automation;
using TrutoOpenAi.Core;
using TrutoOpenAi.Core.Models.Media;

namespace TrutoOpenAi.PowerShell.Cmdlets.Audio
{
    /// <summary>Translates the speech of audio files into English text (POST /audio/translations).</summary>
    /// <remarks>
    /// <para>Sends each audio file given by -Path or piped in as multipart/form-data streamed from disk, and writes one
    /// typed OpenAiTranscription per file (Task translate) with the English Text, the file's Path and the Model. Only
    /// whisper-1 translates. Refused before any request: a missing file (OpenAiFileNotFound), a type the API does not take
    /// (OpenAiUnsupportedFormat), a file over 25 MB (OpenAiFileTooLarge), another model or diarized_json
    /// (OpenAiUnsupportedResponseFormat). Needs an API key.</para>
    /// </remarks>
    /// <example>
    /// <code>Get-ChildItem ./recordings/*.wav | New-OpenAiTranslation | Select-Object Path, Text</code>
    /// <para>Translates every recording of a folder into English.</para>
    /// </example>
    /// <example>
    /// <code>New-OpenAiTranslation -Path ./recordings/standup.wav -ResponseFormat srt | ForEach-Object Text | Set-Content ./standup.en.srt</code>
    /// <para>Writes English subtitles for a recording.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "OpenAiTranslation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(OpenAiTranscription))]
    [OpenAiOperation("create_a_openai_translation", "POST", "/audio/translations")]
    public sealed class NewOpenAiTranslationCommand : AudioTranscriptionCmdletBase
    {
        /// <summary>The model: whisper-1 (the only one that translates).</summary>
        [Parameter]
        [ValidateSet("whisper-1")]
        public override string Model { get; set; } = "whisper-1";

        private protected override bool Translate => true;
    }
}
